import { Prisma } from "../../generated/prisma/client";
import { recordAuditEvent } from "../../shared/audit.server";
import { db, type Db } from "../../shared/db.server";
import { enqueueInTransaction, QUEUES } from "../../shared/queue.server";
import type { AgendaResource } from "../agenda/agenda.server";
import { can } from "../auth/permissions";
import {
  RATE_LIMITS,
  type RateLimitRule,
  hitRateLimits,
  reactionLimits,
} from "../auth/rate-limit.server";
import { accountNames } from "../auth/recipients.server";
import type { CurrentUser } from "../auth/session.server";
import { budgetCheck, currentJudgement } from "./feasibility";
import type { IdeaInput, JudgementInput, Verdict } from "./ideas.schema";
import { isUuid } from "../../shared/uuid";

// Block 6: ideas about the findings of a buurtagenda, support, merging, and the gemeente's
// feasibility judgements with the budget check. The only code that writes the idea tables.
// A resident's idea waits for the platform (idea.moderate) before it is public, like a story;
// one by the platform or the gemeente is public at once.

const SUBJECT = "buurtagenda";

/** What one person may see and do with the ideas of one agenda (from the one policy module). */
export interface IdeaViewer {
  userId: string | null;
  canModerate: boolean;
  canJudge: boolean;
  /**
   * Staff, platform and council (unpublished.view): the budget check, the judgement history with
   * names, and findings not (yet) shown to residents.
   */
  canViewInternal: boolean;
}

export function ideaViewer(user: CurrentUser | null, agenda: AgendaResource): IdeaViewer {
  return {
    userId: user?.id ?? null,
    canModerate: can(user, "idea.moderate", agenda),
    canJudge: can(user, "idea.judge", agenda),
    canViewInternal: can(user, "unpublished.view", agenda),
  };
}

/** An idea is visible when published, to its proposer, and to the platform (to moderate it). */
function visibleWhere(viewer: IdeaViewer): Prisma.IdeaWhereInput {
  if (viewer.canModerate) return { status: { not: "merged" } };
  const own: Prisma.IdeaWhereInput[] = viewer.userId
    ? [{ proposerId: viewer.userId, status: { in: ["submitted", "rejected"] } }]
    : [];
  return { OR: [{ status: "published" }, ...own] };
}

/** Findings residents may see: those staff marked public. Internal viewers see them all. */
function findingsVisibleTo(viewer: IdeaViewer): Prisma.FindingWhereInput {
  return viewer.canViewInternal ? {} : { isPublic: true };
}

/** The findings ideas can be about, by title and plain description. */
export async function findingChoices(agendaId: string, viewer: IdeaViewer) {
  return db().finding.findMany({
    where: { agendaId, ...findingsVisibleTo(viewer) },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true, description: true },
  });
}

export type IdeaOutcome =
  | { ok: true; id: string; published: boolean }
  | { ok: false; field: "findings"; error: "findingForeign" }
  | { ok: false; limitedMinutes: number };

function originOf(user: CurrentUser, agenda: AgendaResource) {
  const roles = new Set(
    user.assignments
      .filter((a) => can({ ...user, assignments: [a] }, "agenda.view", agenda))
      .map((a) => a.role),
  );
  if (roles.has("gemeente")) return "gemeente" as const;
  if (roles.has("buurtplatform")) return "platform" as const;
  if (roles.has("partner")) return "partner" as const;
  return "resident" as const;
}

export async function proposeIdea(
  user: CurrentUser,
  ip: string,
  agenda: AgendaResource,
  input: IdeaInput,
): Promise<IdeaOutcome> {
  const findingIds = [...new Set(input.findings)];
  const viewer = ideaViewer(user, agenda);
  const found = findingIds.every((id) => isUuid(id))
    ? await db().finding.count({
        where: { id: { in: findingIds }, agendaId: agenda.agendaId, ...findingsVisibleTo(viewer) },
      })
    : -1;
  // A finding of another buurtagenda or one not shown to this person (a forged form): refused.
  if (found !== findingIds.length) return { ok: false, field: "findings", error: "findingForeign" };
  const published = can(user, "idea.moderate", agenda);
  // Staff who may publish ideas type in what a meeting or walk collected, often more than ten at
  // once; the per-address limit still caps a stolen staff account.
  const rules: [string, RateLimitRule][] = [[`idea:ip:${ip}`, RATE_LIMITS.ideasPerIp]];
  if (!published) rules.push([`idea:account:${user.id}`, RATE_LIMITS.ideasPerAccount]);
  const limit = await hitRateLimits(rules);
  if (limit.limited) return { ok: false, limitedMinutes: Math.ceil(limit.retryAfterSeconds / 60) };
  const id = await db().$transaction(async (tx) => {
    const idea = await tx.idea.create({
      data: {
        agendaId: agenda.agendaId,
        title: input.title,
        description: input.description,
        proposerId: user.id,
        origin: originOf(user, agenda),
        status: published ? "published" : "submitted",
        publishedAt: published ? new Date() : null,
        findings: { create: findingIds.map((findingId) => ({ findingId })) },
      },
    });
    await audit(tx, user.id, agenda.agendaId, "idea.proposed", { ideaId: idea.id, published });
    return idea.id;
  });
  return { ok: true, id, published };
}

const LIST_INCLUDE = {
  findings: { select: { finding: { select: { id: true, title: true, isPublic: true } } } },
  judgements: {
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { verdict: true, costEuros: true, createdAt: true },
  },
  _count: { select: { supports: true } },
} satisfies Prisma.IdeaInclude;

/** The ideas one person may see, with support counts and each one's current verdict. */
export async function ideasOf(agenda: AgendaResource, viewer: IdeaViewer) {
  const ideas = await db().idea.findMany({
    where: { agendaId: agenda.agendaId, ...visibleWhere(viewer) },
    orderBy: { createdAt: "asc" },
    include: {
      ...LIST_INCLUDE,
      supports: viewer.userId
        ? { where: { userId: viewer.userId }, select: { userId: true } }
        : false,
    },
  });
  return ideas.map((idea) => ({
    id: idea.id,
    title: idea.title,
    description: idea.description,
    status: idea.status,
    origin: idea.origin,
    isDemo: idea.isDemo,
    own: viewer.userId !== null && idea.proposerId === viewer.userId,
    createdAt: idea.createdAt,
    findings: shownFindings(idea.findings, viewer),
    supportCount: idea._count.supports,
    supportedByViewer: (idea.supports?.length ?? 0) > 0,
    verdict: (idea.judgements[0]?.verdict ?? null) as Verdict | null,
  }));
}

function shownFindings(
  links: { finding: { id: string; title: string; isPublic: boolean } }[],
  viewer: IdeaViewer,
) {
  return links
    .map((l) => l.finding)
    .filter((f) => viewer.canViewInternal || f.isPublic)
    .map(({ id, title }) => ({ id, title }));
}

/** Block 1's budget against the ideas judged "fits" (published ones: merged ones moved on). */
export async function budgetOverview(agendaId: string) {
  const [urgency, ideas] = await Promise.all([
    db().urgency.findUnique({
      where: { agendaId },
      select: { budgetEuros: true, budgetSource: true },
    }),
    db().idea.findMany({
      where: { agendaId, status: "published" },
      select: { judgements: LIST_INCLUDE.judgements },
    }),
  ]);
  return {
    budgetSource: urgency?.budgetSource ?? "",
    ...budgetCheck(
      ideas.map((idea) => ({ current: idea.judgements[0] ?? null })),
      urgency?.budgetEuros ?? null,
    ),
  };
}

export type IdeaPage =
  | { kind: "merged"; intoId: string }
  | { kind: "idea"; idea: NonNullable<Awaited<ReturnType<typeof loadIdea>>> };

async function loadIdea(agenda: AgendaResource, ideaId: string, viewer: IdeaViewer) {
  const idea = await db().idea.findFirst({
    where: { id: ideaId, agendaId: agenda.agendaId },
    include: {
      findings: { select: { finding: { select: { id: true, title: true, isPublic: true } } } },
      judgements: {
        orderBy: { createdAt: "desc" },
        include: {
          instruments: {
            select: {
              instrument: {
                select: {
                  id: true,
                  title: true,
                  kind: true,
                  url: true,
                  startYear: true,
                  endYear: true,
                },
              },
            },
          },
        },
      },
      _count: { select: { supports: true } },
      supports: viewer.userId
        ? { where: { userId: viewer.userId }, select: { userId: true } }
        : false,
    },
  });
  if (!idea) return null;
  const nameOf = viewer.canViewInternal
    ? await accountNames(idea.judgements.map((j) => j.judgedById))
    : new Map<string, string>();
  const judgements = idea.judgements.map((j) => ({
    id: j.id,
    verdict: j.verdict as Verdict,
    reason: j.reason,
    decisionBy: j.decisionBy,
    decisionDue: j.decisionDue,
    costEuros: j.costEuros,
    budgetSource: j.budgetSource,
    createdAt: j.createdAt,
    /** Staff names are for staff; the public reads "the municipality". */
    judgedBy: nameOf.get(j.judgedById) ?? null,
    instruments: j.instruments.map((i) => i.instrument),
  }));
  const current = currentJudgement(judgements);
  return {
    id: idea.id,
    title: idea.title,
    description: idea.description,
    status: idea.status,
    origin: idea.origin,
    rejectionNote: idea.rejectionNote,
    isDemo: idea.isDemo,
    mergedIntoId: idea.mergedIntoId,
    proposerId: idea.proposerId,
    createdAt: idea.createdAt,
    own: viewer.userId !== null && idea.proposerId === viewer.userId,
    findings: shownFindings(idea.findings, viewer),
    supportCount: idea._count.supports,
    supportedByViewer: (idea.supports?.length ?? 0) > 0,
    current,
    /** The whole history for staff; the public sees the current answer only. */
    history: viewer.canViewInternal ? judgements : [],
  };
}

/** One idea as this person may see it; null when it does not exist for them. */
export async function ideaPage(
  agenda: AgendaResource,
  ideaId: string,
  viewer: IdeaViewer,
): Promise<IdeaPage | null> {
  if (!isUuid(ideaId)) return null;
  const idea = await loadIdea(agenda, ideaId, viewer);
  if (!idea) return null;
  if (idea.status === "merged" && idea.mergedIntoId) {
    return { kind: "merged", intoId: idea.mergedIntoId };
  }
  const visible =
    idea.status === "published" ||
    viewer.canModerate ||
    (idea.own && (idea.status === "submitted" || idea.status === "rejected"));
  return visible ? { kind: "idea", idea } : null;
}

export type SupportOutcome = "added" | "already" | "removed" | "not-published" | "limited";

/** One support per account: a second one is refused (the primary key says so too). */
export async function supportIdea(
  userId: string,
  ip: string,
  agenda: AgendaResource,
  ideaId: string,
  support: boolean,
): Promise<SupportOutcome> {
  if (!isUuid(ideaId)) return "not-published";
  const limit = await reactionLimits(userId, ip);
  if (limit.limited) return "limited";
  return db().$transaction(async (tx) => {
    // The share lock waits for a merge of this idea (which locks it for update) and then sees
    // it merged, so no support lands on an idea whose supporters have just moved on.
    const rows = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text AS status FROM idea
      WHERE id = ${ideaId}::uuid AND agenda_id = ${agenda.agendaId}::uuid FOR SHARE`;
    if (rows[0]?.status !== "published") return "not-published" as const;
    if (!support) {
      await tx.ideaSupport.deleteMany({ where: { ideaId, userId } });
      return "removed" as const;
    }
    const added = await tx.$executeRaw`
      INSERT INTO idea_support (idea_id, user_id) VALUES (${ideaId}::uuid, ${userId}::uuid)
      ON CONFLICT DO NOTHING`;
    return added === 1 ? ("added" as const) : ("already" as const);
  });
}

/** The platform publishes or rejects a waiting idea (with a note the proposer reads). */
export async function moderateIdea(
  actorId: string,
  agenda: AgendaResource,
  ideaId: string,
  decision: { publish: true } | { publish: false; note: string },
): Promise<boolean> {
  if (!isUuid(ideaId)) return false;
  return db().$transaction(async (tx) => {
    const changed = await tx.idea.updateMany({
      where: { id: ideaId, agendaId: agenda.agendaId, status: "submitted" },
      data: decision.publish
        ? { status: "published", publishedAt: new Date() }
        : { status: "rejected", rejectionNote: decision.note },
    });
    if (changed.count === 0) return false;
    await audit(
      tx,
      actorId,
      agenda.agendaId,
      decision.publish ? "idea.published" : "idea.rejected",
      {
        ideaId,
      },
    );
    return true;
  });
}

export type MergeOutcome = { ok: true; supportersMoved: number } | { ok: false; error: string };

/**
 * Merges a duplicate into another idea of the same agenda: its supporters (and its proposer)
 * support the idea it joins, its findings are added, and its URL leads there. One transaction.
 */
export async function mergeIdea(
  actorId: string,
  agenda: AgendaResource,
  duplicateId: string,
  intoId: string,
): Promise<MergeOutcome> {
  if (!isUuid(intoId) || !isUuid(duplicateId) || duplicateId === intoId) {
    return { ok: false, error: "mergeTargetInvalid" };
  }
  return db().$transaction(async (tx) => {
    // Locked in a fixed order, so two merges of the same pair cannot deadlock or cross.
    const rows = await tx.$queryRaw<{ id: string; status: string; proposer_id: string | null }[]>`
      SELECT id, status::text AS status, proposer_id FROM idea
      WHERE id IN (${duplicateId}::uuid, ${intoId}::uuid) AND agenda_id = ${agenda.agendaId}::uuid
      ORDER BY id FOR UPDATE`;
    const duplicate = rows.find((r) => r.id === duplicateId);
    const into = rows.find((r) => r.id === intoId);
    if (!duplicate || !into) return { ok: false, error: "mergeTargetInvalid" };
    if (into.status !== "published" || !["published", "submitted"].includes(duplicate.status)) {
      return { ok: false, error: "mergeTargetInvalid" };
    }
    const moved = await tx.$executeRaw`
      INSERT INTO idea_support (idea_id, user_id, created_at)
      SELECT ${intoId}::uuid, user_id, created_at FROM idea_support
        WHERE idea_id = ${duplicateId}::uuid AND user_id IS DISTINCT FROM ${into.proposer_id}::uuid
      UNION ALL
      SELECT ${intoId}::uuid, proposer_id, now() FROM idea
        WHERE id = ${duplicateId}::uuid AND proposer_id IS NOT NULL
          AND proposer_id IS DISTINCT FROM ${into.proposer_id}::uuid
      ON CONFLICT DO NOTHING`;
    await tx.$executeRaw`
      INSERT INTO idea_finding (idea_id, finding_id)
      SELECT ${intoId}::uuid, finding_id FROM idea_finding WHERE idea_id = ${duplicateId}::uuid
      ON CONFLICT DO NOTHING`;
    await tx.ideaSupport.deleteMany({ where: { ideaId: duplicateId } });
    await tx.idea.update({
      where: { id: duplicateId },
      data: { status: "merged", mergedIntoId: intoId },
    });
    await audit(tx, actorId, agenda.agendaId, "idea.merged", {
      ideaId: duplicateId,
      intoId,
      supportersMoved: moved,
    });
    return { ok: true, supportersMoved: moved };
  });
}

/** Other ideas of the agenda a duplicate can be merged into. */
export async function mergeTargets(agendaId: string, ideaId: string) {
  return db().idea.findMany({
    where: { agendaId, status: "published", id: { not: ideaId } },
    orderBy: { createdAt: "asc" },
    select: { id: true, title: true },
  });
}

export type JudgeOutcome =
  | { ok: true; id: string }
  | { ok: false; field: "instruments"; error: "instrumentForeign" }
  | { ok: false; field: "verdict"; error: "ideaNotJudgeable" };

/**
 * Staff judge a published idea. A new row each time (the history stays); the proposer and the
 * supporters are mailed through the queue, from the same transaction.
 */
export async function judgeIdea(
  actorId: string,
  agenda: AgendaResource,
  ideaId: string,
  input: JudgementInput,
): Promise<JudgeOutcome> {
  if (!isUuid(ideaId)) return { ok: false, field: "verdict", error: "ideaNotJudgeable" };
  const instrumentIds = [...new Set(input.instruments)];
  const known = instrumentIds.every((id) => isUuid(id))
    ? await db().policyInstrument.count({
        where: { id: { in: instrumentIds }, gemeenteCode: agenda.gemeenteCode },
      })
    : -1;
  if (known !== instrumentIds.length) {
    return { ok: false, field: "instruments", error: "instrumentForeign" };
  }
  return db().$transaction(async (tx) => {
    // Locked like a support: a merge running now finishes first, and then this idea is merged.
    const rows = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text AS status FROM idea
      WHERE id = ${ideaId}::uuid AND agenda_id = ${agenda.agendaId}::uuid FOR SHARE`;
    if (rows[0]?.status !== "published")
      return { ok: false, field: "verdict", error: "ideaNotJudgeable" } as const;
    const judgement = await tx.feasibilityJudgement.create({
      data: {
        ideaId,
        verdict: input.verdict,
        reason: input.reason,
        decisionBy: input.verdict === "needs_decision" ? input.decisionBy : "",
        decisionDue:
          input.verdict === "needs_decision" && input.decisionDue
            ? new Date(`${input.decisionDue}T00:00:00Z`)
            : null,
        costEuros: input.cost,
        budgetSource: input.budgetSource,
        judgedById: actorId,
        instruments: { create: instrumentIds.map((instrumentId) => ({ instrumentId })) },
      },
    });
    await audit(tx, actorId, agenda.agendaId, "idea.judged", {
      ideaId,
      judgementId: judgement.id,
      verdict: input.verdict,
    });
    await enqueueInTransaction(tx, QUEUES.ideaJudged, { judgementId: judgement.id });
    return { ok: true, id: judgement.id } as const;
  });
}

/** What a person proposed and supported: part of their data download. */
export async function personalIdeaData(userId: string) {
  const [ideas, supports] = await Promise.all([
    db().idea.findMany({
      where: { proposerId: userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        agendaId: true,
        title: true,
        description: true,
        status: true,
        rejectionNote: true,
        createdAt: true,
      },
    }),
    db().ideaSupport.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: { ideaId: true, createdAt: true },
    }),
  ]);
  return { ideas, ideaSupports: supports };
}

/**
 * Account deletion (decision 0013). Ideas that never went public go (waiting, rejected, merged
 * while waiting). Public ones follow the person's choice for their stories: "keep" keeps them
 * without a name; "delete" deletes them unless they carry other people's work (supporters,
 * the gemeente's judgements, ideas merged into them): those are kept without a name too.
 * Supports go with the account.
 */
export async function eraseIdeaDataOf(
  tx: Db,
  userId: string,
  publishedIdeas: "delete" | "keep",
): Promise<{ ideasKept: number; ideasDeleted: number }> {
  const neverPublic: Prisma.IdeaWhereInput = {
    OR: [{ status: { in: ["submitted", "rejected"] } }, { status: "merged", publishedAt: null }],
  };
  const othersWork: Prisma.IdeaWhereInput = {
    OR: [
      { supports: { some: { userId: { not: userId } } } },
      { judgements: { some: {} } },
      { mergedFrom: { some: {} } },
    ],
  };
  const deleted = await tx.idea.deleteMany({
    where: {
      proposerId: userId,
      ...(publishedIdeas === "keep" ? neverPublic : { OR: [neverPublic, { NOT: othersWork }] }),
    },
  });
  const kept = await tx.idea.updateMany({
    where: { proposerId: userId },
    data: { proposerId: null },
  });
  await tx.ideaSupport.deleteMany({ where: { userId } });
  return { ideasKept: kept.count, ideasDeleted: deleted.count };
}

async function audit(
  tx: Db,
  actorId: string,
  agendaId: string,
  action: string,
  details: Prisma.InputJsonObject,
) {
  await recordAuditEvent(tx, {
    actorId,
    action,
    subjectType: SUBJECT,
    subjectId: agendaId,
    details,
  });
}
