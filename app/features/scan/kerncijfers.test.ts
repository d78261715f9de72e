import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  KERNCIJFERS_TABLE_YEARS,
  indicatorKeyOfColumn,
  isKerncijfersHeader,
  kerncijfersColumns,
  kerncijfersYearFromFileName,
  parseAreaCode,
} from "./kerncijfers";

const DICTIONARY = path.resolve(
  import.meta.dirname,
  "../../../../shared/data/cbs/indicator-dictionary.csv",
);

describe("Kerncijfers column names", () => {
  it("maps every CBS Kerncijfers field of the indicator dictionary to its key", () => {
    const rows = parse(readFileSync(DICTIONARY, "utf8"), { columns: true }) as {
      indicator_key: string;
      source: string;
      source_field: string;
    }[];
    const kerncijfers = rows.filter((r) => r.source.startsWith("cbs_85984NED"));
    expect(kerncijfers.length).toBeGreaterThan(0);
    for (const row of kerncijfers) {
      expect(indicatorKeyOfColumn(row.source_field), row.source_field).toBe(row.indicator_key);
    }
  });

  it("reads the machine keys of another year (other numbers) and the labelled download", () => {
    expect(indicatorKeyOfColumn("Bevolkingsdichtheid_33")).toBe("cbs_bevolkingsdichtheid");
    expect(indicatorKeyOfColumn("Bevolking/Aantal inwoners (aantal)")).toBe("cbs_aantal_inwoners");
    expect(indicatorKeyOfColumn("Bevolking/Geslacht/Mannen (aantal)")).toBe("cbs_mannen");
    expect(indicatorKeyOfColumn("Bevolking/Bevolkingsdichtheid (aantal inwoners per km²)")).toBe(
      "cbs_bevolkingsdichtheid",
    );
    expect(indicatorKeyOfColumn("Wonen/Woningvoorraad (aantal)")).toBe("cbs_woningvoorraad");
    expect(indicatorKeyOfColumn("Oppervlakte/Oppervlakte totaal (ha)")).toBe(
      "cbs_oppervlakte_totaal",
    );
    // Another "Mannen" than the one under Bevolking/Geslacht is not ours.
    expect(indicatorKeyOfColumn("Personen met een uitkering/Mannen (aantal)")).toBeNull();
    expect(indicatorKeyOfColumn("k_65JaarOfOuder_12")).toBeNull();
  });

  it("tells a Kerncijfers header from others", () => {
    expect(
      isKerncijfersHeader(["ID", "WijkenEnBuurten", "Gemeentenaam_1", "AantalInwoners_5"]),
    ).toBe(true);
    expect(isKerncijfersHeader(["Wijken en buurten", "Regioaanduiding/Codering (code)"])).toBe(
      true,
    );
    expect(isKerncijfersHeader(["area_code", "indicator_key", "value", "year"])).toBe(false);
    expect(isKerncijfersHeader(["gemeente", "inwoners"])).toBe(false);
  });

  it("prefers Codering over WijkenEnBuurten, lists unknown figures and not the area columns", () => {
    const header = [
      "ID",
      "WijkenEnBuurten",
      "Gemeentenaam_1",
      "SoortRegio_2",
      "Codering_3",
      "IndelingswijzigingWijkenEnBuurten_4",
      "AantalInwoners_5",
      "Mannen_6",
      "k_0Tot15Jaar_8",
      "OppervlakteWater_124",
    ];
    expect(kerncijfersColumns(header)).toEqual({
      codeColumns: [4, 1],
      values: [
        { column: 6, header: "AantalInwoners_5", indicatorKey: "cbs_aantal_inwoners" },
        { column: 7, header: "Mannen_6", indicatorKey: "cbs_mannen" },
        { column: 9, header: "OppervlakteWater_124", indicatorKey: "cbs_oppervlakte_water" },
      ],
      skipped: ["k_0Tot15Jaar_8"],
    });
  });

  it("skips a column whose indicator is not in the catalogue", () => {
    const columns = kerncijfersColumns(
      ["Codering_3", "AantalInwoners_5", "Mannen_6"],
      new Set(["cbs_aantal_inwoners"]),
    );
    expect(columns.values.map((v) => v.indicatorKey)).toEqual(["cbs_aantal_inwoners"]);
    expect(columns.skipped).toEqual(["Mannen_6"]);
  });
});

describe("parseAreaCode", () => {
  it("reads padded, lower-case and named codes", () => {
    expect(parseAreaCode("BU03970000  ")).toBe("BU03970000");
    expect(parseAreaCode(" wk039700")).toBe("WK039700");
    expect(parseAreaCode("NL00      ")).toBe("NL00");
    expect(parseAreaCode("Heemstede (GM0397)")).toBe("GM0397");
    expect(parseAreaCode("Heemstede")).toBe("");
    expect(parseAreaCode("BU0397")).toBe("");
  });
});

describe("kerncijfersYearFromFileName", () => {
  it("knows the year of a CBS table id or a StatLine title in the file name", () => {
    expect(kerncijfersYearFromFileName("downloads/85984NED_UntypedDataSet_27032025.csv")).toEqual({
      tableId: "85984NED",
      year: 2024,
    });
    expect(kerncijfersYearFromFileName("Kerncijfers_wijken_en_buurten_2023_04052025.csv")).toEqual({
      year: 2023,
    });
    expect(kerncijfersYearFromFileName("12345NED.csv")).toEqual({
      tableId: "12345NED",
      year: undefined,
    });
    expect(kerncijfersYearFromFileName("heemstede.csv")).toEqual({});
  });

  it("has one year per table and consecutive years", () => {
    const years = Object.values(KERNCIJFERS_TABLE_YEARS).sort();
    expect(new Set(years).size).toBe(years.length);
    expect(years.at(-1)! - years[0]!).toBe(years.length - 1);
  });
});
