import { ANSWER_WITHIN_DAYS } from "./advice.schema";

// The council dashboard's figures per buurtagenda (issue 8), from rows the server reads in a
// few grouped queries. Pure: no I/O.

const DAY = 24 * 60 * 60 * 1000;
export const AGREEMENT_STATUS_ORDER = [
  "planned",
  "in_progress",
  "done",
  "stalled",
  "dropped",
] as const;
export const VERDICT_ORDER = ["fits", "needs_decision", "does_not_fit"] as const;

/** An agreement is overdue when its end date has passed and it is neither done nor dropped. */
export function isOverdue(agreement: { dueOn: Date; status: string }, today: string): boolean {
  return (
    agreement.dueOn.toISOString().slice(0, 10) < today &&
    agreement.status !== "done" &&
    agreement.status !== "dropped"
  );
}

/** Agendas per page of the council dashboard; the PDF report holds them all. */
export const DASHBOARD_PAGE_SIZE = 50;

export interface DashboardInput {
  blocks: { block: number; status: string; updatedAt: Date }[];
  /** The agenda's agreements counted by status, with how many of those are overdue. */
  agreements: { status: string; count: number; overdue: number }[];
  storyCount: number;
  /** Ideas by their newest verdict (null: not judged yet), `count` ideas each (default 1). */
  ideas: { verdict: string | null; count?: number }[];
  lastActivity: Date | null;
  openAdvice: { createdAt: Date }[];
}

export function dashboardRow(input: DashboardInput, now: Date) {
  const blocks = [...input.blocks].sort((a, b) => a.block - b.block);
  // Where the agenda is stuck: the first block that is not done, since its last change.
  const stuck = blocks.find((b) => b.status !== "done") ?? null;
  const agreementsByStatus = Object.fromEntries(
    AGREEMENT_STATUS_ORDER.map((s) => [
      s,
      input.agreements.reduce((n, a) => n + (a.status === s ? a.count : 0), 0),
    ]),
  ) as Record<(typeof AGREEMENT_STATUS_ORDER)[number], number>;
  const ideasWith = (verdict: string | null) =>
    input.ideas.reduce((n, i) => n + (i.verdict === verdict ? (i.count ?? 1) : 0), 0);
  const ideasByVerdict = Object.fromEntries(VERDICT_ORDER.map((v) => [v, ideasWith(v)])) as Record<
    (typeof VERDICT_ORDER)[number],
    number
  >;
  return {
    stuckBlock: stuck?.block ?? null,
    stuckStatus: stuck?.status ?? null,
    stuckForDays: stuck ? Math.floor((now.getTime() - stuck.updatedAt.getTime()) / DAY) : null,
    blockStatuses: blocks.map((b) => b.status),
    agreementsByStatus,
    agreementCount: input.agreements.reduce((n, a) => n + a.count, 0),
    overdue: input.agreements.reduce((n, a) => n + a.overdue, 0),
    storyCount: input.storyCount,
    ideaCount: input.ideas.reduce((n, i) => n + (i.count ?? 1), 0),
    ideasByVerdict,
    ideasUnjudged: ideasWith(null),
    daysSinceActivity: input.lastActivity
      ? Math.floor((now.getTime() - input.lastActivity.getTime()) / DAY)
      : null,
    lateAdvice: input.openAdvice.filter(
      (a) => now.getTime() - a.createdAt.getTime() > ANSWER_WITHIN_DAYS * DAY,
    ).length,
  };
}
