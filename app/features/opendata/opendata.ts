import { createHash } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { gemeenteCodeParam } from "../territory/territory.schema";
import { isUuid } from "../../shared/uuid";

// Open data (issue 8, docs/open-data.md): which datasets exist in which formats, their schema,
// the licence, the query parameters, and turning records into JSON, CSV and GeoJSON. Pure: no
// database, no request; the queries are in opendata.server.ts.

export const DATASETS = ["buurtagendas", "afspraken", "verhalen"] as const;
export type Dataset = (typeof DATASETS)[number];

export const FORMATS = {
  buurtagendas: ["json", "csv"],
  afspraken: ["json", "csv"],
  // Only stories with a place are in the GeoJSON.
  verhalen: ["json", "csv", "geojson"],
} as const satisfies Record<Dataset, readonly string[]>;
export type Format = "json" | "csv" | "geojson";

/** Records per page unless `per` says otherwise, and the most `per` may ask for. */
export const PER_PAGE = 500;
export const MAX_PER_PAGE = 1000;
/** A page number beyond this is refused (also keeps the database's OFFSET bounded). */
export const MAX_PAGE = 100_000;
/** Seconds a browser or proxy may keep a response before it asks again (with If-None-Match). */
export const MAX_AGE_SECONDS = 300;

/** Our own published content; CBS figures are not part of these datasets. */
export const LICENCE = {
  name: "CC BY 4.0",
  url: "https://creativecommons.org/licenses/by/4.0/deed.nl",
} as const;

/** The attribution the licence asks for: "Buurtagenda <gemeente>". */
export function attribution(gemeenteName: string | null): string {
  return gemeenteName ? `Buurtagenda ${gemeenteName}` : "Buurtagenda <gemeente>";
}

/** "verhalen.csv" → the dataset and format it names; null for any other file name. */
export function parseFileName(fileName: string): { dataset: Dataset; format: Format } | null {
  const match = /^([a-z]+)\.([a-z]+)$/.exec(fileName);
  if (!match) return null;
  const [, dataset, format] = match;
  if (!(DATASETS as readonly string[]).includes(dataset!)) return null;
  const formats: readonly string[] = FORMATS[dataset as Dataset];
  return formats.includes(format!)
    ? { dataset: dataset as Dataset, format: format as Format }
    : null;
}

/** "<uuid>.json" → the agenda id; null for anything else. */
export function parseAgendaFileName(fileName: string): string | null {
  const match = /^(.+)\.json$/.exec(fileName);
  return match && isUuid(match[1]!) ? match[1]!.toLowerCase() : null;
}

// ─── Query parameters ───────────────────────────────────────────────────────

const positiveInt = (max: number, error: string) =>
  z
    .string()
    .regex(/^\d{1,7}$/, { error, abort: true })
    .transform(Number)
    .pipe(z.number().int().min(1, { error }).max(max, { error }));

/** Which field was wrong decides the message (a key into opendata.messages.ts). */
export const openDataQuerySchema = z.object({
  gemeente: gemeenteCodeParam.optional(),
  pagina: positiveInt(MAX_PAGE, "pageInvalid").default(1),
  per: positiveInt(MAX_PER_PAGE, "perPageInvalid").default(PER_PAGE),
});
export type OpenDataQuery = z.infer<typeof openDataQuerySchema>;

export type QueryParse =
  | { ok: true; query: OpenDataQuery }
  | { ok: false; error: "gemeenteInvalid" | "pageInvalid" | "perPageInvalid" };

/** The URL's filters and page; unknown parameters are ignored, a bad value is an error. */
export function parseOpenDataQuery(searchParams: URLSearchParams): QueryParse {
  const raw = {
    gemeente: searchParams.get("gemeente") ?? undefined,
    pagina: searchParams.get("pagina") ?? undefined,
    per: searchParams.get("per") ?? undefined,
  };
  const parsed = openDataQuerySchema.safeParse(raw);
  if (parsed.success) return { ok: true, query: parsed.data };
  const field = parsed.error.issues[0]?.path[0];
  return {
    ok: false,
    error:
      field === "gemeente" ? "gemeenteInvalid" : field === "per" ? "perPageInvalid" : "pageInvalid",
  };
}

// ─── Schema ─────────────────────────────────────────────────────────────────

export type FieldType =
  | "uuid"
  | "text"
  | "code"
  | "integer"
  | "number"
  | "boolean"
  | "date"
  | "datetime"
  | "url"
  | "list"
  | "progress";

export interface Field {
  name: string;
  type: FieldType;
  /** Only in JSON (and GeoJSON properties) or only in CSV; both when absent. */
  only?: "json" | "csv";
  /** May be empty (null in JSON, an empty cell in CSV). */
  optional?: true;
}

/**
 * The fields of each dataset, in CSV column order. Their meaning (Dutch and English) is in
 * opendata.messages.ts under `field_<dataset>_<name>`; docs/open-data.md says the same.
 */
export const SCHEMA = {
  buurtagendas: [
    { name: "id", type: "uuid" },
    { name: "title", type: "text" },
    { name: "description", type: "text" },
    { name: "gemeente_code", type: "code" },
    { name: "gemeente_name", type: "text" },
    { name: "buurt_codes", type: "list" },
    { name: "starts_on", type: "date" },
    { name: "ends_on", type: "date" },
    { name: "version", type: "integer" },
    { name: "published_at", type: "datetime" },
    { name: "first_published_at", type: "datetime" },
    { name: "url", type: "url" },
  ],
  afspraken: [
    { name: "id", type: "uuid" },
    { name: "agenda_id", type: "uuid" },
    { name: "gemeente_code", type: "code" },
    { name: "version", type: "integer" },
    { name: "title", type: "text" },
    { name: "description", type: "text" },
    { name: "owner", type: "text" },
    { name: "starts_on", type: "date" },
    { name: "due_on", type: "date" },
    { name: "status", type: "code" },
    { name: "cost_euros", type: "integer", optional: true },
    { name: "budget_source", type: "text" },
    { name: "progress", type: "progress", only: "json" },
    { name: "progress_count", type: "integer", only: "csv" },
    { name: "latest_progress_on", type: "date", only: "csv", optional: true },
    { name: "latest_progress_status", type: "code", only: "csv", optional: true },
    { name: "latest_progress_note", type: "text", only: "csv", optional: true },
    { name: "latest_progress_link", type: "url", only: "csv", optional: true },
    { name: "url", type: "url" },
  ],
  verhalen: [
    { name: "id", type: "uuid" },
    { name: "gemeente_code", type: "code" },
    { name: "buurt_code", type: "code" },
    { name: "title", type: "text" },
    { name: "text", type: "text" },
    { name: "themes", type: "list" },
    { name: "channel", type: "code" },
    { name: "told_at", type: "datetime" },
    { name: "published_at", type: "datetime" },
    { name: "is_demo", type: "boolean" },
    { name: "lon", type: "number", optional: true },
    { name: "lat", type: "number", optional: true },
  ],
} as const satisfies Record<Dataset, readonly Field[]>;

/** The fields of a progress update inside an agreement's `progress` list (JSON only). */
export const PROGRESS_FIELDS = [
  { name: "date", type: "date" },
  { name: "status", type: "code" },
  { name: "note", type: "text" },
  { name: "link", type: "url" },
] as const satisfies readonly Field[];

// ─── Records ────────────────────────────────────────────────────────────────

export interface AgendaRecord {
  id: string;
  title: string;
  description: string;
  gemeente_code: string;
  gemeente_name: string;
  buurt_codes: string[];
  starts_on: string;
  ends_on: string;
  version: number;
  published_at: string;
  first_published_at: string;
  url: string;
}

export interface ProgressRecord {
  date: string;
  status: string;
  note: string;
  link: string;
}

export interface AgreementRecord {
  id: string;
  agenda_id: string;
  gemeente_code: string;
  version: number;
  title: string;
  description: string;
  owner: string;
  starts_on: string;
  due_on: string;
  status: string;
  cost_euros: number | null;
  budget_source: string;
  /** Newest first. */
  progress: ProgressRecord[];
  url: string;
}

export interface StoryRecord {
  id: string;
  gemeente_code: string;
  buurt_code: string;
  title: string;
  text: string;
  themes: string[];
  channel: string;
  told_at: string;
  published_at: string;
  is_demo: boolean;
  lon: number | null;
  lat: number | null;
}

export interface RecordOf {
  buurtagendas: AgendaRecord;
  afspraken: AgreementRecord;
  verhalen: StoryRecord;
}

/** A list inside one CSV cell: its items joined with "; " (items never contain ";"). */
const LIST_SEPARATOR = "; ";

/** The flat CSV row of a record, in SCHEMA order. */
function csvRow(dataset: Dataset, record: RecordOf[Dataset]): unknown[] {
  const values: Record<string, unknown> = { ...record };
  if (dataset === "afspraken") {
    const progress = (record as AgreementRecord).progress;
    const latest = progress[0];
    values.progress_count = progress.length;
    values.latest_progress_on = latest?.date;
    values.latest_progress_status = latest?.status;
    values.latest_progress_note = latest?.note;
    values.latest_progress_link = latest?.link;
  }
  return SCHEMA[dataset]
    .filter((field: Field) => field.only !== "json")
    .map(({ name }) => {
      const value = values[name];
      if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
      if (typeof value === "boolean") return value ? "true" : "false";
      return value ?? "";
    });
}

export function csvColumns(dataset: Dataset): string[] {
  return SCHEMA[dataset].filter((field: Field) => field.only !== "json").map((f) => f.name);
}

/**
 * CSV as RFC 4180 says (comma, double quotes around a cell with a comma, quote or line break,
 * quotes doubled, CRLF between records), UTF-8 with a byte order mark so a spreadsheet reads the
 * accents right. A cell starting with = + - @ (or a tab or carriage return) gets a leading ' so
 * a spreadsheet does not run it as a formula (OWASP "CSV injection").
 */
export function toCsv<D extends Dataset>(dataset: D, records: RecordOf[D][]): string {
  return stringify(
    records.map((record) => csvRow(dataset, record)),
    {
      header: true,
      columns: csvColumns(dataset),
      bom: true,
      record_delimiter: "windows",
      escape_formulas: true,
    },
  );
}

/** Located stories as GeoJSON Points (WGS84 lon/lat, as stored); stories without a place are left out. */
export function toGeoJson(records: StoryRecord[]) {
  return {
    type: "FeatureCollection" as const,
    features: records
      .filter((r) => r.lon !== null && r.lat !== null)
      .map(({ lon, lat, ...properties }) => ({
        type: "Feature" as const,
        id: properties.id,
        geometry: { type: "Point" as const, coordinates: [lon!, lat!] },
        properties,
      })),
  };
}

// ─── Pagination and caching ─────────────────────────────────────────────────

export interface Pagination {
  page: number;
  perPage: number;
  total: number;
  next: string | null;
  prev: string | null;
}

/** The links to the next and previous pages (the same URL, another `pagina`). */
export function pagination(url: URL, page: number, perPage: number, total: number): Pagination {
  const pageCount = Math.max(1, Math.ceil(total / perPage));
  const link = (n: number) => {
    const target = new URL(url);
    target.searchParams.set("pagina", String(n));
    return target.toString();
  };
  return {
    page,
    perPage,
    total,
    next: page < pageCount ? link(page + 1) : null,
    // Past the end, "previous" is the last page that has records.
    prev: page > 1 ? link(Math.min(page - 1, pageCount)) : null,
  };
}

/** The Link header (RFC 8288) for CSV and GeoJSON, which have no room for links in the body. */
export function linkHeader(pages: Pagination, describedBy: string): string {
  return [
    pages.next ? `<${pages.next}>; rel="next"` : null,
    pages.prev ? `<${pages.prev}>; rel="prev"` : null,
    `<${describedBy}>; rel="describedby"`,
  ]
    .filter(Boolean)
    .join(", ");
}

/** A strong ETag: the SHA-256 of the exact bytes sent. */
export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body, "utf8").digest("base64url")}"`;
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 says for GET). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === etag);
}
