import { describe, expect, it } from "vitest";
import { remeasure, verdictCounts } from "./remeasure";

const single = (value: number) => ({ kind: "single", value }) as const;
const none = { kind: "none", reason: "missing-values" } as const;

describe("remeasure", () => {
  it("says better when a higher-is-worse figure fell, with the change", () => {
    const r = remeasure(
      "higher_is_worse",
      { year: 2020, area: single(18) },
      { year: 2024, area: single(14.5) },
    );
    expect(r).toEqual({
      state: "compared",
      thenYear: 2020,
      then: 18,
      nowYear: 2024,
      now: 14.5,
      change: -3.5,
      verdict: "better",
    });
  });

  it("says worse when a higher-is-better figure fell, and better when it rose", () => {
    expect(
      remeasure(
        "higher_is_better",
        { year: 2020, area: single(60) },
        { year: 2022, area: single(55) },
      ),
    ).toMatchObject({ verdict: "worse", change: -5 });
    expect(
      remeasure(
        "higher_is_better",
        { year: 2020, area: single(60) },
        { year: 2022, area: single(63) },
      ),
    ).toMatchObject({ verdict: "better", change: 3 });
  });

  it("calls a change within rounding the same, and a neutral indicator's change neutral", () => {
    expect(
      remeasure(
        "higher_is_worse",
        { year: 2020, area: single(40) },
        { year: 2021, area: single(40.1) },
      ),
    ).toMatchObject({ verdict: "same" });
    expect(
      remeasure("neutral", { year: 2020, area: single(40) }, { year: 2021, area: single(44) }),
    ).toMatchObject({ verdict: "neutral", change: 4 });
  });

  it("waits while no newer year is imported (the same year, or none)", () => {
    expect(
      remeasure(
        "higher_is_worse",
        { year: 2020, area: single(18) },
        { year: 2020, area: single(18) },
      ),
    ).toEqual({ state: "no-newer", thenYear: 2020, then: 18 });
    expect(
      remeasure("higher_is_worse", { year: 2020, area: single(18) }, { year: null, area: none }),
    ).toEqual({ state: "no-newer", thenYear: 2020, then: 18 });
  });

  it("says so when either year has no honest area figure", () => {
    expect(
      remeasure("higher_is_worse", { year: 2020, area: none }, { year: 2024, area: single(1) }),
    ).toEqual({ state: "no-figure-then", thenYear: 2020 });
    expect(
      remeasure("higher_is_worse", { year: 2020, area: single(18) }, { year: 2024, area: none }),
    ).toEqual({ state: "no-figure-now", thenYear: 2020, then: 18, nowYear: 2024 });
  });

  it("counts verdicts, the not-yet-comparable as waiting", () => {
    const results = [
      remeasure(
        "higher_is_worse",
        { year: 2020, area: single(18) },
        { year: 2024, area: single(10) },
      ),
      remeasure(
        "higher_is_worse",
        { year: 2020, area: single(18) },
        { year: 2024, area: single(30) },
      ),
      remeasure(
        "higher_is_worse",
        { year: 2020, area: single(18) },
        { year: 2020, area: single(18) },
      ),
    ];
    expect(verdictCounts(results)).toEqual({
      better: 1,
      worse: 1,
      same: 0,
      neutral: 0,
      waiting: 1,
    });
  });
});
