import { db } from "../../shared/db.server";
import { publicPageHeaders } from "../../shared/page-cache";
import { publishedStories, publishedStoryPins } from "./stories.server";

// The published stories section of the public buurt and buurtagenda pages: one reading of the
// URL's filters, one set of queries, the same list and map on both pages.

export interface PublishedSectionFilters {
  theme: string;
  q: string;
  /** Only on a page that spans several buurten; empty means all of them. */
  buurt: string;
  page: number;
}

export function publishedFiltersFrom(url: URL, buurtCodes: string[]): PublishedSectionFilters {
  const buurt = url.searchParams.get("buurt") ?? "";
  const page = Number(url.searchParams.get("pagina") ?? "1");
  return {
    theme: (url.searchParams.get("thema") ?? "").slice(0, 50),
    q: (url.searchParams.get("zoek") ?? "").slice(0, 200),
    // A buurt outside this page's area is ignored, not an error: the list shows the whole area.
    buurt: buurtCodes.includes(buurt) ? buurt : "",
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

function queryOf(filters: PublishedSectionFilters, buurtCodes: string[]) {
  return {
    buurtCodes: filters.buurt ? [filters.buurt] : buurtCodes,
    theme: filters.theme || undefined,
    q: filters.q || undefined,
  };
}

/**
 * The map's pins for the same filters as the list, as GeoJSON. Served apart from the page (the
 * map fetches them), so the page a resident opens on a phone stays small whatever the number of
 * pins.
 */
export async function publishedPinsResponse(url: URL, buurtCodes: string[]): Promise<Response> {
  const filters = publishedFiltersFrom(url, buurtCodes);
  const pins = await publishedStoryPins(queryOf(filters, buurtCodes));
  return Response.json(pins, {
    // Not kept by browsers (a withdrawn story must go at once), but shared by the server's page
    // cache, which forgets it on every write (decision 0029).
    headers: {
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      ...publicPageHeaders(),
    },
  });
}

/** The filters as a query string for the map's pins (the page number does not matter there). */
function pinQuery(filters: PublishedSectionFilters): string {
  const query = new URLSearchParams();
  if (filters.q) query.set("zoek", filters.q);
  if (filters.theme) query.set("thema", filters.theme);
  if (filters.buurt) query.set("buurt", filters.buurt);
  const search = query.toString();
  return search ? `?${search}` : "";
}

export async function publishedSection(url: URL, buurtCodes: string[], viewerId: string | null) {
  const filters = publishedFiltersFrom(url, buurtCodes);
  const [list, themes] = await Promise.all([
    publishedStories({ ...queryOf(filters, buurtCodes), page: filters.page, viewerId }),
    db().theme.findMany({ orderBy: { sortOrder: "asc" } }),
  ]);
  return {
    filters,
    total: list.total,
    page: list.page,
    pageCount: list.pageCount,
    stories: list.stories.map((s) => ({
      ...s,
      createdAt: s.createdAt.toISOString(),
      event: s.event && { ...s.event, heldOn: s.event.heldOn.toISOString() },
    })),
    pinQuery: pinQuery(filters),
    themes: themes.map((t) => ({ key: t.key, labelNl: t.labelNl, labelEn: t.labelEn })),
    signedIn: viewerId !== null,
  };
}

export type PublishedSectionData = Awaited<ReturnType<typeof publishedSection>>;
