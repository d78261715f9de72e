import type { Route } from "./+types/buurtagenda-versie-pdf";
import { exportResponse } from "../features/document/export-routes.server";

// The PDF of a published version (public, like the version itself).
export function loader({ request, params }: Route.LoaderArgs) {
  return exportResponse(request, params.id, params.number, "pdf");
}
