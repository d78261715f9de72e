import { data } from "react-router";
import type { Route } from "./+types/open-data-buurtagenda";
import { getAgendaResource } from "../features/agenda/agenda.server";
import { can } from "../features/auth/permissions";
import { parseAgendaFileName } from "../features/opendata/opendata";
import { openAgendaFile, openDataError } from "../features/opendata/opendata-routes.server";

// One published buurtagenda with its agreements: /open-data/buurtagendas/<id>.json. A draft, an
// unknown id and a malformed one all get the same 404, and nothing is written.

export async function loader({ request, params }: Route.LoaderArgs) {
  const id = parseAgendaFileName(params.bestand);
  const resource = id ? await getAgendaResource(id) : null;
  if (!resource) return openDataError(404, "agendaNotFound");
  // As a visitor, like the other open-data files (see open-data-bestand.ts).
  if (!can(null, "published.view", resource)) throw data(null, { status: 403 });
  return openAgendaFile(request, resource.agendaId);
}
