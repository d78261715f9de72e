import { describe, expect, it } from "vitest";
import {
  DEFAULT_THRESHOLDS,
  classify,
  indicatorScore,
  themeMatrix,
  type IndicatorFigures,
} from "./theme-matrix";

// Five buurten A–E of a gemeente; the area is A + B.
const AREA = ["A", "B"];
const values = (...v: number[]) => v.map((value, i) => ({ code: "ABCDE"[i]!, value }));
const lonely: IndicatorFigures = {
  key: "eenzaam",
  direction: "higher_is_worse",
  themes: ["loneliness", "care_wellbeing"],
  // A is the loneliest buurt, B the second: the area asks attention.
  buurtValues: values(30, 25, 10, 12, 8),
};
const income: IndicatorFigures = {
  key: "inkomen",
  direction: "higher_is_better",
  themes: ["livelihood_debts"],
  // A and B have the highest incomes: no attention.
  buurtValues: values(50, 48, 30, 31, 29),
};

describe("an indicator's attention score for the area", () => {
  it("is 1 for the buurt that asks most attention and 0 for the least, averaged over the area", () => {
    const score = indicatorScore(lonely, AREA);
    // A rank 1 → 1, B rank 2 → 0.75.
    expect(score.score).toBeCloseTo(0.875);
    expect(score.ranks).toEqual([
      { code: "A", rank: 1, of: 5 },
      { code: "B", rank: 2, of: 5 },
    ]);
  });

  it("respects the direction: high incomes ask no attention", () => {
    expect(indicatorScore(income, AREA).score).toBeCloseTo(0.125);
  });

  it("has no score when the area has no figure or the gemeente has one buurt", () => {
    expect(indicatorScore(lonely, ["X"]).score).toBeNull();
    expect(
      indicatorScore({ ...lonely, buurtValues: [{ code: "A", value: 3 }] }, ["A"]).score,
    ).toBeNull();
  });

  it("gives tied buurten the same score", () => {
    const tied = { ...lonely, buurtValues: values(20, 20, 10, 10, 5) };
    expect(indicatorScore(tied, ["A"]).score).toBe(indicatorScore(tied, ["B"]).score);
  });
});

describe("classifying a theme", () => {
  it("has four kinds", () => {
    expect(classify(true, true)).toBe("confirmed");
    expect(classify(false, true)).toBe("felt");
    expect(classify(true, false)).toBe("hidden");
    expect(classify(false, false)).toBe("quiet");
  });

  const matrix = (
    stories: [string, number, number][],
    total: number,
    thresholds = DEFAULT_THRESHOLDS,
  ) =>
    themeMatrix({
      themes: ["loneliness", "livelihood_debts", "lighting", "housing"],
      indicators: [
        lonely,
        income,
        { ...lonely, key: "n", direction: "neutral", themes: ["housing"] },
      ],
      areaCodes: AREA,
      storiesByTheme: new Map(stories.map(([t, count, weight]) => [t, { count, weight }])),
      totalStoryWeight: total,
      thresholds,
    });

  it("puts figures and stories together: confirmed, felt, hidden and quiet on hand-made cases", () => {
    const rows = matrix(
      [
        ["loneliness", 4, 6],
        ["lighting", 5, 8],
        ["livelihood_debts", 1, 1],
      ],
      20,
    );
    const kind = Object.fromEntries(rows.map((r) => [r.theme, r.kind]));
    expect(kind).toEqual({
      // figures 0.875 ≥ 0.75 and 30% of the stories
      loneliness: "confirmed",
      // no indicator, 40% of the weight: what De Glip was
      lighting: "felt",
      // figures 0.125, one story
      livelihood_debts: "quiet",
      // only a neutral indicator: no figures, no stories
      housing: "quiet",
    });
    expect(rows.find((r) => r.theme === "housing")!.statisticalScore).toBeNull();
    expect(rows.find((r) => r.theme === "lighting")!.storyShare).toBeCloseTo(0.4);
  });

  it("calls a theme hidden when the figures signal and few tell about it", () => {
    const rows = matrix(
      [
        ["loneliness", 2, 9],
        ["lighting", 9, 11],
      ],
      20,
    );
    // 45% of the weight, but only 2 stories: below the minimum of 3.
    expect(rows.find((r) => r.theme === "loneliness")!.kind).toBe("hidden");
  });

  it("follows thresholds set per buurtagenda", () => {
    const strict = { statistical: 0.9, storyShare: 0.5, minStories: 1 };
    const rows = matrix(
      [
        ["loneliness", 4, 6],
        ["lighting", 5, 8],
      ],
      20,
      strict,
    );
    expect(rows.find((r) => r.theme === "loneliness")!.kind).toBe("quiet");
    expect(rows.find((r) => r.theme === "lighting")!.kind).toBe("quiet");
    const loose = { statistical: 0.1, storyShare: 0.05, minStories: 1 };
    expect(
      matrix([["livelihood_debts", 1, 1]], 20, loose).find((r) => r.theme === "livelihood_debts")!
        .kind,
    ).toBe("confirmed");
  });

  it("has no story signal in an area without stories", () => {
    const rows = matrix([], 0);
    expect(rows.every((r) => !r.storySignal && r.storyShare === 0)).toBe(true);
    expect(rows.find((r) => r.theme === "loneliness")!.kind).toBe("hidden");
  });
});
