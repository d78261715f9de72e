import { describe, expect, it } from "vitest";
import { preselect } from "./preselection";
import { rankAreas } from "./ranking";

const ranking = (indicatorKey: string, values: Record<string, number>) => ({
  indicatorKey,
  ranked: rankAreas(
    Object.entries(values).map(([code, value]) => ({ code, value })),
    "higher_is_worse",
  ),
});

describe("preselection: worst N on at least K indicators", () => {
  const rankings = [
    ranking("lonely", { A: 20, B: 18, C: 10, D: 5 }),
    ranking("debts", { A: 9, B: 2, C: 8, D: 1 }),
    ranking("illness", { A: 30, B: 31, C: 40, D: 10 }),
  ];

  it("keeps the buurten in the worst N on at least K indicators, most hits first", () => {
    expect(preselect(rankings, 2, 2)).toEqual([
      {
        code: "A",
        hits: [
          { indicatorKey: "lonely", rank: 1 },
          { indicatorKey: "debts", rank: 1 },
        ],
      },
      {
        code: "C",
        hits: [
          { indicatorKey: "debts", rank: 2 },
          { indicatorKey: "illness", rank: 1 },
        ],
      },
      {
        code: "B",
        hits: [
          { indicatorKey: "lonely", rank: 2 },
          { indicatorKey: "illness", rank: 2 },
        ],
      },
    ]);
  });

  it("asks more hits, fewer buurten", () => {
    expect(preselect(rankings, 2, 3)).toEqual([]);
    expect(preselect(rankings, 3, 3).map((b) => b.code)).toEqual(["A", "C", "B"]);
  });

  it("lets tied buurten in together instead of cutting between equal values", () => {
    const tied = [ranking("x", { A: 5, B: 5, C: 5, D: 1 })];
    expect(preselect(tied, 1, 1).map((b) => b.code)).toEqual(["A", "B", "C"]);
  });

  it("respects the direction of each indicator through its ranking", () => {
    const better = {
      indicatorKey: "healthy",
      ranked: rankAreas(
        [
          { code: "A", value: 80 },
          { code: "D", value: 40 },
        ],
        "higher_is_better",
      ),
    };
    expect(preselect([better], 1, 1).map((b) => b.code)).toEqual(["D"]);
  });
});
