import { formatDate, formatDateTime, translate, type Locale } from "../../shared/i18n/i18n";
import { dutchToday } from "../../shared/validation";
import { agendaMessages } from "../agenda/agenda.messages";
import { documentMessages } from "../document/document.messages";
import { ANSWER_WITHIN_DAYS } from "./advice.schema";
import { AGREEMENT_STATUS_ORDER, type dashboardRow } from "./dashboard";
import type { DashboardFilterParams } from "./dashboard.schema";
import { reportMessages } from "./report.messages";

// What the council report says (issue 8), as text in the reader's language: pure, so the PDF
// writer (report.server.ts) only lays it out. Every figure is a row of a table.

/** One buurtagenda as the dashboard reads it, with the names of its buurten. */
export type ReportAgenda = ReturnType<typeof dashboardRow> & {
  id: string;
  title: string;
  startsOn: Date;
  endsOn: Date;
  buurten: string[];
};

/** The dashboard's filters, with the wijk's name for the reader. */
export type ReportFilters = DashboardFilterParams & { wijkName?: string };

/** Label and value: a table row whose first cell heads the row. */
export type Fact = [label: string, value: string];

export interface ReportContent {
  title: string;
  subject: string;
  intro: string;
  aboutTitle: string;
  about: Fact[];
  periodNote: string | null;
  summaryTitle: string;
  summary: Fact[];
  byStatusTitle: string;
  byStatusHeader: Fact;
  byStatus: Fact[];
  overdueExplain: string;
  agendasTitle: string;
  none: string | null;
  agendas: { title: string; facts: Fact[] }[];
  footer: (page: number, pages: number) => string;
}

type Key = keyof typeof reportMessages.nl;

export function councilReportContent(
  gemeente: { code: string; name: string },
  agendas: ReportAgenda[],
  filters: ReportFilters,
  locale: Locale,
  now: Date,
): ReportContent {
  const weeks = ANSWER_WITHIN_DAYS / 7;
  const t = (key: Key, vars?: Record<string, string | number>) =>
    translate(reportMessages, locale, key, vars);
  const days = (n: number) => t(n === 1 ? "dayOne" : "dayMany", { days: n });
  const day = (value: string | Date) =>
    formatDate(typeof value === "string" ? `${value}T00:00:00Z` : value, locale);
  const title = t("title", { gemeente: gemeente.name });
  const madeOn = formatDateTime(now, locale);

  const period =
    filters.vanaf && filters.tot
      ? t("periodBoth", { from: day(filters.vanaf), to: day(filters.tot) })
      : filters.vanaf
        ? t("periodFrom", { from: day(filters.vanaf) })
        : filters.tot
          ? t("periodTo", { to: day(filters.tot) })
          : t("allPeriods");
  const wijk = filters.wijk ? (filters.wijkName ?? filters.wijk) : t("allWijken");

  const sum = (pick: (a: ReportAgenda) => number) => agendas.reduce((n, a) => n + pick(a), 0);
  // The same status words as the agreement form and the dashboard.
  const statusLabel = (s: (typeof AGREEMENT_STATUS_ORDER)[number]) =>
    translate(documentMessages, locale, `status_${s}`);

  return {
    title,
    subject: t("subject", { gemeente: gemeente.name }),
    intro: t("intro", { gemeente: gemeente.name }),
    aboutTitle: t("aboutTitle"),
    about: [
      [t("madeOn"), madeOn],
      [t("wijk"), wijk],
      [t("period"), period],
    ],
    periodNote: filters.vanaf || filters.tot ? t("periodNote") : null,
    summaryTitle: t("summaryTitle"),
    summary: [
      [t("summaryAgendas"), String(agendas.length)],
      [t("summaryAgreements"), String(sum((a) => a.agreementCount))],
      [t("summaryOverdue"), String(sum((a) => a.overdue))],
      [t("summaryLateAdvice", { weeks }), String(sum((a) => a.lateAdvice))],
    ],
    byStatusTitle: t("byStatusTitle"),
    byStatusHeader: [t("status"), t("count")],
    byStatus: AGREEMENT_STATUS_ORDER.map((s) => [
      statusLabel(s),
      String(sum((a) => a.agreementsByStatus[s])),
    ]),
    overdueExplain: t("overdueExplain"),
    agendasTitle: t("agendasTitle"),
    none: agendas.length === 0 ? t("none") : null,
    agendas: agendas.map((a) => {
      const block =
        a.stuckBlock === null
          ? null
          : translate(agendaMessages, locale, `block${a.stuckBlock}` as "block1");
      const blockStatus = t(`block_${a.stuckStatus}` as Key);
      return {
        title: a.title,
        facts: [
          [t("buurten"), a.buurten.join(", ") || "—"],
          [t("agendaPeriod"), t("periodBoth", { from: day(a.startsOn), to: day(a.endsOn) })],
          [
            t("stuck"),
            block === null
              ? t("allDone")
              : a.stuckForDays
                ? t("stuckAt", { block, status: blockStatus, duration: days(a.stuckForDays) })
                : t("stuckToday", { block, status: blockStatus }),
          ],
          [
            t("agreements"),
            a.agreementCount === 0
              ? t("noAgreements")
              : t("agreementCounts", {
                  count: a.agreementCount,
                  done: a.agreementsByStatus.done,
                  progress: a.agreementsByStatus.in_progress,
                  planned: a.agreementsByStatus.planned,
                  stalled: a.agreementsByStatus.stalled,
                  dropped: a.agreementsByStatus.dropped,
                }),
          ],
          [t("overdue"), String(a.overdue)],
          [t("stories"), String(a.storyCount)],
          [
            t("ideas"),
            a.ideaCount === 0
              ? t("noIdeas")
              : t("ideaCounts", {
                  count: a.ideaCount,
                  fits: a.ideasByVerdict.fits,
                  decision: a.ideasByVerdict.needs_decision,
                  notFit: a.ideasByVerdict.does_not_fit,
                  open: a.ideasUnjudged,
                }),
          ],
          [
            t("activity"),
            a.daysSinceActivity === null
              ? t("never")
              : a.daysSinceActivity === 0
                ? t("today")
                : t("daysAgo", { duration: days(a.daysSinceActivity) }),
          ],
          [t("lateAdvice", { weeks }), String(a.lateAdvice)],
        ],
      };
    }),
    footer: (page, pages) =>
      t("footer", {
        gemeente: gemeente.name,
        date: formatDate(dutchToday(now), locale),
        page,
        pages,
      }),
  };
}

/**
 * "raadsrapportage-heemstede-2026-12-02.pdf": the gemeente's name in plain ASCII (a header value
 * and every file system take it), the day in the Netherlands.
 */
export function councilReportFileName(gemeente: { code: string; name: string }, now: Date) {
  const slug = gemeente.name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `raadsrapportage-${slug || gemeente.code.toLowerCase()}-${dutchToday(now)}.pdf`;
}
