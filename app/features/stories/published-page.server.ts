import { db } from "../../shared/db.server";
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

export async function publishedSection(url: URL, buurtCodes: string[], viewerId: string | null) {
  const filters = publishedFiltersFrom(url, buurtCodes);
  const query = {
    buurtCodes: filters.buurt ? [filters.buurt] : buurtCodes,
    theme: filters.theme || undefined,
    q: filters.q || undefined,
  };
  const [list, pins, themes] = await Promise.all([
    publishedStories({ ...query, page: filters.page, viewerId }),
    publishedStoryPins(query),
    db().theme.findMany({ orderBy: { sortOrder: "asc" } }),
  ]);
  const onThisPage = new Set(list.stories.map((s) => s.id));
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
    // A pin whose story is in the list below links to it; the others only show their title.
    pins: {
      ...pins,
      features: pins.features.map((f) => ({
        ...f,
        properties: {
          ...f.properties,
          href: onThisPage.has(f.properties.id) ? `#verhaal-${f.properties.id}` : "",
        },
      })),
    },
    themes: themes.map((t) => ({ key: t.key, labelNl: t.labelNl, labelEn: t.labelEn })),
    signedIn: viewerId !== null,
  };
}

export type PublishedSectionData = Awaited<ReturnType<typeof publishedSection>>;
