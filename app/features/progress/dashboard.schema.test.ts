import { describe, expect, it } from "vitest";
import { dashboardQuery, parseDashboardFilters, toDashboardFilters } from "./dashboard.schema";

const parse = (query: string) =>
  parseDashboardFilters(`http://localhost/gemeente/GM0397/dashboard${query}`);

describe("the dashboard filters", () => {
  it("reads wijk and period from the URL", () => {
    const params = parse("?wijk=WK039701&vanaf=2026-01-01&tot=2026-12-31");
    expect(params).toEqual({ wijk: "WK039701", vanaf: "2026-01-01", tot: "2026-12-31" });
    expect(toDashboardFilters(params)).toEqual({
      wijk: "WK039701",
      from: "2026-01-01",
      to: "2026-12-31",
    });
  });

  it("ignores a bad value instead of failing, including a day that does not exist", () => {
    expect(parse("?wijk=<x>&vanaf=gisteren&tot=2027-02-31")).toEqual({
      wijk: undefined,
      vanaf: undefined,
      tot: undefined,
    });
    expect(parse("?tot=2027-13-45").tot).toBeUndefined();
    expect(parse("?vanaf=2028-02-29").vanaf).toBe("2028-02-29");
  });

  it("writes the filters back as a query string, empty when there are none", () => {
    expect(dashboardQuery({})).toBe("");
    expect(dashboardQuery({ wijk: "WK039701", tot: "2026-12-31" })).toBe(
      "?wijk=WK039701&tot=2026-12-31",
    );
    const params = parse("?vanaf=2026-01-01&wijk=WK039700&extra=1");
    expect(parse(dashboardQuery(params))).toEqual(params);
  });

  it("reads the page, ignores a bad one, and carries the filters to another page", () => {
    expect(parse("?pagina=3").pagina).toBe(3);
    for (const bad of ["0", "-2", "2.5", "twee", "", "100000"]) {
      expect(parse(`?pagina=${bad}`).pagina).toBeUndefined();
    }
    const params = parse("?wijk=WK039701&pagina=2");
    // The report link carries the filters only: the report holds every agenda.
    expect(dashboardQuery(params)).toBe("?wijk=WK039701");
    expect(dashboardQuery(params, 3)).toBe("?wijk=WK039701&pagina=3");
    expect(dashboardQuery({}, 1)).toBe("");
  });
});
