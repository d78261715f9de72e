import type { Route } from "./+types/gemeente-dashboard-rapport";
import { authorize } from "../features/auth/auth-routes.server";
import { gemeenteOfParam } from "../features/ideas/instrument-routes.server";
import { parseDashboardFilters } from "../features/progress/dashboard.schema";
import { councilReportFileName } from "../features/progress/report";
import { councilReportData, councilReportPdf } from "../features/progress/report.server";
import { localeFromCookieHeader } from "../shared/i18n/i18n";

// The council report: the dashboard of a gemeente as a PDF for a council meeting (issue 8).
// A resource route with the dashboard's permission (dashboard.view) and filters (?wijk, vanaf, tot).

export async function loader({ request, params }: Route.LoaderArgs) {
  const gemeente = await gemeenteOfParam(params.code);
  await authorize(request, "dashboard.view", { kind: "gemeente", gemeenteCode: gemeente.code });
  const now = new Date();
  const { agendas, filters, remeasured } = await councilReportData(
    gemeente.code,
    parseDashboardFilters(request.url),
    now,
  );
  const locale = localeFromCookieHeader(request.headers.get("Cookie"));
  const file = await councilReportPdf(gemeente, agendas, filters, locale, now, remeasured);
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${councilReportFileName(gemeente, now)}"`,
      // Unpublished progress for the council's eyes: no shared cache, no copy on disk.
      "Cache-Control": "private, no-store",
    },
  });
}
