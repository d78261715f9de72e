import { Link, data, href } from "react-router";
import type { Route } from "./+types/gemeente";
import { listAgendasOfGemeente } from "../features/agenda/agenda.server";
import { agendaMessages } from "../features/agenda/agenda.messages";
import { ideasMessages } from "../features/ideas/ideas.messages";
import { dashboardMessages } from "../features/progress/dashboard.messages";
import { scanMessages } from "../features/scan/scan.messages";
import { listPreselections } from "../features/scan/focus.server";
import { authorize } from "../features/auth/auth-routes.server";
import { can } from "../features/auth/permissions";
import { AreaMap } from "../features/territory/area-map";
import { gemeenteCodeParam } from "../features/territory/territory.schema";
import { territoryMessages } from "../features/territory/territory.messages";
import {
  bboxOf,
  getGemeenteWithAreas,
  toFeatureCollection,
} from "../features/territory/territory.server";
import { commonMessages } from "../shared/i18n/common.messages";
import { env } from "../shared/env.server";
import { formatDate, useLocale, useT } from "../shared/i18n/i18n";
import { publicPageHeaders } from "../shared/page-cache";

// The same for every signed-out visitor: shared from the page cache (decision 0029).
export const headers = publicPageHeaders;

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `${data.gemeente.name} | Buurtagenda` : "Buurtagenda" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const code = gemeenteCodeParam.safeParse(params.code);
  const found = code.success ? await getGemeenteWithAreas(code.data) : null;
  if (!found) throw data(null, { status: 404 });
  const resource = { kind: "gemeente" as const, gemeenteCode: found.gemeente.code };
  const user = await authorize(request, "published.view", resource);
  const buurten = found.wijken.flatMap((w) => w.buurten);
  return {
    gemeente: { code: found.gemeente.code, name: found.gemeente.name, year: found.gemeente.year },
    wijken: found.wijken.map((w) => ({
      code: w.code,
      name: w.name,
      buurten: w.buurten.map((b) => ({ code: b.code, name: b.name })),
    })),
    buurtCount: buurten.length,
    areas: toFeatureCollection(buurten),
    bbox: bboxOf(found.gemeente),
    baseStyleUrl: env().MAP_STYLE_URL ?? null,
    agendas: (await listAgendasOfGemeente(found.gemeente.code)).map((a) => ({
      id: a.id,
      title: a.title,
    })),
    canStart: can(user, "agenda.start", resource),
    canViewFigures: can(user, "scan.view", resource),
    canViewDashboard: can(user, "dashboard.view", resource),
    // Partners do not see the rankings, but they review saved preselections (issue 4).
    reviewable: can(user, "preselection.review", resource)
      ? (await listPreselections(found.gemeente.code)).slice(0, 5).map((p) => ({
          id: p.id,
          createdAt: p.createdAt.toISOString(),
          count: p.buurtCodes.length,
        }))
      : [],
  };
}

export default function Gemeente({ loaderData }: Route.ComponentProps) {
  const t = useT(territoryMessages);
  const tc = useT(commonMessages);
  const ta = useT(agendaMessages);
  const ts = useT(scanMessages);
  const ti = useT(ideasMessages);
  const td = useT(dashboardMessages);
  const locale = useLocale();
  const { gemeente, wijken } = loaderData;
  return (
    <div className="stack">
      <h1 className="utrecht-heading-1">{gemeente.name}</h1>
      <p className="utrecht-paragraph">
        {t("gemeenteIntro", {
          name: gemeente.name,
          wijken: wijken.length,
          buurten: loaderData.buurtCount,
        })}
      </p>
      <AreaMap
        areas={loaderData.areas}
        bbox={loaderData.bbox}
        label={t("mapLabel", { name: gemeente.name })}
        caption={t("mapCaption")}
        unavailableText={t("mapUnavailable")}
        loadingText={t("mapLoading")}
        baseStyleUrl={loaderData.baseStyleUrl}
      />
      <h2 className="utrecht-heading-2">{ta("agendasTitle")}</h2>
      {loaderData.agendas.length === 0 ? (
        <p className="utrecht-paragraph">{ta("noAgendas")}</p>
      ) : (
        <ul className="utrecht-unordered-list">
          {loaderData.agendas.map((agenda) => (
            <li key={agenda.id}>
              <Link to={href("/buurtagenda/:id", { id: agenda.id })}>{agenda.title}</Link>
            </li>
          ))}
        </ul>
      )}
      {loaderData.canStart ? (
        <p className="utrecht-paragraph">
          <Link to={href("/gemeente/:code/buurtagenda-starten", { code: gemeente.code })}>
            {ta("startLink")}
          </Link>
        </p>
      ) : null}
      {loaderData.canViewDashboard ? (
        <p className="utrecht-paragraph">
          <Link to={href("/gemeente/:code/dashboard", { code: gemeente.code })}>
            {td("dashboardLink")}
          </Link>
        </p>
      ) : null}
      <p className="utrecht-paragraph">
        <Link to={href("/gemeente/:code/beleid", { code: gemeente.code })}>
          {ti("toInstruments")}
        </Link>
      </p>
      {loaderData.canViewFigures ? (
        <ul className="utrecht-unordered-list">
          <li>
            <Link to={href("/gemeente/:code/cijfers", { code: gemeente.code })}>
              {ts("figuresLink")}
            </Link>
          </li>
          <li>
            <Link to={href("/gemeente/:code/voorselectie", { code: gemeente.code })}>
              {ts("preselectionLink")}
            </Link>
          </li>
        </ul>
      ) : null}
      {loaderData.reviewable.length ? (
        <>
          <h2 className="utrecht-heading-2">{ts("reviewListTitle")}</h2>
          <ul className="utrecht-unordered-list">
            {loaderData.reviewable.map((p) => (
              <li key={p.id}>
                <Link
                  to={href("/gemeente/:code/voorselectie/:id", { code: gemeente.code, id: p.id })}
                >
                  {ts("reviewListItem", { date: formatDate(p.createdAt, locale), count: p.count })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 className="utrecht-heading-2">{t("wijkenTitle")}</h2>
      {wijken.map((wijk) => (
        <section key={wijk.code} aria-labelledby={wijk.code}>
          <h3 className="utrecht-heading-3" id={wijk.code}>
            {wijk.name}
          </h3>
          <ul className="area-list">
            {wijk.buurten.map((buurt) => (
              <li key={buurt.code}>
                <Link to={href("/buurt/:code", { code: buurt.code })}>{buurt.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p className="source-note">{tc("sourceCbs")}</p>
    </div>
  );
}
