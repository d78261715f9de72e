import { Prisma } from "../../generated/prisma/client";
import { db } from "../../shared/db.server";
import { dutchToday } from "../../shared/validation";
import { AGREEMENT_STATUS_ORDER, DASHBOARD_PAGE_SIZE, dashboardRow } from "./dashboard";

// The council dashboard of a gemeente (issue 8): every buurtagenda with where it is stuck, its
// agreements, stories, ideas, last activity and late advice, a page at a time. Three statements
// whatever the number of agendas (300 per gemeente at national scale): the agendas the filters
// select, the figures of the page's agendas, and the agreement totals of them all.

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
  const [pageRows, totals] = await Promise.all([
    ids.length ? dashboardFigures(ids, today) : [],
    agendaIds.length
      ? db().$queryRaw<{ status: string; count: number }[]>`
          SELECT status::text AS status, count(*)::int AS count FROM agreement
          WHERE agenda_id = ANY(${agendaIds}::uuid[]) GROUP BY status`
      : [],
  ]);
  const agreementTotals = Object.fromEntries(
    AGREEMENT_STATUS_ORDER.map((s) => [s, totals.find((t) => t.status === s)?.count ?? 0]),
  ) as CouncilDashboard["agreementTotals"];
  const figuresOf = new Map(pageRows.map((r) => [r.id, r]));
  // An agenda deleted between the two reads is left out rather than shown empty.
  const rows = ids.flatMap((id) => {
    const agenda = figuresOf.get(id);
    if (!agenda) return [];
    return [
      {
        id: agenda.id,
        title: agenda.title,
        startsOn: agenda.startsOn,
        endsOn: agenda.endsOn,
        ...dashboardRow(
          {
            blocks: agenda.blocks.map((b) => ({ ...b, updatedAt: new Date(b.updatedAt) })),
            agreements: agenda.agreements,
            storyCount: agenda.storyCount,
            ideas: agenda.ideas,
            lastActivity: agenda.lastActivity,
            openAdvice: agenda.openAdvice.map((createdAt) => ({ createdAt: new Date(createdAt) })),
          },
          now,
        ),
      },
    ];
  });
  return { rows, agendaIds, agreementTotals, page: shown, pageCount };
}

interface AgendaFigures {
  id: string;
  title: string;
  startsOn: Date;
  endsOn: Date;
  /** Times as epoch milliseconds: JSON from SQL carries no time zone. */
  blocks: { block: number; status: string; updatedAt: number }[];
  agreements: { status: string; count: number; overdue: number }[];
  storyCount: number;
  ideas: { verdict: string | null; count: number }[];
  lastActivity: Date | null;
  openAdvice: number[];
}

/**
 * Every figure of a page of agendas in one statement, one row per agenda: counted in the
 * database per agenda, with the stories per buurt and each idea's newest verdict from the
 * counters that triggers keep (decision 0033). Overdue as isOverdue() has it: past its end date,
 * not done or dropped. Advice without an answer, as the advice page has it.
 */
function dashboardFigures(ids: string[], today: string) {
  return db().$queryRaw<AgendaFigures[]>`
    SELECT a.id, a.title, a.starts_on AS "startsOn", a.ends_on AS "endsOn",
      coalesce((
        SELECT json_agg(json_build_object(
                 'block', b.block, 'status', b.status,
                 'updatedAt', floor(extract(epoch FROM b.updated_at) * 1000)) ORDER BY b.block)
        FROM buurtagenda_block b WHERE b.agenda_id = a.id), '[]') AS blocks,
      coalesce((
        SELECT json_agg(json_build_object('status', g.status, 'count', g.count, 'overdue', g.overdue))
        FROM (SELECT status, count(*) AS count,
                     count(*) FILTER (WHERE due_on < ${today}::date
                                        AND status NOT IN ('done', 'dropped')) AS overdue
              FROM agreement WHERE agenda_id = a.id GROUP BY status) g), '[]') AS agreements,
      (SELECT coalesce(sum(c.stories), 0)::int
       FROM buurtagenda_buurt ab JOIN buurt_story_count c ON c.buurt_code = ab.buurt_code
       WHERE ab.agenda_id = a.id) AS "storyCount",
      coalesce((
        SELECT json_agg(json_build_object('verdict', v.verdict, 'count', v.count))
        FROM (SELECT latest_verdict AS verdict, count(*) AS count FROM idea
              WHERE agenda_id = a.id AND status IN ('published', 'submitted')
              GROUP BY latest_verdict) v), '[]') AS ideas,
      (SELECT max(e.created_at) FROM audit_event e
       WHERE e.subject_type = 'buurtagenda' AND e.subject_id = a.id::text) AS "lastActivity",
      coalesce((
        SELECT json_agg(floor(extract(epoch FROM c.created_at) * 1000))
        FROM council_advice c
        WHERE c.agenda_id = a.id AND c.kind = 'advice' AND c.answer IS NULL), '[]') AS "openAdvice"
    FROM buurtagenda a
    WHERE a.id = ANY(${ids}::uuid[])`;
}
