// CBS "Kerncijfers wijken en buurten" as StatLine publishes it: one row per area, one column
// per figure. This maps its column names onto our indicator keys. Pure code, no database.
//
// CBS writes column names two ways: the machine keys of the open-data download
// (`AantalInwoners_5`, whose number differs from year to year, e.g. `Bevolkingsdichtheid_33` in
// 2025) and the labels of the "CSV met labels" download (`Bevolking/Aantal inwoners (aantal)`).
// Both are matched without the number and the unit. The figures and keys are those of
// ../shared/data/cbs/indicator-dictionary.csv (column source_field); a test checks they agree.

/** Machine key without its number → indicator key. */
const BY_FIELD: Record<string, string> = {
  aantalinwoners: "cbs_aantal_inwoners",
  mannen: "cbs_mannen",
  vrouwen: "cbs_vrouwen",
  bevolkingsdichtheid: "cbs_bevolkingsdichtheid",
  woningvoorraad: "cbs_woningvoorraad",
  oppervlaktetotaal: "cbs_oppervlakte_totaal",
  oppervlakteland: "cbs_oppervlakte_land",
  oppervlaktewater: "cbs_oppervlakte_water",
};

/** Label path without its unit → indicator key. The full path, so "Mannen" elsewhere is not it. */
const BY_LABEL: Record<string, string> = {
  "bevolking/aantal inwoners": "cbs_aantal_inwoners",
  "bevolking/geslacht/mannen": "cbs_mannen",
  "bevolking/geslacht/vrouwen": "cbs_vrouwen",
  "bevolking/bevolkingsdichtheid": "cbs_bevolkingsdichtheid",
  "wonen/woningvoorraad": "cbs_woningvoorraad",
  "oppervlakte/oppervlakte totaal": "cbs_oppervlakte_totaal",
  "oppervlakte/oppervlakte land": "cbs_oppervlakte_land",
  "oppervlakte/oppervlakte water": "cbs_oppervlakte_water",
};

/** Columns that say which area a row is about, best first. */
const CODE_FIELDS = ["codering", "wijkenenbuurten"];
const CODE_LABELS = ["regioaanduiding/codering", "wijken en buurten"];
/** Columns that describe the area; not figures, so not listed as skipped. */
const AREA_FIELDS = new Set([
  "id",
  "gemeentenaam",
  "soortregio",
  "indelingswijzigingwijkenenbuurten",
]);

/**
 * CBS table ids of Kerncijfers wijken en buurten by year, so a file named after its table
 * (`85984NED_UntypedDataSet_….csv`) needs no year. 85984NED is the table of our demo data
 * (../shared/data/cbs/README.md); the others are the same series on StatLine.
 */
export const KERNCIJFERS_TABLE_YEARS: Readonly<Record<string, number>> = {
  "83765NED": 2017,
  "84286NED": 2018,
  "84583NED": 2019,
  "84799NED": 2020,
  "85039NED": 2021,
  "85318NED": 2022,
  "85618NED": 2023,
  "85984NED": 2024,
  "86165NED": 2025,
};

function machineKey(header: string): string | null {
  const match = /^([A-Za-z][A-Za-z0-9]*?)(_\d+)?$/.exec(header.trim());
  return match ? match[1]!.toLowerCase() : null;
}

function labelKey(header: string): string {
  return header
    .trim()
    .replace(/\s*\([^)]*\)\s*$/, "")
    .replace(/\s*\/\s*/g, "/")
    .replace(/\s+/g, " ")
    .toLowerCase();
}

function codeRank(header: string): number {
  const machine = machineKey(header);
  const byField = machine ? CODE_FIELDS.indexOf(machine) : -1;
  if (byField !== -1 && /_\d+$|^WijkenEnBuurten$/i.test(header.trim())) return byField;
  return CODE_LABELS.indexOf(labelKey(header));
}

/** Whether the first line is that of a Kerncijfers file: it has a column with area codes. */
export function isKerncijfersHeader(header: string[]): boolean {
  return header.some((h) => codeRank(h) !== -1);
}

export interface KerncijfersColumns {
  /** Columns that may hold the area code, best first (Codering before WijkenEnBuurten). */
  codeColumns: number[];
  values: { column: number; header: string; indicatorKey: string }[];
  /** Columns with figures we do not know (or whose indicator is not in the catalogue). */
  skipped: string[];
}

/** The indicator key a Kerncijfers column holds, or null. */
export function indicatorKeyOfColumn(header: string): string | null {
  const machine = machineKey(header);
  if (machine && BY_FIELD[machine]) return BY_FIELD[machine];
  return BY_LABEL[labelKey(header)] ?? null;
}

export function kerncijfersColumns(
  header: string[],
  knownIndicators?: ReadonlySet<string>,
): KerncijfersColumns {
  const codes: { column: number; rank: number }[] = [];
  const values: KerncijfersColumns["values"] = [];
  const skipped: string[] = [];
  const taken = new Set<string>();
  header.forEach((name, column) => {
    const rank = codeRank(name);
    if (rank !== -1) {
      codes.push({ column, rank });
      return;
    }
    const machine = machineKey(name);
    if ((machine && AREA_FIELDS.has(machine)) || labelKey(name).startsWith("regioaanduiding/"))
      return;
    const key = indicatorKeyOfColumn(name);
    if (key && !taken.has(key) && (!knownIndicators || knownIndicators.has(key))) {
      taken.add(key);
      values.push({ column, header: name.trim(), indicatorKey: key });
    } else if (name.trim()) {
      skipped.push(name.trim());
    }
  });
  return {
    codeColumns: codes.sort((a, b) => a.rank - b.rank).map((c) => c.column),
    values,
    skipped,
  };
}

const AREA_CODE = /^(GM\d{4}|WK\d{6}|BU\d{8}|NL00)$/;
/** "Heemstede (GM0397)": some label downloads put the code after the name. */
const CODE_IN_NAME = /\((GM\d{4}|WK\d{6}|BU\d{8}|NL00)\)\s*$/;

/** The area code in a cell (CBS pads codes with spaces), or "" when there is none. */
export function parseAreaCode(cell: string): string {
  const code = cell.trim().toUpperCase();
  if (AREA_CODE.test(code)) return code;
  return CODE_IN_NAME.exec(code)?.[1] ?? "";
}

/** The CBS table id and year a file name tells, e.g. `85984NED_TypedDataSet.csv` → 2024. */
export function kerncijfersYearFromFileName(fileName: string): { tableId?: string; year?: number } {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const table = /(\d{5}NED)/i.exec(base)?.[1]?.toUpperCase();
  if (table) return { tableId: table, year: KERNCIJFERS_TABLE_YEARS[table] };
  const titled = /kerncijfers[ _-]*wijken[ _-]*en[ _-]*buurten[ _-]*(\d{4})/i.exec(base);
  return titled ? { year: Number(titled[1]) } : {};
}
