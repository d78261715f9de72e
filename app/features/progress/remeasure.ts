import type { AreaFigure } from "../scan/area-figure";
import type { Direction } from "../scan/catalogue";

// "Did it help?" (issue 8): an indicator an agreement aims to move, then (the frozen buurtscan)
// and now (the newest imported year). Pure: the server feeds it area figures of both years.

export type Verdict = "better" | "worse" | "same" | "neutral";

export type Remeasure =
  /** The frozen scan had no honest area figure: nothing to compare with. */
  | { state: "no-figure-then"; thenYear: number | null }
  /** No year newer than the frozen one has been imported yet. */
  | { state: "no-newer"; thenYear: number; then: number }
  /** A newer year exists, but it gives no honest area figure (a buurt or base is missing). */
  | { state: "no-figure-now"; thenYear: number; then: number; nowYear: number }
  | {
      state: "compared";
      thenYear: number;
      then: number;
      nowYear: number;
      now: number;
      change: number;
      verdict: Verdict;
    };

export interface YearFigure {
  year: number | null;
  area: AreaFigure;
}

/**
 * Differences smaller than this share of the earlier figure (or, near zero, this absolute amount)
 * are "the same": the statistics round, and a change in the last decimal is not a result.
 */
const SAME_RELATIVE = 0.005;
const SAME_ABSOLUTE = 1e-9;

const valueOf = (area: AreaFigure) => (area.kind === "none" ? null : area.value);

export function remeasure(direction: Direction, then: YearFigure, now: YearFigure): Remeasure {
  const thenValue = valueOf(then.area);
  if (then.year === null || thenValue === null) {
    return { state: "no-figure-then", thenYear: then.year };
  }
  if (now.year === null || now.year <= then.year) {
    return { state: "no-newer", thenYear: then.year, then: thenValue };
  }
  const nowValue = valueOf(now.area);
  if (nowValue === null) {
    return { state: "no-figure-now", thenYear: then.year, then: thenValue, nowYear: now.year };
  }
  const change = nowValue - thenValue;
  return {
    state: "compared",
    thenYear: then.year,
    then: thenValue,
    nowYear: now.year,
    now: nowValue,
    change,
    verdict: verdictOf(direction, thenValue, change),
  };
}

function verdictOf(direction: Direction, then: number, change: number): Verdict {
  if (Math.abs(change) <= Math.max(Math.abs(then) * SAME_RELATIVE, SAME_ABSOLUTE)) return "same";
  if (direction === "neutral") return "neutral";
  const rose = change > 0;
  return rose === (direction === "higher_is_better") ? "better" : "worse";
}

/** How many compared indicators moved which way: the dashboard's one-line summary. */
export function verdictCounts(results: Remeasure[]) {
  const counts = { better: 0, worse: 0, same: 0, neutral: 0, waiting: 0 };
  for (const r of results) {
    if (r.state === "compared") counts[r.verdict] += 1;
    else counts.waiting += 1;
  }
  return counts;
}
