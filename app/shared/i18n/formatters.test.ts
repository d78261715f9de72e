import { describe, expect, it } from "vitest";
import { dateTimeFormat, numberFormat } from "./formatters";
import { formatDate, formatDateTime } from "./i18n";

describe("cached Intl formatters", () => {
  it("hands out one formatter per language and options, and a new one when they differ", () => {
    const long = dateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "UTC" });
    expect(dateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "UTC" })).toBe(long);
    expect(dateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" })).not.toBe(long);
    expect(dateTimeFormat("nl-NL", { dateStyle: "short", timeZone: "UTC" })).not.toBe(long);
    expect(numberFormat("nl-NL")).toBe(numberFormat("nl-NL"));
    expect(numberFormat("nl-NL", { style: "percent" })).not.toBe(numberFormat("nl-NL"));
  });

  it("formats as before: Dutch day names and the Netherlands' time zone", () => {
    expect(formatDate("2026-05-12", "nl")).toBe("12 mei 2026");
    expect(formatDate("2026-05-12", "en")).toBe("12 May 2026");
    // 22:30 UTC is half past midnight the next day in Amsterdam (summer time).
    expect(formatDateTime("2026-05-12T22:30:00Z", "nl")).toBe("13 mei 2026 om 00:30");
    expect(numberFormat("nl-NL", { maximumFractionDigits: 1 }).format(1234.56)).toBe("1.234,6");
  });
});
