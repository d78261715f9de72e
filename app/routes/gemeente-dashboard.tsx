import { Form, Link, href } from "react-router";
import type { Route } from "./+types/gemeente-dashboard";
import { authorize } from "../features/auth/auth-routes.server";
import { gemeenteOfParam } from "../features/ideas/instrument-routes.server";
import { AGREEMENT_STATUS_ORDER, DASHBOARD_PAGE_SIZE } from "../features/progress/dashboard";
import { dashboardMessages } from "../features/progress/dashboard.messages";
import {
  dashboardQuery,
  parseDashboardFilters,
  toDashboardFilters,
} from "../features/progress/dashboard.schema";
import { councilDashboard } from "../features/progress/dashboard.server";
import { verdictCounts } from "../features/progress/remeasure";
import { RemeasureTable } from "../features/progress/remeasure-table";
import { remeasureMessages } from "../features/progress/remeasure.messages";
import { remeasureForAgendas } from "../features/progress/remeasure.server";
import { reportMessages } from "../features/progress/report.messages";
import { wijkNames } from "../features/territory/territory.server";
import { useText } from "../shared/i18n/i18n";
import { PlainSelect, PlainTextField } from "../shared/ui/form";
import { Pager } from "../shared/ui/pager";

// The council dashboard (dashboard.view: gemeente and adviesraad): every buurtagenda of the
// gemeente, where it is stuck and for how long, agreements by status and overdue, stories and
// ideas, last activity, advice waiting too long. Filters are GET parameters.

export const meta: Route.MetaFunction = ({ data }) => [
  { title: data ? `Dashboard: ${data.gemeente.name} | Buurtagenda` : "Buurtagenda" },
  { name: "robots", content: "noindex" },
];

export async function loader({ request, params }: Route.LoaderArgs) {
  const gemeente = await gemeenteOfParam(params.code);
  await authorize(request, "dashboard.view", { kind: "gemeente", gemeenteCode: gemeente.code });
  // The same parsing as the PDF report (gemeente-dashboard-rapport.ts).
  const filters = parseDashboardFilters(request.url);
  const [dashboard, wijken] = await Promise.all([
    councilDashboard(gemeente.code, toDashboardFilters(filters), { page: filters.pagina ?? 1 }),
    wijkNames(gemeente.code),
  ]);
  const { rows } = dashboard;
  // "Did it help?" covers every agenda the filters select, not only this page's.
  const remeasure = await remeasureForAgendas(dashboard.agendaIds);
  return {
    gemeente,
    filters,
    wijken,
    rows: rows.map((r) => ({
      ...r,
      startsOn: r.startsOn.toISOString(),
      endsOn: r.endsOn.toISOString(),
    })),
    agendaCount: dashboard.agendaIds.length,
    page: dashboard.page,
    pageCount: dashboard.pageCount,
    totals: dashboard.agreementTotals,
    remeasure,
    remeasureCounts: verdictCounts(remeasure.flatMap((a) => a.indicators.map((i) => i.result))),
  };
}

function AgreementChart({ totals }: { totals: Record<string, number> }) {
  const t = useText(dashboardMessages);
  const max = Math.max(1, ...Object.values(totals));
  const rowHeight = 28;
  return (
    <svg
      role="img"
      aria-label={t("chartLabel")}
      viewBox={`0 0 420 ${AGREEMENT_STATUS_ORDER.length * rowHeight}`}
      className="dashboard-chart"
    >
      {AGREEMENT_STATUS_ORDER.map((s, i) => (
        <g key={s} transform={`translate(0 ${i * rowHeight})`}>
          <text x="0" y="18" fontSize="13">
            {t(`status_${s}`)}
          </text>
          <rect x="110" y="5" height="16" width={(totals[s]! / max) * 260} fill="#0b5394" />
          <text x={116 + (totals[s]! / max) * 260} y="18" fontSize="13">
            {totals[s]}
          </text>
        </g>
      ))}
    </svg>
  );
}

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const t = useText(dashboardMessages);
  const tr = useText(remeasureMessages);
  const tp = useText(reportMessages);
  const { gemeente, filters, totals } = loaderData;
  return (
    <div className="stack">
      <p className="utrecht-paragraph">
        <Link to={href("/gemeente/:code", { code: gemeente.code })}>{gemeente.name}</Link>
      </p>
      <h1 className="utrecht-heading-1">{t("title", { gemeente: gemeente.name })}</h1>
      <p className="utrecht-paragraph">{t("intro")}</p>
      <Form method="get" className="form inline-fields">
        <PlainSelect
          id="wijk"
          name="wijk"
          label={t("filterWijk")}
          emptyLabel={t("filterAll")}
          defaultValue={filters.wijk ?? ""}
          options={loaderData.wijken.map((w) => ({ value: w.code, label: w.name }))}
        />
        <PlainTextField
          name="vanaf"
          label={t("filterFrom")}
          defaultValue={filters.vanaf ?? ""}
          type="date"
        />
        <PlainTextField
          name="tot"
          label={t("filterTo")}
          defaultValue={filters.tot ?? ""}
          type="date"
        />
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t("show")}
        </button>
      </Form>
      <p className="utrecht-paragraph">
        {/* The filters of this page, as the page has read them. */}
        <a
          href={`${href("/gemeente/:code/dashboard/rapport.pdf", { code: gemeente.code })}${dashboardQuery(filters)}`}
          download
        >
          {tp("reportLink")}
        </a>{" "}
        {tp("reportLinkHint")}
      </p>
      {loaderData.rows.length === 0 ? (
        <p className="utrecht-paragraph">{t("none")}</p>
      ) : (
        <>
          <p className="utrecht-paragraph">
            {t("agendaCount", { count: loaderData.agendaCount })}
            {loaderData.pageCount > 1
              ? ` ${t("agendaRange", {
                  from: (loaderData.page - 1) * DASHBOARD_PAGE_SIZE + 1,
                  to: (loaderData.page - 1) * DASHBOARD_PAGE_SIZE + loaderData.rows.length,
                })}`
              : null}
          </p>
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t("agenda")}</th>
                  <th scope="col">{t("stuck")}</th>
                  <th scope="col">{t("agreements")}</th>
                  <th scope="col">{t("overdue")}</th>
                  <th scope="col">{t("stories")}</th>
                  <th scope="col">{t("ideas")}</th>
                  <th scope="col">{t("activity")}</th>
                  <th scope="col">{t("lateAdvice")}</th>
                </tr>
              </thead>
              <tbody>
                {loaderData.rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={href("/buurtagenda/:id/werkruimte", { id: r.id })}>{r.title}</Link>
                    </th>
                    <td>
                      {r.stuckBlock === null
                        ? t("allDone")
                        : t("stuckAt", {
                            block: r.stuckBlock,
                            status: t(`block_${r.stuckStatus}`),
                            days: r.stuckForDays ?? 0,
                          })}
                    </td>
                    <td>
                      {t("agreementCounts", {
                        done: r.agreementsByStatus.done,
                        progress: r.agreementsByStatus.in_progress,
                        planned: r.agreementsByStatus.planned,
                        stalled: r.agreementsByStatus.stalled,
                        dropped: r.agreementsByStatus.dropped,
                      })}
                    </td>
                    <td>{r.overdue}</td>
                    <td>{r.storyCount}</td>
                    <td>
                      {t("ideaCounts", {
                        count: r.ideaCount,
                        fits: r.ideasByVerdict.fits,
                        decision: r.ideasByVerdict.needs_decision,
                        notFit: r.ideasByVerdict.does_not_fit,
                        open: r.ideasUnjudged,
                      })}
                    </td>
                    <td>
                      {r.daysSinceActivity === null
                        ? t("never")
                        : t("daysAgo", { days: r.daysSinceActivity })}
                    </td>
                    <td>
                      <Link to={href("/buurtagenda/:id/advies", { id: r.id })}>
                        {r.lateAdvice}
                        <span className="visually-hidden">
                          {" "}
                          {t("adviceLink")}: {r.title}
                        </span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <Pager
        page={loaderData.page}
        pageCount={loaderData.pageCount}
        linkTo={(page) =>
          `${href("/gemeente/:code/dashboard", { code: gemeente.code })}${dashboardQuery(filters, page)}`
        }
        labels={{
          nav: t("pagesLabel"),
          previous: t("previousPage"),
          next: t("nextPage"),
          pageOf: t("pageOf", { page: loaderData.page, pages: loaderData.pageCount }),
        }}
      />
      <section className="section stack" aria-labelledby="alle-afspraken">
        <h2 className="utrecht-heading-2" id="alle-afspraken">
          {t("chartTitle")}
        </h2>
        <div className="side-by-side">
          <AgreementChart totals={totals} />
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("status")}</th>
                <th scope="col">{t("count")}</th>
              </tr>
            </thead>
            <tbody>
              {AGREEMENT_STATUS_ORDER.map((s) => (
                <tr key={s}>
                  <th scope="row">{t(`status_${s}`)}</th>
                  <td>{totals[s]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="section stack" aria-labelledby="geholpen">
        <h2 className="utrecht-heading-2" id="geholpen">
          {tr("title")}
        </h2>
        {loaderData.remeasure.length ? (
          <>
            <p className="utrecht-paragraph">{tr("summary", loaderData.remeasureCounts)}</p>
            {loaderData.remeasure.map((a) => (
              <RemeasureTable
                key={a.id}
                rows={a.indicators}
                caption={`${a.agendaTitle}: ${a.title}`}
              />
            ))}
          </>
        ) : (
          <p className="utrecht-paragraph">{tr("noneOnDashboard")}</p>
        )}
      </section>
    </div>
  );
}
