import { once } from "node:events";
import { finished } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, type CopyStreamQuery } from "pg-copy-streams";
import { db } from "../../shared/db.server";
import { FileRefused, openCsv, type CsvFile } from "./csv-reader";
import {
  isKerncijfersHeader,
  kerncijfersColumns,
  kerncijfersYearFromFileName,
  parseAreaCode,
} from "./kerncijfers";

// Import of indicator values from CSV: the long format (area_code, indicator_key, value,
// year[, source]) and CBS "Kerncijfers wijken en buurten" (one row per area, one column per
// figure). Both feed the same checks, staging table and merge: streamed, one transaction,
// idempotent. See docs/decisions/0010-indicator-import.md.

export const NATIONAL_AREA_CODE = "NL00";
const MAX_REPORTED_REJECTIONS = 1000;
const MISSING = new Set(["", ".", "x", "X", "?"]);
const REQUIRED_COLUMNS = ["area_code", "indicator_key", "value", "year"] as const;
/** COPY data is sent in pieces of this many bytes. */
const COPY_CHUNK = 256 * 1024;

export interface Rejection {
  /** CSV: the line in the file (the header is line 1). GeoJSON: the feature, counted from 1. */
  line: number;
  reason: string;
}

export type ImportKind = "long" | "kerncijfers" | "boundaries";

/** One report for every kind of file; plain data, so it can be stored as JSON. */
export interface ImportReport {
  /** Which kind of file it turned out to be; absent when that could not be told. */
  kind?: ImportKind;
  status: "done" | "failed";
  /** Plain-Dutch reason when the whole file was refused; nothing was changed then. */
  error?: string;
  /** Rows (CSV, header not counted) or features (GeoJSON) read. */
  rowsRead: number;
  /** Values (CSV) or buurt shapes (GeoJSON) that were added, changed or already the same. */
  inserted: number;
  updated: number;
  unchanged: number;
  /** Cells or rows with no figure (`.`, `x`, `?` or empty). */
  missing: number;
  rejectedCount: number;
  /** The first 1,000 rejections: rows in file order, then duplicates (found at the end). */
  rejected: Rejection[];
  /** Kerncijfers: columns that hold no figure we know, left out. */
  skippedColumns?: string[];
  /** Kerncijfers: the year and source written with every value. */
  year?: number;
  source?: string;
}

export interface CsvImportOptions {
  /** Used in the report and, for Kerncijfers, to find the year from the CBS table id. */
  fileName?: string;
  /** Source label for rows without one (long format) or for all values (Kerncijfers). */
  defaultSource?: string;
  /** Kerncijfers: the year of the figures, when the file name does not tell. */
  year?: number;
  onProgress?: (progress: { bytesRead: number; rowsRead: number }) => void;
}

const AREA_CODE = /^(GM\d{4}|WK\d{6}|BU\d{8}|NL00)$/;
const YEAR = /^\d{4}$/;

/**
 * How numbers are written. Long format: with `,` as separator a point is the decimal sign;
 * with `;` a comma is, and points may group thousands (1.234,5). Kerncijfers: CBS writes no
 * thousands groups but may pad with spaces, so either sign is the decimal sign.
 */
export type NumberStyle = "point" | "comma" | "cbs";

const POINT_NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
const COMMA_NUMBER = /^-?\d+(,\d+)?$/;
const GROUPED_COMMA_NUMBER = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/;
const CBS_NUMBER = /^-?\d+([.,]\d+)?$/;

/** The number as PostgreSQL should read it, or null when the text is not a number. */
export function numberText(raw: string, style: NumberStyle): string | null {
  let text: string;
  if (style === "point") {
    if (!POINT_NUMBER.test(raw)) return null;
    text = raw;
  } else if (style === "comma") {
    if (COMMA_NUMBER.test(raw)) text = raw.replace(",", ".");
    else if (GROUPED_COMMA_NUMBER.test(raw)) text = raw.replace(/\./g, "").replace(",", ".");
    else return null;
  } else {
    // \s includes the no-break spaces some exports use to group thousands.
    const compact = raw.replace(/\s/g, "");
    if (!CBS_NUMBER.test(compact)) return null;
    text = compact.replace(",", ".");
  }
  // Long or exponent forms can overflow a double; PostgreSQL would then refuse the whole COPY.
  if (text.length > 15 || text.includes("e") || text.includes("E")) {
    const value = Number(text);
    return Number.isFinite(value) ? String(value) : null;
  }
  return text;
}

/** Escapes a value for PostgreSQL's COPY text format. */
function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    : value;
}

const TAB = 9;
const NEWLINE = 10;

/** Writes an ASCII string into out at position at; returns the position after it. */
function writeAscii(out: Buffer, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) out[at++] = text.charCodeAt(i);
  return at;
}

/** Writes a non-negative integer in decimal; returns the position after it. */
function writeDigits(out: Buffer, at: number, n: number): number {
  let digits = 1;
  for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  for (let i = at + digits - 1, rest = n; i >= at; i--, rest = Math.floor(rest / 10))
    out[i] = 48 + (rest % 10);
  return at + digits;
}

/** A report of nothing done yet; importers fill it in as they go. */
export function emptyReport(kind?: ImportKind): ImportReport {
  return {
    ...(kind ? { kind } : {}),
    status: "done",
    rowsRead: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    missing: 0,
    rejectedCount: 0,
    rejected: [],
  };
}

export function failedReport(report: ImportReport, error: string): ImportReport {
  return { ...report, status: "failed", error, inserted: 0, updated: 0, unchanged: 0 };
}

interface Known {
  areas: Set<string>;
  /** Known indicator keys, each with its COPY-escaped UTF-8 bytes. */
  indicators: Map<string, Buffer>;
}

/**
 * The one place where values are checked and staged, whatever the file format. Checks are
 * plain code (no zod) because they run for every value of a national file.
 */
class ValueStaging {
  // Rows are written straight into byte buffers, field by field. Building them as strings
  // allocated several hundred bytes per row; at national size that garbage reached the old
  // generation and grew the heap by 100+ MB before V8 collected it.
  private chunk = Buffer.allocUnsafe(COPY_CHUNK);
  private used = 0;
  private readonly full: Buffer[] = [];
  /** COPY-escaped UTF-8 bytes of each source label seen. */
  private readonly sources = new Map<string, Buffer>();
  private copy: CopyStreamQuery | undefined;
  private copyError: Error | undefined;
  private staged = 0;
  private lastRejected: { line: number; reason: string } | null = null;

  constructor(
    private readonly client: pg.Client,
    private readonly known: Known,
    readonly report: ImportReport,
    private readonly numbers: NumberStyle,
  ) {}

  /**
   * A rejection is counted and listed once per line and reason, so a Kerncijfers row of an
   * unknown area gives one rejection, not one per column.
   */
  reject(line: number, reason: string): void {
    const last = this.lastRejected;
    if (last && last.line === line && last.reason === reason) return;
    this.lastRejected = { line, reason };
    this.report.rejectedCount++;
    if (this.report.rejected.length < MAX_REPORTED_REJECTIONS)
      this.report.rejected.push({ line, reason });
  }

  /** Checks one value and stages it, or counts it as missing or rejected. */
  add(line: number, area: string, key: string, year: string, raw: string, source: string): void {
    if (MISSING.has(raw)) {
      this.report.missing++;
      return;
    }
    const keyBytes = this.known.indicators.get(key);
    if (
      keyBytes === undefined ||
      !this.known.areas.has(area) ||
      !YEAR.test(year) ||
      +year < 1990 ||
      +year > 2100 ||
      !source ||
      source.length > 200
    ) {
      this.reject(line, this.problem(area, key, year, source));
      return;
    }
    const value = numberText(raw, this.numbers);
    if (value === null) {
      this.reject(line, `waarde "${raw.slice(0, 40)}" is geen getal`);
      return;
    }
    let sourceBytes = this.sources.get(source);
    if (sourceBytes === undefined) {
      sourceBytes = Buffer.from(copyText(source));
      if (this.sources.size < 10_000) this.sources.set(source, sourceBytes);
    }
    // The line number, area, year and value are ASCII (checked above); key and source are
    // ready-made bytes. 16 bytes cover the line number, the tabs and the newline.
    const size =
      16 + area.length + keyBytes.length + year.length + value.length + sourceBytes.length;
    if (this.used + size > this.chunk.length) {
      this.rotate();
      if (size > this.chunk.length) this.chunk = Buffer.allocUnsafe(size);
    }
    const out = this.chunk;
    let at = writeDigits(out, this.used, line);
    out[at++] = TAB;
    at = writeAscii(out, at, area);
    out[at++] = TAB;
    at += keyBytes.copy(out, at);
    out[at++] = TAB;
    at = writeAscii(out, at, year);
    out[at++] = TAB;
    at = writeAscii(out, at, value);
    out[at++] = TAB;
    at += sourceBytes.copy(out, at);
    out[at++] = NEWLINE;
    this.used = at;
    this.staged++;
  }

  private rotate(): void {
    if (this.used === 0) return;
    this.full.push(this.chunk.subarray(0, this.used));
    this.chunk = Buffer.allocUnsafe(COPY_CHUNK);
    this.used = 0;
  }

  /** The reason a value was refused, in the order a person would check it. */
  private problem(area: string, key: string, year: string, source: string): string {
    if (!AREA_CODE.test(area)) return "ongeldige gebiedscode";
    if (!key) return "indicator ontbreekt";
    if (!YEAR.test(year) || +year < 1990 || +year > 2100) return "jaar is geen geldig jaar";
    if (!source) return "bron ontbreekt";
    if (source.length > 200) return "bron is te lang";
    if (!this.known.areas.has(area)) return `onbekend gebied ${area}`;
    return `onbekende indicator ${key}`;
  }

  /** Sends staged rows to PostgreSQL once enough have gathered, waiting when it is busy. */
  async flush(force = false): Promise<void> {
    if (force) this.rotate();
    while (this.full.length) {
      if (this.copyError) throw this.copyError;
      // COPY starts only with the first good row, so a file refused early sends nothing.
      if (!this.copy) {
        this.copy = this.client.query(copyFrom("COPY import_staging FROM STDIN"));
        // Kept for the next flush: an 'error' event without a listener would end the process.
        this.copy.on("error", (error) => (this.copyError ??= error));
      }
      if (!this.copy.write(this.full.shift()!)) await once(this.copy, "drain");
    }
  }

  /** Ends the COPY, refuses duplicate rows and merges the rest into indicator_value. */
  async merge(): Promise<void> {
    await this.flush(true);
    if (this.copy) {
      const done = finished(this.copy);
      this.copy.end();
      await done;
      this.copy = undefined;
    }
    if (this.staged === 0) return;
    // The staging table has no statistics of its own; without them the joins below are planned
    // for a handful of rows.
    await this.client.query("ANALYZE import_staging");

    // indicator_value has no foreign key to the catalogue (decision 0010: checking it per row was
    // half of a national import). The import keeps the guarantee itself: every staged key was
    // checked against the catalogue, and the rows it uses are locked until the commit so nobody
    // deletes one meanwhile.
    const used = await this.client.query<{ count: number }>(
      "SELECT count(DISTINCT indicator_key)::int AS count FROM import_staging",
    );
    const locked = await this.client.query(
      `SELECT key FROM indicator
       WHERE key IN (SELECT DISTINCT indicator_key FROM import_staging) FOR KEY SHARE`,
    );
    if (locked.rowCount !== used.rows[0]!.count) {
      throw new FileRefused(
        "De lijst met cijfers (de catalogus) veranderde tijdens het inlezen. Er is niets veranderd. Probeer het opnieuw.",
      );
    }

    // A row that occurs again (same area, indicator and year) is refused; the first one counts.
    // Grouping first keeps the window (a sort) to the few rows that are duplicates at all.
    const duplicates = await this.client.query<{ line: number }>(
      `WITH twice AS (
         SELECT area_code, indicator_key, year FROM import_staging
         GROUP BY area_code, indicator_key, year HAVING count(*) > 1
       ), later AS (
         SELECT s.ctid AS id, s.line,
                row_number() OVER (PARTITION BY s.area_code, s.indicator_key, s.year ORDER BY s.line) AS n
         FROM import_staging s JOIN twice USING (area_code, indicator_key, year)
       )
       DELETE FROM import_staging WHERE ctid = ANY (ARRAY(SELECT id FROM later WHERE n > 1))
       RETURNING line`,
    );
    for (const { line } of duplicates.rows.sort((a, b) => a.line - b.line)) {
      this.reject(line, "komt vaker voor in het bestand (zelfde gebied, indicator en jaar)");
    }
    const staged = this.staged - duplicates.rowCount!;

    // First learn how many rows are new and how many change (one hash join), then run only the
    // statements that have work to do. A new year of figures is then one plain INSERT, and
    // re-importing the same file writes nothing. (INSERT … ON CONFLICT DO UPDATE probed the
    // index and locked every row one by one: as slow for an unchanged file as for a new one.)
    const counts = await this.client.query<{ fresh: string; changed: string }>(
      `SELECT count(*) FILTER (WHERE v.area_code IS NULL) AS fresh,
              count(*) FILTER (WHERE v.area_code IS NOT NULL
                AND (v.value IS DISTINCT FROM s.value OR v.source IS DISTINCT FROM s.source)) AS changed
       FROM import_staging s
       LEFT JOIN indicator_value v
         ON v.area_code = s.area_code AND v.indicator_key = s.indicator_key AND v.year = s.year`,
    );
    const fresh = Number(counts.rows[0]!.fresh);
    const changed = Number(counts.rows[0]!.changed);
    let updated = 0;
    if (changed > 0) {
      const result = await this.client.query(
        `UPDATE indicator_value v
         SET value = s.value, source = s.source, imported_at = now()
         FROM import_staging s
         WHERE v.area_code = s.area_code AND v.indicator_key = s.indicator_key AND v.year = s.year
           AND (v.value IS DISTINCT FROM s.value OR v.source IS DISTINCT FROM s.source)`,
      );
      updated = result.rowCount ?? 0;
    }
    let inserted = 0;
    if (fresh > 0) {
      // The advisory lock (stageAndMerge) keeps other imports out, so "not there yet" still
      // holds; when nothing was there at all, the anti-join can be left out.
      const result = await this.client.query(
        fresh === staged
          ? `INSERT INTO indicator_value (area_code, indicator_key, year, value, source, imported_at)
             SELECT area_code, indicator_key, year, value, source, now() FROM import_staging`
          : `INSERT INTO indicator_value (area_code, indicator_key, year, value, source, imported_at)
             SELECT s.area_code, s.indicator_key, s.year, s.value, s.source, now()
             FROM import_staging s
             WHERE NOT EXISTS (
               SELECT 1 FROM indicator_value v
               WHERE v.area_code = s.area_code AND v.indicator_key = s.indicator_key
                 AND v.year = s.year)`,
      );
      inserted = result.rowCount ?? 0;
    }
    this.report.updated = updated;
    this.report.inserted = inserted;
    this.report.unchanged = staged - inserted - updated;
  }

  /** Aborts an open COPY so the connection can roll back. */
  async abort(error: unknown): Promise<void> {
    if (!this.copy) return;
    this.copy.destroy(error instanceof Error ? error : new Error(String(error)));
    await finished(this.copy).catch(() => {});
    this.copy = undefined;
  }
}

/**
 * Runs fill() against a staging table in one transaction on a connection of our own (COPY
 * streams with backpressure, which Prisma's query API cannot do), then merges. A FileRefused
 * anywhere rolls everything back and becomes a failed report.
 */
async function stageAndMerge(
  report: ImportReport,
  numbers: NumberStyle,
  fill: (staging: ValueStaging) => Promise<void>,
): Promise<ImportReport> {
  const known = await knownAreasAndIndicators();
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  let staging: ValueStaging | undefined;
  try {
    // Big sorts and hashes stay in memory (PostgreSQL's, not this process's); losing the last
    // commit in a crash is fine for an import that can be run again.
    await client.query("SET temp_buffers = '64MB'");
    await client.query("BEGIN");
    await client.query("SET LOCAL work_mem = '128MB'");
    await client.query("SET LOCAL synchronous_commit = off");
    // One import at a time: the merge counts on nobody else writing these rows meanwhile.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('indicator_value import'))");
    await client.query(
      `CREATE TEMP TABLE import_staging (
         line int NOT NULL, area_code text NOT NULL, indicator_key text NOT NULL,
         year int NOT NULL, value double precision NOT NULL, source text NOT NULL
       ) ON COMMIT DROP`,
    );
    staging = new ValueStaging(client, known, report, numbers);
    await fill(staging);
    await staging.merge();
    await client.query("COMMIT");
  } catch (error) {
    await staging?.abort(error);
    await client.query("ROLLBACK").catch(() => {});
    if (error instanceof FileRefused) return failedReport(report, error.message);
    throw error;
  } finally {
    await client.end();
  }
  // Fresh statistics keep the ranking queries on their index right after a large import.
  if (report.inserted + report.updated > 100_000) await db().$executeRaw`ANALYZE indicator_value`;
  return report;
}

function progressReporter(options: CsvImportOptions, report: ImportReport) {
  let bytesRead = 0;
  let last = 0;
  return {
    onBytes(bytes: number) {
      bytesRead += bytes;
    },
    tick(force = false) {
      if (!options.onProgress) return;
      const now = Date.now();
      if (!force && now - last < 200) return;
      last = now;
      options.onProgress({ bytesRead, rowsRead: report.rowsRead });
    },
  };
}

/**
 * Reads a CSV with indicator values, long format or CBS Kerncijfers (told apart by the column
 * names on the first line), and writes its values in one transaction. Rows with problems are
 * reported with their line number and left out; a file that cannot be read changes nothing.
 */
export async function importIndicatorCsv(
  input: AsyncIterable<Buffer | string>,
  options: CsvImportOptions = {},
): Promise<ImportReport> {
  return readCsv(input, options, "any");
}

/** The long format only (the demo seed and older callers); see importIndicatorCsv. */
export async function importLongFormat(
  input: AsyncIterable<Buffer | string>,
  options: { defaultSource?: string; onProgress?: (rowsRead: number) => void } = {},
): Promise<ImportReport> {
  const { onProgress } = options;
  return readCsv(
    input,
    {
      defaultSource: options.defaultSource,
      onProgress: onProgress && ((p) => onProgress(p.rowsRead)),
    },
    "long",
  );
}

async function readCsv(
  input: AsyncIterable<Buffer | string>,
  options: CsvImportOptions,
  expect: "long" | "any",
): Promise<ImportReport> {
  const report = emptyReport(expect === "long" ? "long" : undefined);
  const progress = progressReporter(options, report);
  let csv: CsvFile | null;
  try {
    csv = await openCsv(input, (bytes) => progress.onBytes(bytes));
  } catch (error) {
    if (error instanceof FileRefused) return failedReport(report, error.message);
    throw error;
  }
  if (!csv) return failedReport(report, "Het bestand is leeg.");
  const names = csv.header.map((h) => h.trim().toLowerCase());
  const long =
    expect === "long" || names.some((n) => (REQUIRED_COLUMNS as readonly string[]).includes(n));
  if (!long && !isKerncijfersHeader(csv.header)) {
    return failedReport(
      report,
      "De kolomnamen op de eerste regel zijn niet herkend. Verwacht zijn de kolommen area_code, indicator_key, value en year (lang formaat), of een bestand Kerncijfers wijken en buurten van het CBS met de kolom WijkenEnBuurten of Codering_3.",
    );
  }
  report.kind = long ? "long" : "kerncijfers";
  const result = long
    ? await readLong(csv, names, options, report, progress)
    : await readKerncijfers(csv, options, report, progress);
  progress.tick(true);
  return result;
}

type Progress = ReturnType<typeof progressReporter>;

async function readLong(
  csv: CsvFile,
  names: string[],
  options: CsvImportOptions,
  report: ImportReport,
  progress: Progress,
): Promise<ImportReport> {
  const missingColumns = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missingColumns.length) {
    return failedReport(
      report,
      `Deze kolommen ontbreken: ${missingColumns.join(", ")}. Staan de kolomnamen op de eerste regel, en is het scheidingsteken een puntkomma (;) of een komma (,)?`,
    );
  }
  const sourceColumn = names.indexOf("source");
  if (sourceColumn === -1 && !options.defaultSource) {
    return failedReport(report, "Er is geen kolom 'source' en geen bron opgegeven.");
  }
  const [areaAt, keyAt, valueAt, yearAt] = REQUIRED_COLUMNS.map((c) => names.indexOf(c)) as [
    number,
    number,
    number,
    number,
  ];
  const needed = Math.max(areaAt, keyAt, valueAt, yearAt) + 1;
  const defaultSource = options.defaultSource ?? "";
  const numbers: NumberStyle = csv.delimiter === ";" ? "comma" : "point";
  const headerWidth = csv.header.length;

  return stageAndMerge(report, numbers, async (staging) => {
    let singleColumnRows = 0;
    await csv.read(
      (fields, line) => {
        report.rowsRead++;
        if (fields.length < needed) {
          if (fields.length === 1) singleColumnRows++;
          staging.reject(
            line,
            `te weinig kolommen (${fields.length}, de kopregel heeft ${headerWidth})`,
          );
          return;
        }
        const source = (sourceColumn === -1 ? "" : fields[sourceColumn]) || defaultSource;
        staging.add(
          line,
          fields[areaAt]!,
          fields[keyAt]!,
          fields[yearAt]!,
          fields[valueAt]!,
          source,
        );
      },
      async () => {
        progress.tick();
        await staging.flush();
      },
    );
    if (report.rowsRead === 0) {
      throw new FileRefused("Het bestand heeft alleen kolomnamen en geen regels met cijfers.");
    }
    if (singleColumnRows === report.rowsRead) throw wrongSeparatorInRows(csv.delimiter);
  });
}

function wrongSeparatorInRows(delimiter: string): FileRefused {
  return new FileRefused(
    `Geen enkele regel is in kolommen gesplitst met het scheidingsteken van de kopregel (${delimiter === ";" ? "puntkomma" : "komma"}). Gebruik op alle regels hetzelfde scheidingsteken.`,
  );
}

async function readKerncijfers(
  csv: CsvFile,
  options: CsvImportOptions,
  report: ImportReport,
  progress: Progress,
): Promise<ImportReport> {
  const fromName = kerncijfersYearFromFileName(options.fileName ?? "");
  const year = options.year ?? fromName.year;
  if (year === undefined) {
    return failedReport(
      report,
      "Van welk jaar zijn deze cijfers? Dat staat niet in het bestand en ook niet in de bestandsnaam. Geef het jaar op.",
    );
  }
  if (!Number.isInteger(year) || year < 1990 || year > 2100) {
    return failedReport(report, `Het jaar ${year} is geen geldig jaar.`);
  }
  const source =
    options.defaultSource ||
    (fromName.tableId ? `cbs_${fromName.tableId}_${year}` : `cbs_kerncijfers_${year}`);
  const indicators = await knownIndicatorKeys();
  const columns = kerncijfersColumns(csv.header, indicators);
  report.year = year;
  report.source = source;
  report.skippedColumns = columns.skipped;
  if (columns.values.length === 0) {
    return failedReport(
      report,
      "Geen enkele kolom van dit bestand hoort bij een indicator die we kennen. Er is niets ingelezen.",
    );
  }
  const yearText = String(year);

  return stageAndMerge(report, "cbs", async (staging) => {
    let singleColumnRows = 0;
    await csv.read(
      (fields, line) => {
        report.rowsRead++;
        if (fields.length === 1 && csv.header.length > 1) singleColumnRows++;
        let area = "";
        for (const column of columns.codeColumns) {
          area = parseAreaCode(fields[column] ?? "");
          if (area) break;
        }
        for (const { column, indicatorKey } of columns.values) {
          staging.add(line, area, indicatorKey, yearText, fields[column] ?? "", source);
        }
      },
      async () => {
        progress.tick();
        await staging.flush();
      },
    );
    if (report.rowsRead === 0) {
      throw new FileRefused("Het bestand heeft alleen kolomnamen en geen regels met cijfers.");
    }
    if (singleColumnRows === report.rowsRead) throw wrongSeparatorInRows(csv.delimiter);
  });
}

async function knownAreasAndIndicators(): Promise<Known> {
  const [areas, keys] = await Promise.all([knownAreaCodes(), knownIndicatorKeys()]);
  return {
    areas,
    indicators: new Map([...keys].map((key) => [key, Buffer.from(copyText(key))])),
  };
}

async function knownAreaCodes(): Promise<Set<string>> {
  const rows = await db().$queryRaw<{ code: string }[]>`
    SELECT code FROM gemeente UNION SELECT code FROM wijk UNION SELECT code FROM buurt`;
  // Only well-formed codes: the quick check in ValueStaging.add relies on it.
  return new Set([NATIONAL_AREA_CODE, ...rows.map((r) => r.code).filter((c) => AREA_CODE.test(c))]);
}

async function knownIndicatorKeys(): Promise<Set<string>> {
  const rows = await db().indicator.findMany({ select: { key: true } });
  return new Set(rows.map((r) => r.key));
}
