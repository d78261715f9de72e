import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { z } from "zod";
import { db } from "../../shared/db.server";

// Import of indicator values in long format (area_code, indicator_key, value, year[, source]):
// streamed, validated per row, written in one transaction through a staging table, idempotent.
// See docs/decisions/0010-indicator-import.md.

export const NATIONAL_AREA_CODE = "NL00";
const BATCH_SIZE = 2000;
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

const rowSchema = z.object({
  area_code: z
    .string()
    .regex(/^(GM\d{4}|WK\d{6}|BU\d{8}|NL00)$/, { error: "ongeldige gebiedscode" }),
  indicator_key: z.string().min(1, { error: "indicator ontbreekt" }).max(100),
  year: z.coerce
    .number({ error: "jaar is geen getal" })
    .int({ error: "jaar is geen heel getal" })
    .min(1990, { error: "jaar is te vroeg" })
    .max(2100, { error: "jaar is te laat" }),
  source: z.string().min(1, { error: "bron ontbreekt" }).max(200),
});

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

interface StagedRow {
  line: number;
  areaCode: string;
  indicatorKey: string;
  year: number;
  value: number;
  source: string;
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

  try {
    await db().$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe(
          `CREATE TEMP TABLE import_staging (
             line int NOT NULL, area_code text NOT NULL, indicator_key text NOT NULL,
             year int NOT NULL, value double precision NOT NULL, source text NOT NULL,
             PRIMARY KEY (area_code, indicator_key, year)
           ) ON COMMIT DROP`,
        );
        let batch: StagedRow[] = [];
        const flush = async () => {
          if (!batch.length) return;
          const staged = await tx.$queryRaw<{ line: number }[]>`
            INSERT INTO import_staging (line, area_code, indicator_key, year, value, source)
            SELECT * FROM unnest(${batch.map((r) => r.line)}::int[], ${batch.map((r) => r.areaCode)}::text[],
                                 ${batch.map((r) => r.indicatorKey)}::text[], ${batch.map((r) => r.year)}::int[],
                                 ${batch.map((r) => r.value)}::float8[], ${batch.map((r) => r.source)}::text[])
            ON CONFLICT DO NOTHING
            RETURNING line`;
          const stagedLines = new Set(staged.map((r) => r.line));
          for (const row of batch) {
            if (!stagedLines.has(row.line))
              reject(row.line, "komt vaker voor in het bestand (zelfde gebied, indicator en jaar)");
          }
          batch = [];
        };

        let checkedHeader = false;
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
          const parsed = rowSchema.safeParse({
            ...record,
            source: record.source || options.defaultSource,
          });
          if (!parsed.success) {
            reject(line, parsed.error.issues[0]!.message);
            continue;
          }
          const row = parsed.data;
          if (!areas.has(row.area_code)) {
            reject(line, `onbekend gebied ${row.area_code}`);
            continue;
          }
          if (!indicators.has(row.indicator_key)) {
            reject(line, `onbekende indicator ${row.indicator_key}`);
            continue;
          }
          const value = parseValue(rawValue, delimiter);
          if (value === null) {
            reject(line, `waarde "${rawValue.slice(0, 40)}" is geen getal`);
            continue;
          }
          batch.push({
            line,
            areaCode: row.area_code,
            indicatorKey: row.indicator_key,
            year: row.year,
            value,
            source: row.source,
          });
          if (batch.length >= BATCH_SIZE) await flush();
        }
        if (!checkedHeader)
          throw new ImportRefused(
            "Het bestand heeft alleen kolomnamen en geen regels met cijfers.",
          );
        await flush();

        const [merged] = await tx.$queryRaw<{ inserted: bigint; updated: bigint }[]>`
          WITH merged AS (
            INSERT INTO indicator_value (area_code, indicator_key, year, value, source, imported_at)
            SELECT area_code, indicator_key, year, value, source, now() FROM import_staging
            ON CONFLICT (area_code, indicator_key, year) DO UPDATE
              SET value = EXCLUDED.value, source = EXCLUDED.source, imported_at = EXCLUDED.imported_at
              WHERE indicator_value.value IS DISTINCT FROM EXCLUDED.value
                 OR indicator_value.source IS DISTINCT FROM EXCLUDED.source
            RETURNING (xmax = 0) AS inserted
          )
          SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated
          FROM merged`;
        const stagedRows = await tx.$queryRaw<{ staged: bigint }[]>`
          SELECT count(*) AS staged FROM import_staging`;
        const staged = Number(stagedRows[0]?.staged ?? 0);
        report.inserted = Number(merged?.inserted ?? 0);
        report.updated = Number(merged?.updated ?? 0);
        report.unchanged = staged - report.inserted - report.updated;
      },
      { timeout: 30 * 60 * 1000, maxWait: 30_000 },
    );
  } catch (error) {
    if (error instanceof ImportRefused) return failed(report, error.message);
    if (error instanceof Error && /CsvError|Invalid|Quote/i.test(error.name + error.message)) {
      return failed(report, `Het bestand is geen leesbaar CSV-bestand: ${error.message}`);
    }
    throw error;
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
