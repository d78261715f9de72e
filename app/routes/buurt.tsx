import { Form, Link, data, href } from "react-router";
import type { Route } from "./+types/buurt";
import { authorize } from "../features/auth/auth-routes.server";
import { AreaMap } from "../features/territory/area-map";
import { buurtCodeParam } from "../features/territory/territory.schema";
import { territoryMessages } from "../features/territory/territory.messages";
import { bboxOf, getBuurt, toFeatureCollection } from "../features/territory/territory.server";
import { commonMessages } from "../shared/i18n/common.messages";
import { env } from "../shared/env.server";
import { useT, useText } from "../shared/i18n/i18n";
import { authenticate } from "../features/auth/session.server";
import { publishedStories } from "../features/stories/stories.server";
import { storiesMessages } from "../features/stories/stories.messages";
import { ThemeFilter, useThemeLabel } from "../features/stories/theme-filter";
import { StoryList } from "../features/stories/story-list";
import { db } from "../shared/db.server";
import { FormAlert, StatusMessage } from "../shared/ui/form";

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `${data.buurt.name} (${data.gemeente.name}) | Buurtagenda` : "Buurtagenda" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const code = buurtCodeParam.safeParse(params.code);
  const buurt = code.success ? await getBuurt(code.data) : null;
  if (!buurt) throw data(null, { status: 404 });
  await authorize(request, "published.view", { kind: "buurt", buurtCode: buurt.code });
  const search = new URL(request.url).searchParams;
  const filters = {
    theme: (search.get("thema") ?? "").slice(0, 50),
    q: (search.get("zoek") ?? "").slice(0, 200),
  };
  const { user } = await authenticate(request);
  const [stories, themes] = await Promise.all([
    publishedStories({
      buurtCodes: [buurt.code],
      theme: filters.theme || undefined,
      q: filters.q || undefined,
      viewerId: user?.id ?? null,
    }),
    db().theme.findMany({ orderBy: { sortOrder: "asc" } }),
  ]);
  return {
    stories: stories.map((s) => ({
      ...s,
      createdAt: s.createdAt.toISOString(),
      event: s.event && { ...s.event, heldOn: s.event.heldOn.toISOString() },
    })),
    storyPoints: {
      type: "FeatureCollection" as const,
      features: stories
        .filter((s) => s.lon !== null && s.lat !== null)
        .map((s) => ({
          type: "Feature" as const,
          properties: { title: s.title || s.text.slice(0, 60) },
          geometry: { type: "Point" as const, coordinates: [s.lon!, s.lat!] },
        })),
    },
    themes: themes.map((t) => ({ key: t.key, labelNl: t.labelNl, labelEn: t.labelEn })),
    filters,
    report: search.get("melding"),
    signedIn: Boolean(user),
    buurt: { code: buurt.code, name: buurt.name, year: buurt.year },
    wijk: { code: buurt.wijk.code, name: buurt.wijk.name },
    gemeente: buurt.wijk.gemeente,
    areas: toFeatureCollection([buurt]),
    bbox: bboxOf(buurt),
    baseStyleUrl: env().MAP_STYLE_URL ?? null,
  };
}

export default function Buurt({ loaderData }: Route.ComponentProps) {
  const t = useT(territoryMessages);
  const tc = useT(commonMessages);
  const { buurt, wijk, gemeente } = loaderData;
  const ts = useText(storiesMessages);
  const themeLabel = useThemeLabel(loaderData.themes);
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/gemeente/:code", { code: gemeente.code })}>
          {t("backToGemeente", { name: gemeente.name })}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{buurt.name}</h1>
      <dl className="facts">
        <dt>{t("buurtGemeente")}</dt>
        <dd>{gemeente.name}</dd>
        <dt>{t("buurtWijk")}</dt>
        <dd>{wijk.name}</dd>
        <dt>{t("buurtCode")}</dt>
        <dd>{buurt.code}</dd>
        <dt>{t("buurtYear")}</dt>
        <dd>{t("buurtYearValue", { year: buurt.year })}</dd>
      </dl>
      <AreaMap
        areas={loaderData.areas}
        bbox={loaderData.bbox}
        label={t("mapLabel", { name: buurt.name })}
        caption={t("buurtMapCaption", { name: buurt.name })}
        unavailableText={t("mapUnavailable")}
        loadingText={t("mapLoading")}
        baseStyleUrl={loaderData.baseStyleUrl}
        points={loaderData.storyPoints}
      />
      <p className="source-note">{tc("sourceCbs")}</p>
      <section className="section stack" aria-labelledby="verhalen">
        <h2 className="utrecht-heading-2" id="verhalen">
          {ts("storiesTitle")}
        </h2>
        <p className="utrecht-paragraph">
          <Link to={href("/buurt/:code/vertellen", { code: buurt.code })}>{ts("tellLink")}</Link>
        </p>
        <Form method="get" className="form inline-fields" action={`#verhalen`}>
          <div className="form-field">
            <label htmlFor="zoek">{ts("searchLabel")}</label>
            <input
              id="zoek"
              name="zoek"
              type="search"
              defaultValue={loaderData.filters.q}
              className="utrecht-textbox utrecht-textbox--html-input"
            />
          </div>
          <ThemeFilter themes={loaderData.themes} value={loaderData.filters.theme} />
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {ts("search")}
          </button>
        </Form>
        {loaderData.report === "ontvangen" ? (
          <StatusMessage>{ts("reportReceived")}</StatusMessage>
        ) : loaderData.report === "leeg" ? (
          <FormAlert messages={[ts("reportEmpty")]} />
        ) : null}
        {loaderData.stories.length === 0 ? (
          <p className="utrecht-paragraph">{ts("storiesNone")}</p>
        ) : (
          <StoryList
            stories={loaderData.stories}
            themeLabel={themeLabel}
            signedIn={loaderData.signedIn}
            returnTo={href("/buurt/:code", { code: buurt.code })}
          />
        )}
      </section>
    </div>
  );
}
