import type { Route } from "./+types/buurtagenda-versie-docx";
import { exportResponse } from "../features/document/export-routes.server";

// The Word file of a published version, for staff who edit further (public, like the version).
export function loader({ request, params }: Route.LoaderArgs) {
  return exportResponse(request, params.id, params.number, "docx");
}
