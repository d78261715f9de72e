import { z } from "zod";

// The council dashboard's filters as GET parameters (issue 8), shared by the dashboard page and
// its PDF report so both read the same URL the same way. A bad value is ignored, not an error:
// the page then shows everything rather than a failure.

/** A calendar day that exists (2027-02-31 would silently become 3 March). */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  })
  .optional()
  .catch(undefined);

export const dashboardFilterSchema = z.object({
  wijk: z
    .string()
    .regex(/^WK\d{6}$/)
    .optional()
    .catch(undefined),
  vanaf: day,
  tot: day,
  /** The page of agendas; the PDF report ignores it and holds them all. */
  pagina: z.coerce.number().int().min(1).max(99_999).optional().catch(undefined),
});

export type DashboardFilterParams = z.infer<typeof dashboardFilterSchema>;

/** The filters of a dashboard URL (`?wijk=WK039701&vanaf=2026-01-01&tot=2026-12-31`). */
export function parseDashboardFilters(url: string | URL): DashboardFilterParams {
  return dashboardFilterSchema.parse(Object.fromEntries(new URL(url).searchParams));
}

/** The filters as `councilDashboard` takes them. */
export function toDashboardFilters(params: DashboardFilterParams) {
  return { wijk: params.wijk, from: params.vanaf, to: params.tot };
}

/**
 * The filters as a query string ("" or "?wijk=…"), to carry them to another URL; with `page`, for
 * that page of the dashboard.
 */
export function dashboardQuery(params: DashboardFilterParams, page?: number): string {
  const search = new URLSearchParams();
  for (const key of ["wijk", "vanaf", "tot"] as const) {
    const value = params[key];
    if (value) search.set(key, value);
  }
  if (page && page > 1) search.set("pagina", String(page));
  const query = search.toString();
  return query ? `?${query}` : "";
}
