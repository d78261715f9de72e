import { describe, expect, it } from "vitest";
import { remeasureCells } from "./remeasure-text";

describe("remeasureCells", () => {
  it("writes then, now, a signed change and the direction in the reader's language", () => {
    const compared = {
      state: "compared",
      thenYear: 2020,
      then: 46.6,
      nowYear: 2024,
      now: 42.1,
      change: -4.5,
      verdict: "better",
    } as const;
    expect(remeasureCells(compared, "percent", "nl")).toEqual([
      "46,6% (2020)",
      "42,1% (2024)",
      "−4,5%",
      "Beter",
    ]);
    expect(remeasureCells(compared, "percent", "en")[3]).toBe("Better");
  });

  it("says why there is nothing to compare yet", () => {
    expect(remeasureCells({ state: "no-newer", thenYear: 2020, then: 10 }, "count", "nl")).toEqual([
      "10 (2020)",
      "Nog geen nieuwer jaar",
      "—",
      "—",
    ]);
    expect(remeasureCells({ state: "no-figure-then", thenYear: 2020 }, "percent", "nl")[0]).toBe(
      "Geen cijfer voor het hele gebied in de buurtscan",
    );
  });
});
