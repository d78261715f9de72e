import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importLongFormat } from "../../app/features/scan/indicator-import.server";
import { seedCatalogue } from "../../app/features/scan/catalogue.server";
import { importTerritoryFolder } from "../../app/features/territory/territory-import.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";

setupFreshDatabase();
const CBS_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");

beforeAll(async () => {
  await importTerritoryFolder(CBS_DIR);
  await seedCatalogue(CBS_DIR);
});

async function* fileOf(text: string | Buffer) {
  yield typeof text === "string" ? Buffer.from(text, "utf8") : text;
}
const value = (areaCode: string, indicatorKey: string, year: number) =>
  db().indicatorValue.findUnique({
    where: { areaCode_indicatorKey_year: { areaCode, indicatorKey, year } },
  });

describe("long-format indicator import", () => {
  it("inserts, then changes nothing when the same file comes again", async () => {
    const csv = [
      "area_code,indicator_key,value,unit,year,source",
      "BU03970101,rivm_ernstig_eenzaam_65plus_pct,14.2,%,2030,test_source",
      "BU03970100,rivm_ernstig_eenzaam_65plus_pct,9.8,%,2030,test_source",
    ].join("\n");
    const first = await importLongFormat(fileOf(csv));
    expect(first).toMatchObject({
      status: "done",
      rowsRead: 2,
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rejectedCount: 0,
    });
    const again = await importLongFormat(fileOf(csv));
    expect(again).toMatchObject({
      status: "done",
      rowsRead: 2,
      inserted: 0,
      updated: 0,
      unchanged: 2,
    });
    const changed = await importLongFormat(fileOf(csv.replace("14.2", "15.0")));
    expect(changed).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect((await value("BU03970101", "rivm_ernstig_eenzaam_65plus_pct", 2030))?.value).toBe(15);
  });

  it("reads semicolons with decimal commas, a BOM, and skips missing values", async () => {
    const csv =
      "\uFEFFarea_code;indicator_key;value;year;source\nBU03970102;rivm_mantelzorger_18plus_pct;12,5;2031;s\nBU03970000;rivm_mantelzorger_18plus_pct;.;2031;s\nBU03970001;rivm_mantelzorger_18plus_pct;x;2031;s\nBU03970002;rivm_mantelzorger_18plus_pct;;2031;s\n";
    const report = await importLongFormat(fileOf(csv));
    expect(report).toMatchObject({
      status: "done",
      rowsRead: 4,
      inserted: 1,
      missing: 3,
      rejectedCount: 0,
    });
    expect((await value("BU03970102", "rivm_mantelzorger_18plus_pct", 2031))?.value).toBe(12.5);
  });

  it("reads a Latin-1 file", async () => {
    const latin1 = Buffer.from(
      "area_code,indicator_key,value,year,source\nBU03970102,rivm_roker_18plus_pct,20,2032,gemeente Heemstede wijkmonitor café\n",
      "latin1",
    );
    const report = await importLongFormat(fileOf(latin1));
    expect(report.status).toBe("done");
    expect((await value("BU03970102", "rivm_roker_18plus_pct", 2032))?.source).toContain("café");
  });

  it("reports bad rows with their line numbers and keeps the good ones", async () => {
    const csv = [
      "area_code,indicator_key,value,year,source",
      "BU03970102,rivm_eenzaam_18plus_pct,30,2033,s",
      "BU99999999,rivm_eenzaam_18plus_pct,30,2033,s",
      "BU03970101,bestaat_niet,30,2033,s",
      "BU03970101,rivm_eenzaam_18plus_pct,dertig,2033,s",
      "BU03970102,rivm_eenzaam_18plus_pct,31,2033,s",
      "gemeente,rivm_eenzaam_18plus_pct,1,2033,s",
    ].join("\n");
    const report = await importLongFormat(fileOf(csv));
    expect(report).toMatchObject({ status: "done", rowsRead: 6, inserted: 1, rejectedCount: 5 });
    expect(report.rejected).toEqual([
      { line: 3, reason: "onbekend gebied BU99999999" },
      { line: 4, reason: "onbekende indicator bestaat_niet" },
      { line: 5, reason: 'waarde "dertig" is geen getal' },
      { line: 7, reason: "ongeldige gebiedscode" },
      { line: 6, reason: "komt vaker voor in het bestand (zelfde gebied, indicator en jaar)" },
    ]);
  });

  it.each([
    ["an empty file", "", "Het bestand is leeg."],
    ["a header without rows", "area_code,indicator_key,value,year,source\n", "alleen kolomnamen"],
    [
      "the wrong separator",
      "area_code\tindicator_key\tvalue\tyear\tsource\nBU03970102\trivm_roker_18plus_pct\t1\t2034\ts\n",
      "Deze kolommen ontbreken",
    ],
  ])("refuses %s and changes nothing", async (_, csv, message) => {
    const before = await db().indicatorValue.count();
    const report = await importLongFormat(fileOf(csv));
    expect(report.status).toBe("failed");
    expect(report.error).toContain(message);
    expect(await db().indicatorValue.count()).toBe(before);
  });

  it("refuses a file that breaks off halfway and keeps none of its rows", async () => {
    const rows = Array.from(
      { length: 5000 },
      (_, i) => `BU03970101,rivm_roker_65plus_pct,${i % 100},${2036 + (i % 50)},s`,
    );
    const broken = [
      "area_code,indicator_key,value,year,source",
      ...rows,
      'BU03970101,"rivm_roker_65plus_pct,1,2099,s',
    ].join("\n");
    const before = await db().indicatorValue.count();
    const report = await importLongFormat(fileOf(broken));
    expect(report.status).toBe("failed");
    expect(report.error).toContain("geen leesbaar CSV-bestand");
    expect(await db().indicatorValue.count()).toBe(before);
  });

  it("loads the demo data's figures for every buurt of Heemstede", async () => {
    const { importIndicatorFolder } = await import("../../app/features/scan/catalogue.server");
    const reports = await importIndicatorFolder(CBS_DIR);
    expect(reports.every((r) => r.status === "done" && r.rejectedCount === 0)).toBe(true);
    const heemstede = await db().indicatorValue.count({
      where: {
        areaCode: { startsWith: "BU0397" },
        indicatorKey: "rivm_ernstig_eenzaam_65plus_pct",
        year: 2020,
      },
    });
    expect(heemstede).toBe(14);
  });
});
