import { Link, data, href } from "react-router";
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
import { publishedSection } from "../features/stories/published-page.server";
import { PublishedStories } from "../features/stories/published-stories";
import { storiesMessages } from "../features/stories/stories.messages";
import { publicPageHeaders } from "../shared/page-cache";

// The same for every signed-out visitor: shared from the page cache (decision 0029).
export const headers = publicPageHeaders;

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `${data.buurt.name} (${data.gemeente.name}) | Buurtagenda` : "Buurtagenda" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const code = buurtCodeParam.safeParse(params.code);
  const buurt = code.success ? await getBuurt(code.data) : null;
  if (!buurt) throw data(null, { status: 404 });
  await authorize(request, "published.view", { kind: "buurt", buurtCode: buurt.code });
  const url = new URL(request.url);
  const { user } = await authenticate(request);
  return {
    ...(await publishedSection(url, [buurt.code], user?.id ?? null)),
    report: url.searchParams.get("melding"),
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
        pointsUrl={`${href("/buurt/:code/kaartpunten", { code: buurt.code })}${loaderData.pinQuery}`}
        pointLabels={{ cluster: ts("pinCluster"), open: ts("pinOpen") }}
      />
      <p className="source-note">{tc("sourceCbs")}</p>
      <PublishedStories
        section={loaderData}
        buurten={[buurt]}
        path={href("/buurt/:code", { code: buurt.code })}
        report={loaderData.report}
        tellLinks={[
          { href: href("/buurt/:code/vertellen", { code: buurt.code }), label: ts("tellLink") },
        ]}
      />
    </div>
  );
}
