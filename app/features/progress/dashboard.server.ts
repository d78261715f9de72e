import { Prisma } from "../../generated/prisma/client";
import { db } from "../../shared/db.server";
import { dutchToday } from "../../shared/validation";
import { AGREEMENT_STATUS_ORDER, DASHBOARD_PAGE_SIZE, dashboardRow } from "./dashboard";

// The council dashboard of a gemeente (issue 8): every buurtagenda with where it is stuck, its
// agreements, stories, ideas, last activity and late advice. A fixed number of grouped queries,
// whatever the number of agendas (300 per gemeente at national scale), read a page at a time.

export interface DashboardFilters {
  wijk?: string;
  from?: string;
  to?: string;
}

export interface CouncilDashboard {
  /** The agendas of the page asked for (all of them without `page`), by title. */
  rows: (ReturnType<typeof dashboardRow> & {
    id: string;
    title: string;
    startsOn: Date;
    endsOn: Date;
  })[];
  /** Every agenda the filters select, for the totals, the pages and "did it help?". */
  agendaIds: string[];
  /** Agreements by status over all those agendas, not only the page's. */
  agreementTotals: Record<(typeof AGREEMENT_STATUS_ORDER)[number], number>;
  /** The page shown (a page past the last shows the last) and how many there are. */
  page: number;
  pageCount: number;
}

/**
 * The dashboard of a gemeente with `filters`. With `page` (from 1) only that page's agendas
 * (DASHBOARD_PAGE_SIZE) get their figures, so the cost of a page does not grow with the number of
 * agendas beyond reading their ids and one aggregate of their agreements.
 */
export async function councilDashboard(
  gemeenteCode: string,
  filters: DashboardFilters,
  { now = new Date(), page }: { now?: Date; page?: number } = {},
): Promise<CouncilDashboard> {
  const where: Prisma.BuurtagendaWhereInput = {
    gemeenteCode,
    // An agenda counts for a period when its own period overlaps it.
    ...(filters.to ? { startsOn: { lte: new Date(`${filters.to}T00:00:00Z`) } } : {}),
    ...(filters.from ? { endsOn: { gte: new Date(`${filters.from}T00:00:00Z`) } } : {}),
    ...(filters.wijk
      ? { buurten: { some: { buurtCode: { startsWith: `BU${filters.wijk.slice(2)}` } } } }
      : {}),
  };
  const agendaIds = (
    await db().buurtagenda.findMany({
      where,
      orderBy: [{ title: "asc" }, { id: "asc" }],
      select: { id: true },
    })
  ).map((a) => a.id);
  const pageCount = page ? Math.max(1, Math.ceil(agendaIds.length / DASHBOARD_PAGE_SIZE)) : 1;
  const shown = page ? Math.min(page, pageCount) : 1;
  const ids = page
    ? agendaIds.slice((shown - 1) * DASHBOARD_PAGE_SIZE, shown * DASHBOARD_PAGE_SIZE)
    : agendaIds;
  const today = dutchToday(now);
  const [agendas, agreements] = await Promise.all([
    db().buurtagenda.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        title: true,
        startsOn: true,
        endsOn: true,
        buurten: { select: { buurtCode: true } },
        blocks: { select: { block: true, status: true, updatedAt: true } },
      },
    }),
    agendaIds.length
      ? // Counted in SQL for all selected agendas (the totals) at once: 300 agendas hold some
        // 5,000 agreements. Overdue as isOverdue() has it: past its end date, not done or dropped.
        db().$queryRaw<{ agenda_id: string; status: string; count: number; overdue: number }[]>`
          SELECT agenda_id, status::text AS status, count(*)::int AS count,
                 (count(*) FILTER (WHERE due_on < ${today}::date
                                     AND status NOT IN ('done', 'dropped')))::int AS overdue
          FROM agreement
          WHERE agenda_id = ANY(${agendaIds}::uuid[])
          GROUP BY agenda_id, status`
      : [],
  ]);
  const buurtCodes = [...new Set(agendas.flatMap((a) => a.buurten.map((b) => b.buurtCode)))];
  const [stories, ideas, activity, advice] = await Promise.all([
    db().story.groupBy({
      by: ["buurtCode"],
      where: { buurtCode: { in: buurtCodes }, status: { not: "withdrawn" } },
      _count: { _all: true },
    }),
    ids.length
      ? // Counted per agenda and newest verdict in SQL: 300 agendas hold some 16,000 ideas.
        db().$queryRaw<{ agenda_id: string; verdict: string | null; count: number }[]>`
          SELECT i.agenda_id, j.verdict::text AS verdict, count(*)::int AS count
          FROM idea i
          LEFT JOIN (
            SELECT DISTINCT ON (f.idea_id) f.idea_id, f.verdict
            FROM feasibility_judgement f JOIN idea fi ON fi.id = f.idea_id
            WHERE fi.agenda_id = ANY(${ids}::uuid[])
            ORDER BY f.idea_id, f.created_at DESC
          ) j ON j.idea_id = i.id
          WHERE i.agenda_id = ANY(${ids}::uuid[]) AND i.status IN ('published', 'submitted')
          GROUP BY i.agenda_id, j.verdict`
      : [],
    db().auditEvent.groupBy({
      by: ["subjectId"],
      where: { subjectType: "buurtagenda", subjectId: { in: ids } },
      _max: { createdAt: true },
    }),
    db().councilAdvice.findMany({
      where: { agendaId: { in: ids }, kind: "advice", answer: null },
      select: { agendaId: true, createdAt: true },
    }),
  ]);
  const storiesPerBuurt = new Map(stories.map((s) => [s.buurtCode, s._count._all]));
  // Grouped once, so each agenda's figures cost a lookup, not a pass over every row.
  const agreementsOf = groupBy(agreements, (a) => a.agenda_id);
  const ideasOf = groupBy(ideas, (i) => i.agenda_id);
  const adviceOf = groupBy(advice, (a) => a.agendaId);
  const lastActivity = new Map(activity.map((a) => [a.subjectId, a._max.createdAt]));
  const agendaOf = new Map(agendas.map((a) => [a.id, a]));
  const agreementTotals = Object.fromEntries(
    AGREEMENT_STATUS_ORDER.map((s) => [
      s,
      agreements.reduce((n, a) => n + (a.status === s ? a.count : 0), 0),
    ]),
  ) as CouncilDashboard["agreementTotals"];
  // An agenda deleted between the two reads is left out rather than shown empty.
  const rows = ids.flatMap((id) => {
    const agenda = agendaOf.get(id);
    if (!agenda) return [];
    return [
      {
        id: agenda.id,
        title: agenda.title,
        startsOn: agenda.startsOn,
        endsOn: agenda.endsOn,
        ...dashboardRow(
          {
            blocks: agenda.blocks,
            agreements: agreementsOf.get(agenda.id) ?? [],
            storyCount: agenda.buurten.reduce(
              (n, b) => n + (storiesPerBuurt.get(b.buurtCode) ?? 0),
              0,
            ),
            ideas: ideasOf.get(agenda.id) ?? [],
            lastActivity: lastActivity.get(agenda.id) ?? null,
            openAdvice: adviceOf.get(agenda.id) ?? [],
          },
          now,
        ),
      },
    ];
  });
  return { rows, agendaIds, agreementTotals, page: shown, pageCount };
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
