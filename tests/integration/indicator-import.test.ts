import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importFile } from "../../app/features/scan/import-file.server";
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

  it("rejects a row with too few columns instead of counting it as missing", async () => {
    const csv = [
      "area_code,indicator_key,value,year,source",
      "BU03970102,rivm_eenzaam_65plus_pct",
      "BU03970102,rivm_eenzaam_65plus_pct,12.5,2035,s",
    ].join("\n");
    const report = await importLongFormat(fileOf(csv));
    expect(report).toMatchObject({ status: "done", rowsRead: 2, inserted: 1, missing: 0 });
    expect(report.rejected).toEqual([
      { line: 2, reason: "te weinig kolommen (2, de kopregel heeft 5)" },
    ]);
  });

  it.each([
    ["an empty file", "", "Het bestand is leeg."],
    ["a header without rows", "area_code,indicator_key,value,year,source\n", "alleen kolomnamen"],
    [
      "the wrong separator",
      "area_code\tindicator_key\tvalue\tyear\tsource\nBU03970102\trivm_roker_18plus_pct\t1\t2034\ts\n",
      "gescheiden door een tab",
    ],
    [
      "a missing column",
      "area_code,indicator_key,year,source\nBU03970102,rivm_roker_18plus_pct,2034,s\n",
      "Deze kolommen ontbreken: value",
    ],
    [
      "rows with another separator than the header",
      "area_code;indicator_key;value;year;source\nBU03970102,rivm_roker_18plus_pct,1,2034,s\nBU03970101,rivm_roker_18plus_pct,1,2034,s\n",
      "Geen enkele regel is in kolommen gesplitst",
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

/** A CBS open-data download as CBS writes it: quoted, `;`, codes and names padded with spaces. */
function cbsLine(cells: string[]): string {
  return cells.map((c) => `"${c}"`).join(";");
}
const KERNCIJFERS_HEADER = cbsLine([
  "ID",
  "WijkenEnBuurten",
  "Gemeentenaam_1",
  "SoortRegio_2",
  "Codering_3",
  "IndelingswijzigingWijkenEnBuurten_4",
  "AantalInwoners_5",
  "Mannen_6",
  "Vrouwen_7",
  "k_0Tot15Jaar_8",
  "Bevolkingsdichtheid_34",
  "Woningvoorraad_35",
  "OppervlakteTotaal_122",
]);

describe("CBS Kerncijfers wijken en buurten", () => {
  const file = Buffer.from(
    [
      KERNCIJFERS_HEADER,
      cbsLine([
        "0",
        "NL00      ",
        "Nederland      ",
        "Land     ",
        "NL00      ",
        ".",
        "17942942",
        "8911627",
        "9031315",
        "2800000",
        "532",
        "8200000",
        "4154300",
      ]),
      cbsLine([
        "1",
        "GM0397    ",
        "Heemstede      ",
        "Gemeente ",
        "GM0397    ",
        "1",
        "27545",
        "13045",
        "14500",
        "5000",
        "2855",
        "12345",
        "964",
      ]),
      cbsLine([
        "2",
        "BU03970000",
        "Heemstede      ",
        "Buurt    ",
        "BU03970000  ",
        "1",
        ".",
        "x",
        "?",
        "10",
        "",
        "       .",
        "12,5",
      ]),
      cbsLine([
        "3",
        "BU03970001",
        "Heemstede      ",
        "Buurt    ",
        "BU03970001  ",
        "1",
        "veel",
        "1 234",
        ".",
        ".",
        ".",
        ".",
        ".",
      ]),
      cbsLine([
        "4",
        "GM0397    ",
        "Heemstede      ",
        "Gemeente ",
        "GM0397    ",
        "1",
        "1",
        "1",
        "1",
        "1",
        "1",
        "1",
        "1",
      ]),
      cbsLine([
        "5",
        "GM1900    ",
        "Súdwest-Fryslân",
        "Gemeente ",
        "GM1900    ",
        "1",
        "90000",
        "45000",
        "45000",
        "1",
        "1",
        "1",
        "1",
      ]),
    ].join("\r\n") + "\r\n",
    "latin1",
  );
  const fileName = "84583NED_UntypedDataSet_02072019.csv";

  it("reads a Latin-1 file with ;, padded codes and missing cells, then changes nothing the second time", async () => {
    const report = await importFile(fileOf(file), { fileName });
    expect(report).toMatchObject({
      kind: "kerncijfers",
      status: "done",
      year: 2019,
      source: "cbs_84583NED_2019",
      rowsRead: 6,
      inserted: 14,
      updated: 0,
      unchanged: 0,
      missing: 9,
      rejectedCount: 3,
      skippedColumns: ["k_0Tot15Jaar_8"],
    });
    expect(report.rejected).toEqual([
      { line: 5, reason: 'waarde "veel" is geen getal' },
      { line: 7, reason: "onbekend gebied GM1900" },
      { line: 6, reason: "komt vaker voor in het bestand (zelfde gebied, indicator en jaar)" },
    ]);
    expect(await value("GM0397", "cbs_aantal_inwoners", 2019)).toMatchObject({
      value: 27545,
      source: "cbs_84583NED_2019",
    });
    expect((await value("NL00", "cbs_woningvoorraad", 2019))?.value).toBe(8200000);
    expect((await value("BU03970000", "cbs_oppervlakte_totaal", 2019))?.value).toBe(12.5);
    expect((await value("BU03970001", "cbs_mannen", 2019))?.value).toBe(1234);
    expect(await value("BU03970000", "cbs_aantal_inwoners", 2019)).toBeNull();

    const again = await importFile(fileOf(file), { fileName });
    expect(again).toMatchObject({ status: "done", inserted: 0, updated: 0, unchanged: 14 });
    // The report is stored as JSON by the upload job.
    expect(JSON.parse(JSON.stringify(again))).toEqual(again);
  });

  it("reads the labelled StatLine download with a BOM and a year given by hand", async () => {
    const csv = [
      "\uFEFF" +
        cbsLine([
          "Wijken en buurten",
          "Regioaanduiding/Gemeentenaam (naam)",
          "Regioaanduiding/Soort regio (omschrijving)",
          "Regioaanduiding/Codering (code)",
          "Bevolking/Aantal inwoners (aantal)",
          "Wonen/Woningvoorraad (aantal)",
          "Wonen/Gemiddelde WOZ-waarde van woningen (x 1 000 euro)",
        ]),
      cbsLine(["Heemstede", "Heemstede", "Gemeente", "GM0397", "27 300", "12 200", "512"]),
      cbsLine(["Wijk 00 Heemstede-Centrum", "Heemstede", "Wijk", "WK039700", "9 800", ".", "480"]),
    ].join("\n");
    const report = await importFile(fileOf(csv), {
      fileName: "Kerncijfers_wijken_en_buurten.csv",
      year: 2018,
      defaultSource: "CBS Kerncijfers 2018",
    });
    expect(report).toMatchObject({
      kind: "kerncijfers",
      status: "done",
      year: 2018,
      source: "CBS Kerncijfers 2018",
      rowsRead: 2,
      inserted: 3,
      missing: 1,
      rejectedCount: 0,
      skippedColumns: ["Wonen/Gemiddelde WOZ-waarde van woningen (x 1 000 euro)"],
    });
    expect((await value("WK039700", "cbs_aantal_inwoners", 2018))?.value).toBe(9800);
  });

  it("reads a comma-separated file with decimal points", async () => {
    const csv =
      "WijkenEnBuurten,Codering_3,AantalInwoners_5,OppervlakteLand_123\nWK039701  ,WK039701  ,9000,251.5\n";
    const report = await importFile(fileOf(csv), { fileName: "wijken.csv", year: 2017 });
    expect(report).toMatchObject({ kind: "kerncijfers", status: "done", inserted: 2 });
    expect((await value("WK039701", "cbs_oppervlakte_land", 2017))?.value).toBe(251.5);
  });

  it.each([
    [
      "without a year in the file name or the options",
      { fileName: "kerncijfers.csv" },
      [
        KERNCIJFERS_HEADER,
        cbsLine([
          "1",
          "GM0397",
          "Heemstede",
          "Gemeente",
          "GM0397",
          "1",
          "1",
          "1",
          "1",
          "1",
          "1",
          "1",
          "1",
        ]),
      ].join("\n"),
      "Van welk jaar zijn deze cijfers?",
    ],
    [
      "with tabs",
      { fileName: "85984NED.csv" },
      "WijkenEnBuurten\tCodering_3\tAantalInwoners_5\nGM0397\tGM0397\t27000\n",
      "gescheiden door een tab",
    ],
    [
      "with vertical bars",
      { fileName: "85984NED.csv" },
      "WijkenEnBuurten|Codering_3|AantalInwoners_5\nGM0397|GM0397|27000\n",
      "verticale streep",
    ],
    [
      "without any figure we know",
      { fileName: "85984NED.csv" },
      "WijkenEnBuurten;Codering_3;k_0Tot15Jaar_8\nGM0397;GM0397;4000\n",
      "Geen enkele kolom",
    ],
    [
      "with column names we do not know",
      { fileName: "cijfers.csv" },
      "gemeente;inwoners\nHeemstede;27000\n",
      "area_code, indicator_key, value en year",
    ],
    ["that is empty", { fileName: "85984NED.csv" }, "", "Het bestand is leeg."],
  ])("refuses a file %s and changes nothing", async (_, options, csv, message) => {
    const before = await db().indicatorValue.count();
    const report = await importFile(fileOf(csv), options);
    expect(report.status).toBe("failed");
    expect(report.error).toContain(message);
    expect(await db().indicatorValue.count()).toBe(before);
  });
});

describe("importFile with a long-format file", () => {
  it("recognises the long format and reports progress", async () => {
    const progress: number[] = [];
    const report = await importFile(
      fileOf("area_code;indicator_key;value;year\nBU03970102;rivm_roker_18plus_pct;1.234,5;2037\n"),
      {
        fileName: "eigen-cijfers.csv",
        defaultSource: "eigen",
        onProgress: (p) => progress.push(p.rowsRead),
      },
    );
    expect(report).toMatchObject({ kind: "long", status: "done", inserted: 1 });
    expect(progress.at(-1)).toBe(1);
    expect(await value("BU03970102", "rivm_roker_18plus_pct", 2037)).toMatchObject({
      value: 1234.5,
      source: "eigen",
    });
  });

  it("does not take a decimal point for a thousands group when ; is the separator", async () => {
    const report = await importFile(
      fileOf(
        "area_code;indicator_key;value;year;source\nBU03970102;rivm_roker_18plus_pct;12.5;2037;s\n",
      ),
      { fileName: "punt.csv" },
    );
    expect(report.rejected).toEqual([{ line: 2, reason: 'waarde "12.5" is geen getal' }]);
  });

  it("refuses an Excel file with a message saying what to do", async () => {
    const report = await importFile(fileOf(Buffer.from("PK\x03\x04rest", "latin1")), {
      fileName: "cijfers.xlsx",
    });
    expect(report).toMatchObject({ status: "failed" });
    expect(report.error).toContain("Sla de tabel op als CSV");
  });
});

describe("a 200 MB file", () => {
  it("is read as a stream with flat memory, reported clearly, and changes nothing", async () => {
    await importFile(
      fileOf(
        "area_code,indicator_key,value,year,source\nBU03970100,rivm_roker_65plus_pct,7,2038,s\n",
      ),
      { fileName: "a.csv" },
    );
    const before = await db().indicatorValue.count();
    const target = 200 * 1024 * 1024;
    const missingRow = "BU03970102,rivm_roker_18plus_pct,.,2038,s\n";
    const unknownRow = "BU99999999,rivm_roker_18plus_pct,1,2038,s\n";
    const block = missingRow.repeat(1500);
    const expected = { rows: 0, missing: 0, unknown: 0, firstUnknownLine: 0 };
    let generated = 0;
    let generatedAtFirstProgress: number | undefined;
    async function* file() {
      const head =
        "area_code,indicator_key,value,year,source\nBU03970100,rivm_roker_65plus_pct,7,2038,s\n";
      generated += head.length;
      expected.rows = 1;
      yield Buffer.from(head);
      for (let n = 0; generated < target; n++) {
        let chunk = block;
        expected.rows += 1500;
        expected.missing += 1500;
        if (n % 100 === 50) {
          chunk += unknownRow;
          expected.rows++;
          expected.unknown++;
          // +1 for the header line.
          if (!expected.firstUnknownLine) expected.firstUnknownLine = expected.rows + 1;
        }
        generated += chunk.length;
        yield Buffer.from(chunk);
      }
    }
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const report = await importFile(file(), {
      fileName: "groot.csv",
      onProgress: () => (generatedAtFirstProgress ??= generated),
    });
    clearInterval(sampler);

    expect(generated).toBeGreaterThanOrEqual(target);
    expect(report).toMatchObject({
      kind: "long",
      status: "done",
      rowsRead: expected.rows,
      inserted: 0,
      updated: 0,
      unchanged: 1,
      missing: expected.missing,
      rejectedCount: expected.unknown,
    });
    expect(report.rejected[0]).toEqual({
      line: expected.firstUnknownLine,
      reason: "onbekend gebied BU99999999",
    });
    expect(await db().indicatorValue.count()).toBe(before);
    // Streaming: the import reported progress long before the end of the file was made, and
    // memory did not grow with the file (read whole, it would take 200 MB and more).
    expect(generatedAtFirstProgress).toBeLessThan(10 * 1024 * 1024);
    expect((peakRss - rssBefore) / 1024 / 1024).toBeLessThan(120);
  }, 180_000);
});
