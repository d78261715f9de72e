import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, type CopyStreamQuery } from "pg-copy-streams";
import { db } from "../../shared/db.server";

// Import of indicator values in long format (area_code, indicator_key, value, year[, source]):
// streamed, validated per row, written in one transaction through a staging table, idempotent.
// See docs/decisions/0010-indicator-import.md.

export const NATIONAL_AREA_CODE = "NL00";
const MAX_REPORTED_REJECTIONS = 1000;
const MISSING = new Set(["", ".", "x", "X", "?"]);
const REQUIRED_COLUMNS = ["area_code", "indicator_key", "value", "year"] as const;

export interface Rejection {
  line: number;
  reason: string;
}

export interface ImportReport {
  status: "done" | "failed";
  /** Plain-Dutch reason when the whole file was refused; nothing was changed then. */
  error?: string;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  missing: number;
  rejectedCount: number;
  rejected: Rejection[];
}

class ImportRefused extends Error {}

const AREA_CODE = /^(GM\d{4}|WK\d{6}|BU\d{8}|NL00)$/;

/** The reason a row cannot be used, or null. Plain checks: this runs for every row of a national file. */
function checkRow(
  record: Record<string, string | undefined>,
  defaultSource: string | undefined,
  areas: Set<string>,
  indicators: Set<string>,
): string | null {
  const area = record.area_code ?? "";
  if (!AREA_CODE.test(area)) return "ongeldige gebiedscode";
  const key = record.indicator_key ?? "";
  if (!key) return "indicator ontbreekt";
  const year = record.year ?? "";
  if (!/^\d{4}$/.test(year) || Number(year) < 1990 || Number(year) > 2100)
    return "jaar is geen geldig jaar";
  const source = record.source || defaultSource || "";
  if (!source) return "bron ontbreekt";
  if (source.length > 200) return "bron is te lang";
  if (!areas.has(area)) return `onbekend gebied ${area}`;
  if (!indicators.has(key)) return `onbekende indicator ${key}`;
  return null;
}

/** Escapes a value for PostgreSQL's COPY text format. */
function copyText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/\t/g, "\\t")
    .replace(/\n/g, "\\n")
    .replace(/\r/g, "\\r");
}

/** UTF-8 (with or without BOM) or, when the bytes are not valid UTF-8, Latin-1. */
async function* decode(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let first = true;
  for await (const chunk of input) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    if (!decoder) {
      try {
        // In streaming mode a character cut off at the end of the chunk is not an error.
        new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
        decoder = new TextDecoder("utf-8");
      } catch {
        decoder = new TextDecoder("latin1");
      }
    }
    let text = decoder.decode(bytes, { stream: true });
    if (first) {
      text = text.replace(/^\uFEFF/, "");
      first = false;
    }
    if (text) yield text;
  }
  const rest = decoder?.decode();
  if (rest) yield rest;
}

function detectDelimiter(firstLine: string): ";" | "," {
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
}

function parseValue(raw: string, delimiter: string): number | null {
  const text = delimiter === ";" ? raw.replace(/\./g, "").replace(",", ".") : raw;
  if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * Reads a long-format CSV and writes its values in one transaction. Rows with problems are
 * reported with their line number and left out; a file that cannot be read at all changes nothing.
 */
export async function importLongFormat(
  input: AsyncIterable<Buffer | string>,
  options: { defaultSource?: string; onProgress?: (rowsRead: number) => void } = {},
): Promise<ImportReport> {
  const report: ImportReport = {
    status: "done",
    rowsRead: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    missing: 0,
    rejectedCount: 0,
    rejected: [],
  };
  const reject = (line: number, reason: string) => {
    report.rejectedCount++;
    if (report.rejected.length < MAX_REPORTED_REJECTIONS) report.rejected.push({ line, reason });
  };

  const [areas, indicators] = await Promise.all([knownAreaCodes(), knownIndicators()]);

  // Peek at the first line to choose the separator, then parse everything that follows.
  const chunks = decode(input);
  const head = await chunks.next();
  if (head.done || !head.value.trim()) return failed(report, "Het bestand is leeg.");
  const delimiter = detectDelimiter(head.value.split(/\r?\n/, 1)[0]!);
  async function* all() {
    yield head.value as string;
    yield* chunks;
  }
  const parser = Readable.from(all()).pipe(
    parse({
      delimiter,
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: true,
    }),
  );

  // A plain pg connection of our own: COPY streams the rows into the staging table with
  // backpressure, which Prisma's query API cannot do (decision 0010).
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  let copy: CopyStreamQuery | undefined;
  try {
    await client.query("BEGIN");
    await client.query(
      `CREATE TEMP TABLE import_staging (
         line int NOT NULL, area_code text NOT NULL, indicator_key text NOT NULL,
         year int NOT NULL, value double precision NOT NULL, source text NOT NULL
       ) ON COMMIT DROP`,
    );
    const write = async (text: string) => {
      // COPY starts only once the header is known to be right, so a refused file sends nothing.
      copy ??= client.query(copyFrom("COPY import_staging FROM STDIN"));
      if (!copy.write(text)) await once(copy, "drain");
    };

    let checkedHeader = false;
    let buffer = "";
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string | undefined>;
      info: { lines: number };
    }>) {
      if (!checkedHeader) {
        const missingColumns = REQUIRED_COLUMNS.filter((c) => !(c in record));
        if (missingColumns.length) {
          throw new ImportRefused(
            `Deze kolommen ontbreken: ${missingColumns.join(", ")}. Staan de kolomnamen op de eerste regel, en is het scheidingsteken een puntkomma (;) of een komma (,)?`,
          );
        }
        if (!("source" in record) && !options.defaultSource) {
          throw new ImportRefused("Er is geen kolom 'source' en geen bron opgegeven.");
        }
        checkedHeader = true;
      }
      report.rowsRead++;
      if (report.rowsRead % 10_000 === 0) options.onProgress?.(report.rowsRead);
      const line = info.lines;
      const rawValue = record.value ?? "";
      if (MISSING.has(rawValue)) {
        report.missing++;
        continue;
      }
      const problem = checkRow(record, options.defaultSource, areas, indicators);
      if (problem) {
        reject(line, problem);
        continue;
      }
      const value = parseValue(rawValue, delimiter);
      if (value === null) {
        reject(line, `waarde "${rawValue.slice(0, 40)}" is geen getal`);
        continue;
      }
      const source = (record.source || options.defaultSource)!;
      buffer += `${line}\t${record.area_code}\t${copyText(record.indicator_key!)}\t${Number(record.year)}\t${value}\t${copyText(source)}\n`;
      if (buffer.length > 64 * 1024) {
        await write(buffer);
        buffer = "";
      }
    }
    if (!checkedHeader)
      throw new ImportRefused("Het bestand heeft alleen kolomnamen en geen regels met cijfers.");
    if (buffer) await write(buffer);
    if (copy) {
      const done = finished(copy);
      copy.end();
      await done;
      copy = undefined;
    }

    // A row that occurs again (same area, indicator and year) is refused; the first one counts.
    const duplicates = await client.query<{ line: number }>(
      `DELETE FROM import_staging s USING (
         SELECT line, row_number() OVER (PARTITION BY area_code, indicator_key, year ORDER BY line) AS n
         FROM import_staging
       ) d
       WHERE s.line = d.line AND d.n > 1
       RETURNING s.line`,
    );
    for (const { line } of [...duplicates.rows].sort((a, b) => a.line - b.line)) {
      reject(line, "komt vaker voor in het bestand (zelfde gebied, indicator en jaar)");
    }
    const merged = await client.query<{ inserted: string; updated: string; staged: string }>(
      `WITH merged AS (
         INSERT INTO indicator_value (area_code, indicator_key, year, value, source, imported_at)
         SELECT area_code, indicator_key, year, value, source, now() FROM import_staging
         ON CONFLICT (area_code, indicator_key, year) DO UPDATE
           SET value = EXCLUDED.value, source = EXCLUDED.source, imported_at = EXCLUDED.imported_at
           WHERE indicator_value.value IS DISTINCT FROM EXCLUDED.value
              OR indicator_value.source IS DISTINCT FROM EXCLUDED.source
         RETURNING (xmax = 0) AS inserted
       )
       SELECT count(*) FILTER (WHERE inserted) AS inserted,
              count(*) FILTER (WHERE NOT inserted) AS updated,
              (SELECT count(*) FROM import_staging) AS staged
       FROM merged`,
    );
    await client.query("COMMIT");
    const counts = merged.rows[0]!;
    report.inserted = Number(counts.inserted);
    report.updated = Number(counts.updated);
    report.unchanged = Number(counts.staged) - report.inserted - report.updated;
  } catch (error) {
    // An open COPY must be aborted before the connection takes another command.
    if (copy) {
      copy.destroy(error instanceof Error ? error : new Error(String(error)));
      await finished(copy).catch(() => {});
    }
    await client.query("ROLLBACK").catch(() => {});
    if (error instanceof ImportRefused) return failed(report, error.message);
    if (error instanceof Error && /CsvError|Invalid|Quote/i.test(error.name + error.message)) {
      return failed(report, `Het bestand is geen leesbaar CSV-bestand: ${error.message}`);
    }
    throw error;
  } finally {
    await client.end();
  }
  return report;
}

function failed(report: ImportReport, error: string): ImportReport {
  return { ...report, status: "failed", error, inserted: 0, updated: 0, unchanged: 0 };
}

async function knownAreaCodes(): Promise<Set<string>> {
  const rows = await db().$queryRaw<{ code: string }[]>`
    SELECT code FROM gemeente UNION SELECT code FROM wijk UNION SELECT code FROM buurt`;
  return new Set([NATIONAL_AREA_CODE, ...rows.map((r) => r.code)]);
}

async function knownIndicators(): Promise<Set<string>> {
  const rows = await db().indicator.findMany({ select: { key: true } });
  return new Set(rows.map((r) => r.key));
}
