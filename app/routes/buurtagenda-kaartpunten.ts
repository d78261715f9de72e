import type { Route } from "./+types/buurtagenda-kaartpunten";
import { agendaFor } from "../features/agenda/agenda-routes.server";
import { publishedPinsResponse } from "../features/stories/published-page.server";

// The pins of a buurtagenda's public map (GeoJSON, the same filters as its list).

export async function loader({ request, params }: Route.LoaderArgs) {
  const { resource } = await agendaFor(request, params.id, "published.view");
  return publishedPinsResponse(new URL(request.url), resource.buurtCodes);
}
