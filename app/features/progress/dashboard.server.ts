import { Prisma } from "../../generated/prisma/client";
import { db } from "../../shared/db.server";
import { dutchToday } from "../../shared/validation";
import { dashboardRow } from "./dashboard";

// The council dashboard of a gemeente (issue 8): every buurtagenda with where it is stuck, its
// agreements, stories, ideas, last activity and late advice. A fixed number of grouped queries,
// whatever the number of agendas (300 per gemeente at national scale).

export interface DashboardFilters {
  wijk?: string;
  from?: string;
  to?: string;
}

export async function councilDashboard(
  gemeenteCode: string,
  filters: DashboardFilters,
  now = new Date(),
) {
  const where: Prisma.BuurtagendaWhereInput = {
    gemeenteCode,
    // An agenda counts for a period when its own period overlaps it.
    ...(filters.to ? { startsOn: { lte: new Date(`${filters.to}T00:00:00Z`) } } : {}),
    ...(filters.from ? { endsOn: { gte: new Date(`${filters.from}T00:00:00Z`) } } : {}),
    ...(filters.wijk
      ? { buurten: { some: { buurtCode: { startsWith: `BU${filters.wijk.slice(2)}` } } } }
      : {}),
  };
  const agendas = await db().buurtagenda.findMany({
    where,
    orderBy: { title: "asc" },
    select: {
      id: true,
      title: true,
      startsOn: true,
      endsOn: true,
      buurten: { select: { buurtCode: true } },
      blocks: { select: { block: true, status: true, updatedAt: true } },
    },
  });
  const ids = agendas.map((a) => a.id);
  const buurtCodes = [...new Set(agendas.flatMap((a) => a.buurten.map((b) => b.buurtCode)))];
  const [agreements, stories, ideas, activity, advice] = await Promise.all([
    db().agreement.findMany({
      where: { agendaId: { in: ids } },
      select: { agendaId: true, status: true, dueOn: true },
    }),
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
  const agreementsOf = groupBy(agreements, (a) => a.agendaId);
  const ideasOf = groupBy(ideas, (i) => i.agenda_id);
  const adviceOf = groupBy(advice, (a) => a.agendaId);
  const lastActivity = new Map(activity.map((a) => [a.subjectId, a._max.createdAt]));
  const today = dutchToday(now);
  return agendas.map((agenda) => ({
    id: agenda.id,
    title: agenda.title,
    startsOn: agenda.startsOn,
    endsOn: agenda.endsOn,
    ...dashboardRow(
      {
        blocks: agenda.blocks,
        agreements: agreementsOf.get(agenda.id) ?? [],
        storyCount: agenda.buurten.reduce((n, b) => n + (storiesPerBuurt.get(b.buurtCode) ?? 0), 0),
        ideas: ideasOf.get(agenda.id) ?? [],
        lastActivity: lastActivity.get(agenda.id) ?? null,
        openAdvice: adviceOf.get(agenda.id) ?? [],
      },
      now,
      today,
    ),
  }));
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
