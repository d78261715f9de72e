import { data } from "react-router";
import type { Route } from "./+types/open-data-bestand";
import { can, type Resource } from "../features/auth/permissions";
import { parseFileName, parseOpenDataQuery } from "../features/opendata/opendata";
import { openDataError, openDataFile } from "../features/opendata/opendata-routes.server";

// One open-data file: /open-data/buurtagendas.json, afspraken.csv, verhalen.geojson, …
// (docs/open-data.md). A resource route: no page, only the file.

export async function loader({ request, params }: Route.LoaderArgs) {
  const file = parseFileName(params.bestand);
  if (!file)
    return openDataError(404, "notFound", params.bestand.endsWith(".csv") ? "csv" : "json");
  const parsed = parseOpenDataQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return openDataError(400, parsed.error, file.format);
  const { query } = parsed;
  const resource: Resource = query.gemeente
    ? { kind: "gemeente", gemeenteCode: query.gemeente }
    : { kind: "installation" };
  // Asked as a visitor, whoever asks: open data is the same for everyone (so any cache may keep
  // it), and no session is read or refreshed (nothing is written).
  if (!can(null, "published.view", resource)) throw data(null, { status: 403 });
  return openDataFile(request, file.dataset, file.format, query);
}
