import type { Direction } from "../scan/catalogue";
import { rankAreas, type AreaValue } from "../scan/ranking";

// Block 5, "verbind tellen en vertellen": per theme, what the figures of the frozen buurtscan say
// next to what residents tell, and the kind of theme that makes. Pure: no I/O.
//
// The rule (also shown in the page's help):
// - Statistical signal. For each indicator of the theme (neutral ones do not count), every buurt
//   of the gemeente is ranked so that rank 1 asks most attention (respecting the indicator's
//   direction). A buurt's attention score is 1 for the first, 0 for the last: 1 − (rank − 1) /
//   (buurten − 1). The area's score on the indicator is the average over its buurten. The theme
//   signals when its highest indicator score reaches the threshold (default 0.75: on average the
//   area sits in the quarter of the gemeente's buurten that asks most attention).
// - Story signal. Each published story of the area weighs 1 + its "herkenbaar" count. The
//   theme's share is the weight of its stories over the weight of all stories of the area. The
//   theme signals when that share reaches the threshold (default 0.15) and at least the minimum
//   number of stories (default 3) is about it.
// - Both: confirmed. Stories only: felt. Figures only: hidden (reach out more). Neither: quiet.

export interface Thresholds {
  statistical: number;
  storyShare: number;
  minStories: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  statistical: 0.75,
  storyShare: 0.15,
  minStories: 3,
};

export type ThemeKind = "confirmed" | "felt" | "hidden" | "quiet";

export function classify(statisticalSignal: boolean, storySignal: boolean): ThemeKind {
  if (statisticalSignal && storySignal) return "confirmed";
  if (storySignal) return "felt";
  if (statisticalSignal) return "hidden";
  return "quiet";
}

export interface IndicatorFigures {
  key: string;
  direction: Direction;
  themes: string[];
  /** The frozen values of every buurt of the gemeente (the area's buurten among them). */
  buurtValues: AreaValue[];
}

export interface IndicatorScore {
  key: string;
  /** 0–1, null when none of the area's buurten has a figure or the gemeente has one buurt. */
  score: number | null;
  /** Rank of each of the area's buurten with a figure, "3 of 14". */
  ranks: { code: string; rank: number; of: number }[];
}

/** The area's attention score on one indicator (see the rule above). */
export function indicatorScore(figures: IndicatorFigures, areaCodes: string[]): IndicatorScore {
  const ranked = rankAreas(figures.buurtValues, figures.direction);
  const of = ranked.length;
  const ranks = ranked
    .filter((r) => areaCodes.includes(r.code))
    .map((r) => ({ code: r.code, rank: r.rank, of }));
  if (ranks.length === 0 || of < 2) return { key: figures.key, score: null, ranks };
  const score = ranks.reduce((sum, r) => sum + (1 - (r.rank - 1) / (of - 1)), 0) / ranks.length;
  return { key: figures.key, score, ranks };
}

export interface ThemeStories {
  /** Published stories of the area about this theme. */
  count: number;
  /** Their weight: each story 1 + its "herkenbaar" count. */
  weight: number;
}

export interface ThemeRow {
  theme: string;
  indicators: IndicatorScore[];
  /** The highest indicator score of the theme; null when no indicator of the scan speaks to it. */
  statisticalScore: number | null;
  storyCount: number;
  /** 0–1 of the area's total story weight. */
  storyShare: number;
  statisticalSignal: boolean;
  storySignal: boolean;
  kind: ThemeKind;
}

export function themeMatrix(input: {
  themes: string[];
  indicators: IndicatorFigures[];
  areaCodes: string[];
  storiesByTheme: Map<string, ThemeStories>;
  /** The weight of all published stories of the area (a story with two themes counts once). */
  totalStoryWeight: number;
  thresholds: Thresholds;
}): ThemeRow[] {
  const scores = input.indicators
    .filter((i) => i.direction !== "neutral")
    .map((i) => ({ themes: i.themes, score: indicatorScore(i, input.areaCodes) }));
  return input.themes.map((theme) => {
    const indicators = scores.filter((s) => s.themes.includes(theme)).map((s) => s.score);
    const known = indicators.flatMap((i) => (i.score === null ? [] : [i.score]));
    const statisticalScore = known.length ? Math.max(...known) : null;
    const stories = input.storiesByTheme.get(theme) ?? { count: 0, weight: 0 };
    const storyShare = input.totalStoryWeight > 0 ? stories.weight / input.totalStoryWeight : 0;
    const statisticalSignal =
      statisticalScore !== null && statisticalScore >= input.thresholds.statistical;
    const storySignal =
      stories.count >= input.thresholds.minStories && storyShare >= input.thresholds.storyShare;
    return {
      theme,
      indicators,
      statisticalScore,
      storyCount: stories.count,
      storyShare,
      statisticalSignal,
      storySignal,
      kind: classify(statisticalSignal, storySignal),
    };
  });
}
