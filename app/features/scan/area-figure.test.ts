import { describe, expect, it } from "vitest";
import { areaFigure, buildScan } from "./area-figure";

describe("area figure of several buurten", () => {
  it("sums counts", () => {
    expect(
      areaFigure("count", null, [
        { value: 120, base: null },
        { value: 35, base: null },
      ]),
    ).toEqual({ kind: "sum", value: 155 });
  });

  it("weights percentages by their base population, not a plain average", () => {
    // 10% of 1000 and 30% of 100: 130 of 1100 people = 11.8%, where a plain average says 20%.
    const figure = areaFigure("percent", "households", [
      { value: 10, base: 1000 },
      { value: 30, base: 100 },
    ]);
    expect(figure.kind).toBe("weighted");
    expect(figure.kind === "weighted" && figure.value).toBeCloseTo(130 / 11, 6);
  });

  it("gives no area figure for percentages without a known base", () => {
    expect(
      areaFigure("percent", null, [
        { value: 10, base: null },
        { value: 30, base: null },
      ]),
    ).toEqual({ kind: "none", reason: "no-base" });
  });

  it("gives no area figure when a buurt's value or base is missing", () => {
    expect(
      areaFigure("count", null, [
        { value: 10, base: null },
        { value: null, base: null },
      ]),
    ).toEqual({ kind: "none", reason: "missing-values" });
    expect(
      areaFigure("percent", "households", [
        { value: 10, base: 100 },
        { value: 20, base: null },
      ]),
    ).toEqual({ kind: "none", reason: "missing-base" });
  });

  it("uses the buurt's own figure when the area is one buurt", () => {
    expect(areaFigure("percent", null, [{ value: 12.5, base: null }])).toEqual({
      kind: "single",
      value: 12.5,
    });
  });
});

describe("buurtscan rows", () => {
  const indicator = {
    key: "lonely",
    labelNl: "Eenzaam",
    labelEn: "Lonely",
    unit: "percent" as const,
    direction: "higher_is_worse" as const,
    baseIndicatorKey: null,
  };
  const row = (areaCode: string, value: number) => ({
    areaCode,
    indicatorKey: "lonely",
    year: 2020,
    value,
    source: "rivm",
  });

  it("ranks the area's buurten among all buurten of the gemeente and adds the references", () => {
    const [scan] = buildScan({
      indicators: [indicator],
      areaBuurten: [
        { code: "BU1", name: "Een" },
        { code: "BU3", name: "Drie" },
      ],
      gemeenteBuurtCodes: ["BU1", "BU2", "BU3", "BU4"],
      gemeenteCode: "GM1",
      nationalCode: "NL00",
      values: [row("BU1", 10), row("BU2", 40), row("BU3", 30), row("BU4", 5), row("GM1", 20)],
    });
    expect(scan!.buurten).toEqual([
      { code: "BU1", name: "Een", value: 10, rank: 3 },
      { code: "BU3", name: "Drie", value: 30, rank: 2 },
    ]);
    expect(scan).toMatchObject({
      year: 2020,
      rankedCount: 4,
      gemeenteValue: 20,
      nationalValue: null,
      sources: ["rivm"],
      area: { kind: "none", reason: "no-base" },
    });
  });
});
