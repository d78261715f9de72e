import { describe, expect, it } from "vitest";
import { formatEuros, parseEuros } from "./money";

describe("parseEuros", () => {
  it.each([
    ["50000", 50000],
    ["50.000", 50000],
    ["€ 50.000", 50000],
    ["€50.000,00", 50000],
    ["50 000", 50000],
    ["1.250.000", 1250000],
    ["12,50", 13],
    ["0", 0],
    ["-5", -5],
  ])("reads %s as %d euros", (input, euros) => {
    expect(parseEuros(input)).toBe(euros);
  });

  it.each(["", "vijftig", "50.00", "50,0", "1,2,3", "5.0000", "€"])("refuses %j", (input) => {
    expect(parseEuros(input)).toBeNull();
  });
});

describe("formatEuros", () => {
  it("writes Dutch amounts without cents", () => {
    expect(formatEuros(50000, "nl").replace(/\s/g, " ")).toBe("€ 50.000");
  });
});
