import { href } from "react-router";
import { env } from "../../shared/env.server";
import { translate } from "../../shared/i18n/i18n";
import { gemeenteName } from "../territory/territory.server";
import {
  LICENCE,
  MAX_AGE_SECONDS,
  MAX_PER_PAGE,
  attribution,
  etagOf,
  linkHeader,
  matchesEtag,
  pagination,
  toCsv,
  toGeoJson,
  type AgendaRecord,
  type Dataset,
  type Format,
  type OpenDataQuery,
  type Pagination,
  type StoryRecord,
} from "./opendata";
import { openAgendas, openAgreements, openStories, type PageQuery } from "./opendata.server";
import { openDataMessages } from "./opendata.messages";

// The responses of the open-data files: the body in its format, the licence and schema links,
// pagination, and caching (a strong ETag; If-None-Match gives 304 without a body). The same
// for everyone: no session is read, no cookie is set, nothing is written.

type ErrorKey =
  "gemeenteInvalid" | "pageInvalid" | "perPageInvalid" | "notFound" | "agendaNotFound";

const CONTENT_TYPES: Record<Format, string> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8; header=present",
  geojson: "application/geo+json; charset=utf-8",
};

const OPEN_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, Link, X-Total-Count",
  "X-Content-Type-Options": "nosniff",
};

/** The site's public origin for links in the data: APP_URL, else the request's own. */
export function openDataOrigin(request: Request): string {
  return env().APP_URL?.replace(/\/+$/, "") ?? new URL(request.url).origin;
}

const schemaUrl = (origin: string, dataset: Dataset) => `${origin}${href("/open-data")}#${dataset}`;

/** A refusal in plain Dutch: `{ "error": "…" }`, or the sentence itself for a CSV file. */
export function openDataError(status: 400 | 404, key: ErrorKey, format: Format = "json") {
  const message = translate(openDataMessages, "nl", key);
  const headers = { ...OPEN_HEADERS, "Cache-Control": "no-store" };
  if (format === "csv") {
    return new Response(`${message}\n`, {
      status,
      headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  return Response.json({ error: message }, { status, headers });
}

/** The body with its validators; 304 and no body when the client already has these bytes. */
function cacheable(request: Request, body: string, headers: Record<string, string>): Response {
  const etag = etagOf(body);
  const all: Record<string, string> = {
    ...OPEN_HEADERS,
    ...headers,
    ETag: etag,
    "Cache-Control": `public, max-age=${MAX_AGE_SECONDS}`,
  };
  if (matchesEtag(request.headers.get("If-None-Match"), etag)) {
    // A 304 carries the validators and caching headers, not those that describe a body.
    const { "Content-Type": _type, "Content-Disposition": _disposition, ...rest } = all;
    return new Response(null, { status: 304, headers: rest });
  }
  return new Response(body, { status: 200, headers: all });
}

async function licenceFor(gemeenteCode: string | undefined) {
  const name = gemeenteCode ? ((await gemeenteName(gemeenteCode))?.name ?? null) : null;
  return { ...LICENCE, attribution: attribution(name) };
}

function fileName(dataset: Dataset, format: Format, query: OpenDataQuery): string {
  const parts = [
    "buurtagenda",
    dataset,
    query.gemeente,
    query.pagina > 1 ? `pagina-${query.pagina}` : "",
  ];
  return `${parts.filter(Boolean).join("-")}.${format}`;
}

function pageQuery(query: OpenDataQuery): PageQuery {
  return { page: query.pagina, perPage: query.per, gemeenteCode: query.gemeente };
}

async function recordsOf(dataset: Dataset, format: Format, query: PageQuery, origin: string) {
  switch (dataset) {
    case "buurtagendas":
      return openAgendas(query, origin);
    case "afspraken":
      return openAgreements(query, origin);
    case "verhalen":
      return openStories({ ...query, located: format === "geojson" });
  }
}

/** One page of a dataset in one format. */
export async function openDataFile(
  request: Request,
  dataset: Dataset,
  format: Format,
  query: OpenDataQuery,
): Promise<Response> {
  const url = new URL(request.url);
  const origin = openDataOrigin(request);
  // The links point at the public address, whatever host the request came in on.
  const self = new URL(`${origin}${url.pathname}${url.search}`);
  const [{ total, records }, licence] = await Promise.all([
    recordsOf(dataset, format, pageQuery(query), origin),
    licenceFor(query.gemeente),
  ]);
  const pages: Pagination = pagination(self, query.pagina, query.per, total);
  const schema = schemaUrl(origin, dataset);
  const headers: Record<string, string> = {
    "Content-Type": CONTENT_TYPES[format],
    "X-Total-Count": String(total),
    Link: `${linkHeader(pages, schema)}, <${LICENCE.url}>; rel="license"`,
  };
  let body: string;
  if (format === "csv") {
    body = toCsv(dataset, records);
    headers["Content-Disposition"] = `attachment; filename="${fileName(dataset, format, query)}"`;
  } else if (format === "geojson") {
    // RFC 7946 allows members of our own next to the features.
    body = JSON.stringify({
      ...toGeoJson(records as StoryRecord[]),
      licence,
      schema,
      pagination: pages,
    });
  } else {
    body = JSON.stringify({ dataset, licence, schema, pagination: pages, data: records });
  }
  return cacheable(request, body, headers);
}

/**
 * One published buurtagenda with the agreements of its newest version. A draft (never
 * published) answers exactly like an unknown id: 404, so the file does not even tell it exists.
 */
export async function openAgendaFile(request: Request, agendaId: string): Promise<Response> {
  const origin = openDataOrigin(request);
  const agendas = await openAgendas({ page: 1, perPage: 1, agendaId }, origin);
  const agenda: AgendaRecord | undefined = agendas.records[0];
  if (!agenda) return openDataError(404, "agendaNotFound");
  const [agreements, licence] = await Promise.all([
    // An agenda with more agreements than this is not to be expected; the list has them all.
    openAgreements({ page: 1, perPage: MAX_PER_PAGE, agendaId }, origin),
    licenceFor(agenda.gemeente_code),
  ]);
  const schema = schemaUrl(origin, "buurtagendas");
  const body = JSON.stringify({
    dataset: "buurtagendas",
    licence,
    schema,
    data: { ...agenda, agreements: agreements.records },
  });
  return cacheable(request, body, {
    "Content-Type": CONTENT_TYPES.json,
    Link: `<${schema}>; rel="describedby", <${LICENCE.url}>; rel="license"`,
  });
}
