import { describe, expect, it } from "vitest";
import { rankAreas } from "./ranking";

const values = [
  { code: "BU03970000", value: 12.5 },
  { code: "BU03970001", value: 20 },
  { code: "BU03970002", value: 7 },
  { code: "BU03970003", value: 20 },
];

describe("rankAreas", () => {
  it("puts the highest value first when higher is worse, with shared ranks for ties", () => {
    expect(rankAreas(values, "higher_is_worse").map((r) => [r.code, r.rank])).toEqual([
      ["BU03970001", 1],
      ["BU03970003", 1],
      ["BU03970000", 3],
      ["BU03970002", 4],
    ]);
  });

  it("puts the lowest value first when higher is better", () => {
    expect(rankAreas(values, "higher_is_better").map((r) => [r.code, r.rank])).toEqual([
      ["BU03970002", 1],
      ["BU03970000", 2],
      ["BU03970001", 3],
      ["BU03970003", 3],
    ]);
  });

  it("ranks a neutral indicator from high to low, and handles no values", () => {
    expect(rankAreas(values, "neutral")[0]!.value).toBe(20);
    expect(rankAreas([], "neutral")).toEqual([]);
  });
});
