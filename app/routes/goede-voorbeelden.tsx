import { Form, useSearchParams } from "react-router";
import type { Route } from "./+types/goede-voorbeelden";
import { AREA_KINDS, COST_BANDS, type CostBand } from "../features/practices/area-kind";
import { PracticeCard } from "../features/practices/practice-card";
import { practicesMessages } from "../features/practices/practices.messages";
import { LIBRARY_PAGE_SIZE } from "../features/practices/practices.constants";
import { librarySchema } from "../features/practices/practices.schema";
import { searchLibrary } from "../features/practices/practices.server";
import { ThemeFilter } from "../features/stories/theme-filter";
import { authorize } from "../features/auth/auth-routes.server";
import { useText } from "../shared/i18n/i18n";
import { PlainSelect, PlainTextField, SubmitButton } from "../shared/ui/form";
import { publicPageHeaders } from "../shared/page-cache";

// The library of good practices across every gemeente of the installation (issue 9). Public:
// only examples of buurtagendas with a published version are in it.

// The same for every signed-out visitor: shared from the page cache (decision 0029).
export const headers = publicPageHeaders;

export const meta: Route.MetaFunction = () => [{ title: "Goede voorbeelden | Buurtagenda" }];

export async function loader({ request }: Route.LoaderArgs) {
  await authorize(request, "published.view", { kind: "installation" });
  const query = librarySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { items, gemeenten, themes } = await searchLibrary(query);
  return {
    query,
    gemeenten,
    themes,
    items: items.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })),
  };
}

export default function GoodPracticeLibrary({ loaderData }: Route.ComponentProps) {
  const t = useText(practicesMessages);
  const { query, items } = loaderData;
  const [search] = useSearchParams();
  const gemeenteName = new Map(loaderData.gemeenten.map((g) => [g.code, g.name]));
  return (
    <div className="stack">
      <h1 className="utrecht-heading-1">{t("libraryTitle")}</h1>
      <p className="utrecht-paragraph">{t("libraryIntro")}</p>
      <Form method="get" className="form filters" role="search">
        <PlainTextField
          name="q"
          label={t("search")}
          description={t("searchHint")}
          defaultValue={query.q}
        />
        <ThemeFilter themes={loaderData.themes} value={query.thema} />
        <PlainSelect
          id="gebied"
          name="gebied"
          label={t("areaKind")}
          defaultValue={query.gebied}
          emptyLabel={t("allAreas")}
          options={AREA_KINDS.map((k) => ({ value: k, label: t(`area_${k}`) }))}
        />
        <PlainSelect
          id="kosten"
          name="kosten"
          label={t("costFilter")}
          defaultValue={query.kosten}
          emptyLabel={t("allCosts")}
          options={(Object.keys(COST_BANDS) as CostBand[]).map((band) => ({
            value: band,
            label: t(`cost_${band}`),
          }))}
        />
        <PlainSelect
          id="gemeente"
          name="gemeente"
          label={t("gemeenteFilter")}
          defaultValue={query.gemeente}
          emptyLabel={t("allGemeenten")}
          options={loaderData.gemeenten.map((g) => ({ value: g.code, label: g.name }))}
        />
        <SubmitButton>{t("searchButton")}</SubmitButton>
      </Form>
      <p className="utrecht-paragraph" role="status">
        {items.length === 0
          ? t("noResults")
          : items.length >= LIBRARY_PAGE_SIZE
            ? t("resultsMax", { count: items.length })
            : t(items.length === 1 ? "results_one" : "results", { count: items.length })}
      </p>
      {search.size > 0 || items.length ? (
        <ul className="story-list">
          {items.map((item) => (
            <li key={item.id}>
              <PracticeCard
                item={item}
                themes={loaderData.themes}
                gemeente={gemeenteName.get(item.agenda.gemeenteCode) ?? item.agenda.gemeenteCode}
                headingLevel={2}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <p className="source-note">{t("areaSource")}</p>
    </div>
  );
}
