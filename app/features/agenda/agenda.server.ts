import { recordAuditEvent } from "../../shared/audit.server";
import { db, type Db } from "../../shared/db.server";
import type { Resource } from "../auth/permissions";
import type { AgendaProgressState } from "./blocks";
import type { StartAgendaInput } from "./agenda.schema";
import { isUuid } from "../../shared/uuid";

// The buurtagenda, its area and the seven blocks; block 1 (urgency). The only code that touches
// these tables. Every command writes in one transaction with its audit event.

const SUBJECT = "buurtagenda";

export type AgendaResource = Extract<Resource, { kind: "buurtagenda" }> & { gemeenteCode: string };

/** What `can()` needs to know about an agenda; null when it does not exist. */
export async function getAgendaResource(agendaId: string): Promise<AgendaResource | null> {
  if (!isUuid(agendaId)) return null;
  const agenda = await db().buurtagenda.findUnique({
    where: { id: agendaId },
    select: { id: true, gemeenteCode: true, buurten: { select: { buurtCode: true } } },
  });
  if (!agenda) return null;
  return {
    kind: "buurtagenda",
    agendaId: agenda.id,
    gemeenteCode: agenda.gemeenteCode,
    buurtCodes: agenda.buurten.map((b) => b.buurtCode),
  };
}

export type AreaCheck =
  | { status: "ok"; gemeenteCode: string; year: number }
  | { status: "unknown-buurt" | "two-gemeenten" };

/**
 * The buurten of one agenda must exist in one CBS year and lie in one gemeente. Takes the newest
 * year in which all of them exist.
 */
export async function checkArea(buurtCodes: string[]): Promise<AreaCheck> {
  const codes = [...new Set(buurtCodes)];
  const rows = await db().buurt.findMany({
    where: { code: { in: codes } },
    select: { code: true, year: true, gemeenteCode: true },
    orderBy: { year: "desc" },
  });
  const byYear = new Map<number, typeof rows>();
  for (const row of rows) byYear.set(row.year, [...(byYear.get(row.year) ?? []), row]);
  const complete = [...byYear.entries()].find(([, inYear]) => inYear.length === codes.length);
  if (!complete) return { status: "unknown-buurt" };
  const [year, inYear] = complete;
  const gemeenten = new Set(inYear.map((b) => b.gemeenteCode));
  if (gemeenten.size !== 1) return { status: "two-gemeenten" };
  return { status: "ok", gemeenteCode: [...gemeenten][0]!, year };
}

export async function startAgenda(
  actorId: string,
  input: StartAgendaInput,
  area: { gemeenteCode: string; year: number },
): Promise<string> {
  return db().$transaction(async (tx) => {
    const agenda = await tx.buurtagenda.create({
      data: {
        gemeenteCode: area.gemeenteCode,
        territoryYear: area.year,
        title: input.title,
        publicDescription: input.publicDescription,
        startsOn: new Date(`${input.startsOn}T00:00:00Z`),
        endsOn: new Date(`${input.endsOn}T00:00:00Z`),
        createdById: actorId,
        buurten: {
          create: [...new Set(input.buurtCodes)].map((buurtCode) => ({
            buurtCode,
            year: area.year,
          })),
        },
        blocks: { create: [1, 2, 3, 4, 5, 6, 7].map((block) => ({ block })) },
        urgency: { create: {} },
      },
    });
    await audit(tx, actorId, agenda.id, "agenda.started", {
      title: input.title,
      buurten: input.buurtCodes,
    });
    return agenda.id;
  });
}

export function audit(tx: Db, actorId: string, agendaId: string, action: string, details = {}) {
  return recordAuditEvent(tx, {
    actorId,
    action,
    subjectType: SUBJECT,
    subjectId: agendaId,
    details,
  });
}

export async function listAgendasOfGemeente(gemeenteCode: string) {
  return db().buurtagenda.findMany({
    where: { gemeenteCode },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, startsOn: true, endsOn: true },
  });
}

export async function getPublicAgenda(agendaId: string) {
  return db().buurtagenda.findUnique({
    where: { id: agendaId },
    select: {
      id: true,
      title: true,
      publicDescription: true,
      startsOn: true,
      endsOn: true,
      gemeenteCode: true,
      buurten: { select: { buurt: { select: { code: true, name: true, geometry: true } } } },
    },
  });
}

export async function getAgendaOverview(agendaId: string) {
  const agenda = await db().buurtagenda.findUniqueOrThrow({
    where: { id: agendaId },
    include: {
      buurten: { select: { buurt: { select: { code: true, name: true } } } },
      blocks: {
        orderBy: { block: "asc" },
        include: {
          owner: { select: { id: true, displayName: true, email: true } },
          doneBy: { select: { id: true, displayName: true, email: true } },
        },
      },
      urgency: true,
      support: { select: { level: true } },
      _count: { select: { triggers: true, parties: true } },
    },
  });
  const [
    decidingPartyCount,
    newestScan,
    storyCount,
    findingCount,
    ideas,
    agreementCount,
    document,
    versionCount,
  ] = await Promise.all([
    db().agendaParty.count({ where: { agendaId, participationRole: "decides" } }),
    db().buurtScan.findFirst({
      where: { agendaId },
      orderBy: { number: "desc" },
      select: { frozenAt: true },
    }),
    // Stories in every status but withdrawn, from the counter the triggers keep (decision 0033).
    db()
      .buurtStoryCount.aggregate({
        where: { buurtCode: { in: agenda.buurten.map((b) => b.buurt.code) } },
        _sum: { stories: true },
      })
      .then((counted) => counted._sum.stories ?? 0),
    db().finding.count({ where: { agendaId } }),
    db().idea.findMany({
      where: { agendaId, status: { in: ["published", "submitted"] } },
      select: { status: true, _count: { select: { judgements: true } } },
    }),
    db().agreement.count({ where: { agendaId } }),
    db().agendaDocument.findUnique({ where: { agendaId }, select: { revision: true } }),
    db().agendaVersion.count({ where: { agendaId } }),
  ]);
  const published = ideas.filter((i) => i.status === "published");
  const progress: AgendaProgressState = {
    statement: agenda.urgency?.statement ?? "",
    triggerCount: agenda._count.triggers,
    supportGroupsAssessed: agenda.support.length,
    anySupportInsufficient: agenda.support.some((s) => s.level === "insufficient"),
    decisionRecorded: Boolean(agenda.urgency?.decision),
    budgetEuros: agenda.urgency?.budgetEuros ?? null,
    partyCount: agenda._count.parties,
    decidingPartyCount,
    scan: newestScan ? (newestScan.frozenAt ? "frozen" : "draft") : "none",
    storyCount,
    findingCount,
    ideaCount: published.length,
    unjudgedIdeaCount: published.filter((i) => i._count.judgements === 0).length,
    waitingIdeaCount: ideas.length - published.length,
    agreementCount,
    documentRevision: document?.revision ?? 0,
    versionCount,
  };
  return { agenda, progress };
}

/** People who may own a block: staff and platform members whose role reaches this agenda. */
export async function eligibleOwners(resource: AgendaResource) {
  const wijkCodes = [...new Set(resource.buurtCodes.map((b) => `WK${b.slice(2, 8)}`))];
  const assignments = await db().roleAssignment.findMany({
    where: {
      role: { in: ["gemeente", "buurtplatform"] },
      OR: [
        { scopeType: "buurtagenda", scopeId: resource.agendaId },
        { scopeType: "gemeente", scopeId: resource.gemeenteCode },
        { scopeType: "wijk", scopeId: { in: wijkCodes } },
        { scopeType: "buurt", scopeId: { in: resource.buurtCodes } },
      ],
    },
    select: { user: { select: { id: true, displayName: true, email: true } } },
  });
  const unique = new Map(assignments.map((a) => [a.user.id, a.user]));
  return [...unique.values()].sort((a, b) =>
    (a.displayName ?? a.email).localeCompare(b.displayName ?? b.email, "nl"),
  );
}

type BlockStatusValue = "not_started" | "in_progress" | "done";

export async function setBlockStatus(
  actorId: string,
  agendaId: string,
  block: number,
  status: BlockStatusValue,
) {
  await db().$transaction((tx) => applyBlockStatus(tx, actorId, agendaId, block, status));
}

/** Changes a block's status inside the caller's transaction (e.g. freezing the buurtscan). */
export async function applyBlockStatus(
  tx: Db,
  actorId: string,
  agendaId: string,
  block: number,
  status: BlockStatusValue,
) {
  const current = await tx.buurtagendaBlock.findUniqueOrThrow({
    where: { agendaId_block: { agendaId, block } },
  });
  if (current.status === status) return;
  await tx.buurtagendaBlock.update({
    where: { agendaId_block: { agendaId, block } },
    data: {
      status,
      updatedAt: new Date(),
      // Reopening a block clears who marked it done; the audit trail keeps the history.
      doneById: status === "done" ? actorId : null,
      doneAt: status === "done" ? new Date() : null,
    },
  });
  await audit(tx, actorId, agendaId, "block.status_changed", {
    block,
    from: current.status,
    to: status,
  });
}

export async function setBlockOwner(
  actorId: string,
  agendaId: string,
  block: number,
  ownerId: string | null,
) {
  await db().$transaction(async (tx) => {
    await tx.buurtagendaBlock.update({
      where: { agendaId_block: { agendaId, block } },
      data: { ownerId, updatedAt: new Date() },
    });
    await audit(tx, actorId, agendaId, "block.owner_changed", { block, ownerId });
  });
}

// ─── Block 1: urgency ───────────────────────────────────────────────────────

export async function getUrgency(agendaId: string) {
  return db().buurtagenda.findUniqueOrThrow({
    where: { id: agendaId },
    select: {
      id: true,
      title: true,
      urgency: true,
      triggers: { orderBy: { createdAt: "asc" } },
      support: true,
    },
  });
}

async function updateUrgency(
  actorId: string,
  agendaId: string,
  action: string,
  data: Parameters<Db["urgency"]["update"]>[0]["data"],
  details = {},
) {
  await db().$transaction(async (tx) => {
    await tx.urgency.update({ where: { agendaId }, data: { ...data, updatedAt: new Date() } });
    await audit(tx, actorId, agendaId, action, details);
  });
}

export function saveStatement(actorId: string, agendaId: string, statement: string) {
  return updateUrgency(actorId, agendaId, "urgency.statement_saved", { statement });
}

export function savePreconditions(
  actorId: string,
  agendaId: string,
  input: {
    budget: number | null;
    budgetSource: string;
    legalLimits: string;
    technicalLimits: string;
    notOpenForDiscussion: string;
    capacityHoursPerMonth: number | null;
  },
) {
  const { budget, ...rest } = input;
  return updateUrgency(
    actorId,
    agendaId,
    "urgency.preconditions_saved",
    { budgetEuros: budget, ...rest },
    { budgetEuros: budget, capacityHoursPerMonth: input.capacityHoursPerMonth },
  );
}

export function saveDecision(
  actorId: string,
  agendaId: string,
  input: {
    decision: "continue" | "continue_on_themes" | "stop";
    decisionThemes: string;
    decisionNote: string;
  },
) {
  return updateUrgency(actorId, agendaId, "urgency.decision_recorded", input, {
    decision: input.decision,
  });
}

export async function addTrigger(
  actorId: string,
  agendaId: string,
  input: {
    kind: "focus_area" | "policy_plan" | "professional_signals" | "incident" | "other";
    note: string;
    link?: string;
  },
) {
  await db().$transaction(async (tx) => {
    await tx.urgencyTrigger.create({ data: { agendaId, ...input } });
    await audit(tx, actorId, agendaId, "urgency.trigger_added", { kind: input.kind });
  });
}

export async function removeTrigger(actorId: string, agendaId: string, triggerId: string) {
  await db().$transaction(async (tx) => {
    const { count } = await tx.urgencyTrigger.deleteMany({ where: { id: triggerId, agendaId } });
    if (count) await audit(tx, actorId, agendaId, "urgency.trigger_removed", {});
  });
}

export async function saveSupport(
  actorId: string,
  agendaId: string,
  input: {
    group: "civil_service" | "politics" | "organisations" | "residents";
    level: "insufficient" | "doubtful" | "sufficient" | "strong";
    note: string;
  },
) {
  await db().$transaction(async (tx) => {
    await tx.supportAssessment.upsert({
      where: { agendaId_group: { agendaId, group: input.group } },
      create: { agendaId, ...input },
      update: { level: input.level, note: input.note, updatedAt: new Date() },
    });
    await audit(tx, actorId, agendaId, "urgency.support_assessed", {
      group: input.group,
      level: input.level,
    });
  });
}

// ─── Timeline ───────────────────────────────────────────────────────────────

export async function getTimeline(agendaId: string, limit = 50) {
  const events = await db().auditEvent.findMany({
    where: { subjectType: SUBJECT, subjectId: agendaId },
    orderBy: { id: "desc" },
    take: limit,
  });
  const actorIds = [
    ...new Set(events.map((e) => e.actorId).filter((id): id is string => Boolean(id))),
  ];
  const actors = await db().user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, displayName: true, email: true },
  });
  const nameOf = new Map(actors.map((a) => [a.id, a.displayName ?? a.email]));
  return events.map((e) => ({
    id: e.id.toString(),
    action: e.action,
    details: e.details as Record<string, unknown>,
    at: e.createdAt.toISOString(),
    actor: e.actorId ? (nameOf.get(e.actorId) ?? null) : null,
  }));
}

export async function getAgendaDetails(agendaId: string) {
  const agenda = await db().buurtagenda.findUniqueOrThrow({
    where: { id: agendaId },
    include: { buurten: { select: { buurtCode: true } } },
  });
  return {
    title: agenda.title,
    publicDescription: agenda.publicDescription,
    startsOn: agenda.startsOn.toISOString().slice(0, 10),
    endsOn: agenda.endsOn.toISOString().slice(0, 10),
    buurtCodes: agenda.buurten.map((b) => b.buurtCode),
  };
}

/** Title, description, period and area; the area stays in the agenda's gemeente. */
export async function updateAgendaDetails(
  actorId: string,
  agendaId: string,
  input: StartAgendaInput,
  area: { year: number },
) {
  const codes = [...new Set(input.buurtCodes)];
  await db().$transaction(async (tx) => {
    await tx.buurtagenda.update({
      where: { id: agendaId },
      data: {
        title: input.title,
        publicDescription: input.publicDescription,
        startsOn: new Date(`${input.startsOn}T00:00:00Z`),
        endsOn: new Date(`${input.endsOn}T00:00:00Z`),
        territoryYear: area.year,
      },
    });
    await tx.buurtagendaBuurt.deleteMany({ where: { agendaId } });
    await tx.buurtagendaBuurt.createMany({
      data: codes.map((buurtCode) => ({ agendaId, buurtCode, year: area.year })),
    });
    await audit(tx, actorId, agendaId, "agenda.updated", { title: input.title, buurten: codes });
  });
}
