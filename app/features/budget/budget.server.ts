import { createHmac } from "node:crypto";
import { recordAuditEvent } from "../../shared/audit.server";
import { db, type Db } from "../../shared/db.server";
import { env } from "../../shared/env.server";
import { dutchToday } from "../../shared/validation";
import type { AgendaResource } from "../agenda/agenda.server";
import { newestValues } from "../scan/buurtscan.server";
import type { DeviationInput, OpenRoundInput } from "./budget.schema";
import {
  checkBallot,
  recountDifferences,
  tally,
  turnoutPerBuurt,
  type BudgetMethod,
} from "./tally";
import { isUuid } from "../../shared/uuid";

// Neighbourhood budget rounds (digitale wijkbegroting, issue 9): staff open a round with ideas
// judged "fits", residents of the area vote once (changeable until it closes), staff close it and
// the documented rule of tally.ts chooses; the chosen ideas become draft agreements. Who voted and
// what was voted are stored apart (decision 0022). The only code that writes the budget tables.

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Outside production only: demo and test ballots are sealed with a key everyone can read. */
const DEVELOPMENT_BALLOT_SECRET = "buurtagenda-development-ballot-secret-not-for-production";

/** Who cast a ballot, sealed: the same account gives the same seal in one round, nothing more. */
function sealVoter(roundId: string, userId: string): string {
  const secret = env().BALLOT_SECRET ?? DEVELOPMENT_BALLOT_SECRET;
  return createHmac("sha256", secret).update(`${roundId}:${userId}`).digest("base64url");
}

export type RoundPhase = "upcoming" | "open" | "ended" | "closed";

export function roundPhase(
  round: { opensOn: Date; closesOn: Date; closedAt: Date | null },
  today = dutchToday(),
): RoundPhase {
  if (round.closedAt) return "closed";
  if (today < iso(round.opensOn)) return "upcoming";
  if (today > iso(round.closesOn)) return "ended";
  return "open";
}

/** The rounds of a buurtagenda, newest first. */
export async function roundsOf(agendaId: string) {
  const rounds = await db().budgetRound.findMany({
    where: { agendaId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      amountEuros: true,
      method: true,
      opensOn: true,
      closesOn: true,
      closedAt: true,
      _count: { select: { ideas: true, voters: true } },
    },
  });
  return rounds.map(({ _count, ...round }) => ({
    ...round,
    phase: roundPhase(round),
    ideaCount: _count.ideas,
    voterCount: _count.voters,
  }));
}

/** Published ideas whose current judgement is "fits" with a cost: what a round can offer. */
export async function fittingIdeas(agendaId: string) {
  const ideas = await db().idea.findMany({
    where: { agendaId, status: "published" },
    orderBy: { title: "asc" },
    select: {
      id: true,
      title: true,
      judgements: {
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { verdict: true, costEuros: true },
      },
    },
  });
  return ideas.flatMap((idea) => {
    const current = idea.judgements[0];
    return current?.verdict === "fits" && current.costEuros !== null
      ? [{ id: idea.id, title: idea.title, costEuros: current.costEuros }]
      : [];
  });
}

/** Block 1's budget, and how much of it earlier rounds of this agenda already hand out. */
export async function budgetRoom(agendaId: string) {
  const [urgency, rounds] = await Promise.all([
    db().urgency.findUnique({ where: { agendaId }, select: { budgetEuros: true } }),
    db().budgetRound.aggregate({ where: { agendaId }, _sum: { amountEuros: true } }),
  ]);
  const budgetEuros = urgency?.budgetEuros ?? null;
  const inRounds = rounds._sum.amountEuros ?? 0;
  return { budgetEuros, inRounds, freeEuros: budgetEuros === null ? null : budgetEuros - inRounds };
}

export type OpenOutcome =
  | { ok: true; id: string }
  | {
      ok: false;
      field: "amount" | "ideas" | "opensOn";
      error: "noBudget" | "amountOverBudget" | "ideaForeign" | "opensInPast";
    };

export async function openRound(
  actorId: string,
  agenda: AgendaResource,
  input: OpenRoundInput,
): Promise<OpenOutcome> {
  const ideaIds = [...new Set(input.ideas)];
  if (!ideaIds.every((id) => isUuid(id))) {
    return { ok: false, field: "ideas", error: "ideaForeign" };
  }
  if (input.opensOn < dutchToday()) return { ok: false, field: "opensOn", error: "opensInPast" };
  const [room, fitting] = await Promise.all([
    budgetRoom(agenda.agendaId),
    fittingIdeas(agenda.agendaId),
  ]);
  if (room.freeEuros === null) return { ok: false, field: "amount", error: "noBudget" };
  if (input.amount! > room.freeEuros) {
    return { ok: false, field: "amount", error: "amountOverBudget" };
  }
  const offered = new Map(fitting.map((idea) => [idea.id, idea]));
  // An idea of another agenda, not published or not judged "fits" (a forged form) is refused.
  if (ideaIds.some((id) => !offered.has(id))) {
    return { ok: false, field: "ideas", error: "ideaForeign" };
  }
  return db().$transaction(async (tx) => {
    const round = await tx.budgetRound.create({
      data: {
        agendaId: agenda.agendaId,
        title: input.title,
        amountEuros: input.amount!,
        method: input.method,
        opensOn: day(input.opensOn),
        closesOn: day(input.closesOn),
        openedById: actorId,
        ideas: {
          create: ideaIds.map((id) => ({
            ideaId: id,
            title: offered.get(id)!.title,
            costEuros: offered.get(id)!.costEuros,
          })),
        },
      },
    });
    await recordAuditEvent(tx, {
      actorId,
      action: "budget.round-opened",
      subjectType: "buurtagenda",
      subjectId: agenda.agendaId,
      details: { roundId: round.id, amountEuros: input.amount, ideas: ideaIds.length },
    });
    return { ok: true, id: round.id } as const;
  });
}

async function loadRound(tx: Db, agendaId: string, roundId: string) {
  if (!isUuid(roundId)) return null;
  return tx.budgetRound.findFirst({
    where: { id: roundId, agendaId },
    include: { ideas: { orderBy: { title: "asc" } } },
  });
}

const ballotIdeas = (round: { ideas: { ideaId: string; title: string; costEuros: number }[] }) =>
  round.ideas.map(({ ideaId, title, costEuros }) => ({ ideaId, title, costEuros }));

/**
 * Everything the round page shows; `userId` adds the person's own ballot and buurt, `forStaff`
 * the agenda's parties (owners for the draft agreements), which only the close form needs.
 */
export async function roundPage(
  agenda: AgendaResource,
  roundId: string,
  userId: string | null,
  forStaff: boolean,
) {
  const round = await loadRound(db(), agenda.agendaId, roundId);
  if (!round) return null;
  const phase = roundPhase(round);
  const [buurten, inhabitants, me, results, turnout, deviations, parties] = await Promise.all([
    db().buurt.findMany({
      where: { code: { in: agenda.buurtCodes } },
      select: { code: true, name: true },
      orderBy: { name: "asc" },
    }),
    newestValues(db(), ["cbs_aantal_inwoners"], agenda.buurtCodes, agenda.buurtCodes),
    userId ? voterState(round.id, userId) : null,
    phase === "closed"
      ? db().budgetResult.findMany({ where: { roundId: round.id }, orderBy: { rank: "asc" } })
      : [],
    turnoutOf(round.id, phase === "closed"),
    // Public: what was decided and why, not which staff member recorded it.
    db().budgetDeviation.findMany({
      where: { roundId: round.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, ideaId: true, include: true, reason: true, createdAt: true },
    }),
    forStaff
      ? db().agendaParty.findMany({
          where: { agendaId: agenda.agendaId },
          select: { id: true, organisation: { select: { name: true, kind: true } } },
          orderBy: { organisation: { name: "asc" } },
        })
      : [],
  ]);
  const inhabitantsOf = new Map(inhabitants.map((v) => [v.areaCode, v.value]));
  const votersOf = new Map(turnout.map((t) => [t.buurtCode, t.voters]));
  return {
    round: {
      id: round.id,
      title: round.title,
      amountEuros: round.amountEuros,
      method: round.method as BudgetMethod,
      opensOn: iso(round.opensOn),
      closesOn: iso(round.closesOn),
      phase,
    },
    ideas: ballotIdeas(round),
    buurten,
    me,
    results,
    turnout: buurten.map((b) => ({
      buurtCode: b.code,
      name: b.name,
      voters: votersOf.get(b.code) ?? 0,
      inhabitants: inhabitantsOf.get(b.code) ?? null,
    })),
    deviations,
    parties: parties.map((p) => ({
      id: p.id,
      name: p.organisation.name,
      kind: p.organisation.kind,
    })),
  };
}

/** Voters per buurt: frozen once the round is closed, counted live before. */
async function turnoutOf(roundId: string, closed: boolean) {
  if (closed) return db().budgetTurnout.findMany({ where: { roundId } });
  const groups = await db().budgetVoter.groupBy({
    by: ["buurtCode"],
    where: { roundId },
    _count: { _all: true },
  });
  return groups.map((g) => ({ buurtCode: g.buurtCode, voters: g._count._all }));
}

/** The person's buurt, and their current ballot in this round (found through the seal). */
async function voterState(roundId: string, userId: string) {
  const [user, voted, ballot] = await Promise.all([
    db().user.findUnique({ where: { id: userId }, select: { homeBuurtCode: true } }),
    db().budgetVoter.findUnique({ where: { roundId_userId: { roundId, userId } } }),
    db().budgetBallot.findUnique({
      where: { sealedVoter: sealVoter(roundId, userId) },
      select: { choices: { select: { ideaId: true } } },
    }),
  ]);
  return {
    homeBuurtCode: user?.homeBuurtCode ?? null,
    hasVoted: voted !== null,
    choices: ballot?.choices.map((c) => c.ideaId) ?? [],
  };
}

/** The buurt a person says they live in; any buurt of the territory, or none. */
export async function declareHomeBuurt(userId: string, buurtCode: string | null) {
  if (buurtCode !== null) {
    const exists = await db().buurt.count({ where: { code: buurtCode } });
    if (exists === 0) return false;
  }
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { homeBuurtCode: buurtCode } });
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "account.home-buurt",
      subjectType: "user",
      subjectId: userId,
      details: { buurtCode },
    });
  });
  return true;
}

export type BallotOutcome =
  | { ok: true; changed: boolean }
  | {
      ok: false;
      error:
        | "roundNotOpen"
        | "roundClosed"
        | "noHomeBuurt"
        | "outsideArea"
        | "ballotEmpty"
        | "ballotUnknownIdea"
        | "ballotOverBudget";
    };

/**
 * Casts or replaces the person's ballot. The round row is locked for share, so closing (which
 * locks it for update) counts either before this ballot or after it, never halfway.
 */
export async function castBallot(
  userId: string,
  agenda: AgendaResource,
  roundId: string,
  choices: string[],
): Promise<BallotOutcome | null> {
  if (!isUuid(roundId)) return null;
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM budget_round WHERE id = ${roundId}::uuid FOR SHARE`;
    const round = await loadRound(tx, agenda.agendaId, roundId);
    if (!round) return null;
    const phase = roundPhase(round);
    if (phase === "upcoming") return { ok: false, error: "roundNotOpen" } as const;
    if (phase !== "open") return { ok: false, error: "roundClosed" } as const;
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { homeBuurtCode: true },
    });
    if (!user?.homeBuurtCode) return { ok: false, error: "noHomeBuurt" } as const;
    if (!agenda.buurtCodes.includes(user.homeBuurtCode)) {
      return { ok: false, error: "outsideArea" } as const;
    }
    const check = checkBallot(round.method, round.amountEuros, ballotIdeas(round), choices);
    if (!check.ok) return check;
    const sealedVoter = sealVoter(round.id, userId);
    const previous = await tx.budgetBallot.deleteMany({ where: { sealedVoter } });
    await tx.budgetBallot.create({
      data: {
        roundId: round.id,
        sealedVoter,
        choices: { create: check.choices.map((ideaId) => ({ ideaId })) },
      },
    });
    await tx.budgetVoter.upsert({
      where: { roundId_userId: { roundId: round.id, userId } },
      create: { roundId: round.id, userId, buurtCode: user.homeBuurtCode },
      update: { buurtCode: user.homeBuurtCode },
    });
    // The audit says that someone voted, never what.
    await recordAuditEvent(tx, {
      actorId: userId,
      action: previous.count ? "budget.ballot-changed" : "budget.ballot-cast",
      subjectType: "buurtagenda",
      subjectId: agenda.agendaId,
      details: { roundId: round.id },
    });
    return { ok: true, changed: previous.count > 0 } as const;
  });
}

async function storedBallots(tx: Db, roundId: string): Promise<string[][]> {
  const ballots = await tx.budgetBallot.findMany({
    where: { roundId },
    select: { choices: { select: { ideaId: true } } },
  });
  return ballots.map((b) => b.choices.map((c) => c.ideaId));
}

/** "3 stemmen", "1 stem": how an agreement's description says where it came from. */
const votesText = (votes: number) => `${votes} ${votes === 1 ? "stem" : "stemmen"}`;

/** Due date of a draft agreement: the end of the buurtagenda, or today when that has passed. */
async function draftDueOn(tx: Db, agendaId: string) {
  const { endsOn } = await tx.buurtagenda.findUniqueOrThrow({
    where: { id: agendaId },
    select: { endsOn: true },
  });
  const today = dutchToday();
  return iso(endsOn) < today ? day(today) : endsOn;
}

async function draftAgreement(
  tx: Db,
  actorId: string,
  agendaId: string,
  draft: { ownerPartyId: string; dueOn: Date; roundTitle: string; description: string },
  idea: { ideaId: string; title: string; costEuros: number },
) {
  const agreement = await tx.agreement.create({
    data: {
      agendaId,
      title: idea.title,
      description: draft.description,
      ownerPartyId: draft.ownerPartyId,
      startsOn: day(dutchToday()),
      dueOn: draft.dueOn,
      costEuros: idea.costEuros,
      budgetSource: `Wijkbegroting: ${draft.roundTitle}`,
      status: "planned",
      createdById: actorId,
      ideas: { create: { ideaId: idea.ideaId } },
    },
  });
  await recordAuditEvent(tx, {
    actorId,
    action: "agreement.added",
    subjectType: "buurtagenda",
    subjectId: agendaId,
    details: { agreementId: agreement.id, budgetIdea: idea.ideaId },
  });
  return agreement.id;
}

export type CloseOutcome =
  | { ok: true; chosen: number }
  | { ok: false; error: "alreadyClosed" | "notStarted" | "ownerRequired" };

/**
 * Counts the stored ballots by the rule of tally.ts, freezes result and turnout, and makes a draft
 * agreement (owned by `ownerPartyId`) of each chosen idea: one transaction, so a crash halfway
 * leaves the round open and nothing counted.
 */
export async function closeRound(
  actorId: string,
  agenda: AgendaResource,
  roundId: string,
  ownerPartyId: string,
): Promise<CloseOutcome | null> {
  if (!isUuid(roundId)) return null;
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM budget_round WHERE id = ${roundId}::uuid FOR UPDATE`;
    const round = await loadRound(tx, agenda.agendaId, roundId);
    if (!round) return null;
    const phase = roundPhase(round);
    if (phase === "closed") return { ok: false, error: "alreadyClosed" } as const;
    if (phase === "upcoming") return { ok: false, error: "notStarted" } as const;
    const owner = isUuid(ownerPartyId)
      ? await tx.agendaParty.count({ where: { id: ownerPartyId, agendaId: agenda.agendaId } })
      : 0;
    if (owner !== 1) return { ok: false, error: "ownerRequired" } as const;
    const ideas = ballotIdeas(round);
    const rows = tally(round.amountEuros, ideas, await storedBallots(tx, round.id));
    const voters = await tx.budgetVoter.findMany({
      where: { roundId: round.id },
      select: { buurtCode: true },
    });
    const byId = new Map(ideas.map((i) => [i.ideaId, i]));
    const agreementOf = new Map<string, string>();
    const dueOn = await draftDueOn(tx, agenda.agendaId);
    for (const row of rows.filter((r) => r.chosen)) {
      agreementOf.set(
        row.ideaId,
        await draftAgreement(
          tx,
          actorId,
          agenda.agendaId,
          {
            ownerPartyId,
            dueOn,
            roundTitle: round.title,
            description: `Gekozen in de wijkbegroting "${round.title}" met ${votesText(row.votes)}.`,
          },
          byId.get(row.ideaId)!,
        ),
      );
    }
    await tx.budgetResult.createMany({
      data: rows.map((r) => ({
        roundId: round.id,
        ideaId: r.ideaId,
        votes: r.votes,
        rank: r.rank,
        chosen: r.chosen,
        outcome: r.outcome,
        tiedWith: r.tiedWith,
        agreementId: agreementOf.get(r.ideaId) ?? null,
      })),
    });
    await tx.budgetTurnout.createMany({
      data: turnoutPerBuurt(
        agenda.buurtCodes,
        voters.map((v) => v.buurtCode),
      ).map((t) => ({ roundId: round.id, ...t })),
    });
    await tx.budgetRound.update({
      where: { id: round.id },
      data: { closedAt: new Date(), closedById: actorId, ownerPartyId },
    });
    await recordAuditEvent(tx, {
      actorId,
      action: "budget.round-closed",
      subjectType: "buurtagenda",
      subjectId: agenda.agendaId,
      details: { roundId: round.id, ballots: voters.length, chosen: agreementOf.size },
    });
    return { ok: true, chosen: agreementOf.size } as const;
  });
}

/**
 * Counts the stored ballots again, apart from anything the close wrote, and compares: the
 * published result must equal the recount (npm run budget:recount).
 */
export async function recountRound(roundId: string, agendaId?: string) {
  if (!isUuid(roundId)) return null;
  // The command knows only the round; the page also holds it to the agenda in its address.
  const round = await db().budgetRound.findFirst({
    where: { id: roundId, ...(agendaId ? { agendaId } : {}) },
    include: { ideas: true, results: { orderBy: { rank: "asc" } } },
  });
  if (!round) return null;
  const rows = tally(round.amountEuros, ballotIdeas(round), await storedBallots(db(), round.id));
  return {
    round: { id: round.id, title: round.title, closed: round.closedAt !== null },
    titles: new Map(round.ideas.map((i) => [i.ideaId, i.title])),
    recount: rows,
    stored: round.results,
    differences: round.closedAt ? recountDifferences(round.results, rows) : [],
  };
}

/**
 * A recount asked for on the round page: the same comparison as the command, kept in the audit
 * trail so the gemeente and the council can see who checked the count and what it showed.
 */
export async function checkRound(actorId: string, agenda: AgendaResource, roundId: string) {
  const recount = await recountRound(roundId, agenda.agendaId);
  if (!recount?.round.closed) return null;
  const matches = recount.differences.length === 0;
  await recordAuditEvent(db(), {
    actorId,
    action: "budget.recounted",
    subjectType: "buurtagenda",
    subjectId: agenda.agendaId,
    details: { roundId, matches, differences: recount.differences },
  });
  return { matches };
}

export type DeviationOutcome =
  | { ok: true }
  | { ok: false; field: "idea" | "include"; error: "ideaForeign" | "deviationPointless" };

/**
 * Staff doing otherwise than the result: carry out an idea that was not chosen (a new draft
 * agreement) or not carry out one that was (its draft agreement is dropped, with the reason as
 * its progress note). The reason is public on the round page.
 */
export async function deviateFromResult(
  actorId: string,
  agenda: AgendaResource,
  roundId: string,
  input: DeviationInput,
): Promise<DeviationOutcome | null> {
  if (!isUuid(roundId)) return null;
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM budget_round WHERE id = ${roundId}::uuid FOR UPDATE`;
    const round = await loadRound(tx, agenda.agendaId, roundId);
    if (!round?.closedAt || !round.ownerPartyId) return null;
    const idea = isUuid(input.idea) ? round.ideas.find((i) => i.ideaId === input.idea) : null;
    if (!idea) return { ok: false, field: "idea", error: "ideaForeign" } as const;
    const result = await tx.budgetResult.findUniqueOrThrow({
      where: { roundId_ideaId: { roundId: round.id, ideaId: idea.ideaId } },
    });
    const previous = await tx.budgetDeviation.findFirst({
      where: { roundId: round.id, ideaId: idea.ideaId },
      orderBy: { createdAt: "desc" },
    });
    const carriedOut = previous ? previous.include : result.chosen;
    if (carriedOut === input.include) {
      return { ok: false, field: "include", error: "deviationPointless" } as const;
    }
    if (input.include) {
      const agreementId = result.agreementId
        ? result.agreementId
        : await draftAgreement(
            tx,
            actorId,
            agenda.agendaId,
            {
              ownerPartyId: round.ownerPartyId,
              dueOn: await draftDueOn(tx, agenda.agendaId),
              roundTitle: round.title,
              description: `Niet gekozen in de wijkbegroting "${round.title}" (${votesText(result.votes)}), toch uitgevoerd: ${input.reason}`,
            },
            idea,
          );
      if (!result.agreementId) {
        await tx.budgetResult.update({
          where: { roundId_ideaId: { roundId: round.id, ideaId: idea.ideaId } },
          data: { agreementId },
        });
      } else {
        await reportAgreement(tx, actorId, agreementId, "planned", input.reason);
      }
    } else if (result.agreementId) {
      await reportAgreement(tx, actorId, result.agreementId, "dropped", input.reason);
    }
    await tx.budgetDeviation.create({
      data: {
        roundId: round.id,
        ideaId: idea.ideaId,
        include: input.include,
        reason: input.reason,
        byId: actorId,
      },
    });
    await recordAuditEvent(tx, {
      actorId,
      action: "budget.deviation",
      subjectType: "buurtagenda",
      subjectId: agenda.agendaId,
      details: { roundId: round.id, ideaId: idea.ideaId, include: input.include },
    });
    return { ok: true } as const;
  });
}

/** A progress note that sets the agreement's status, as the owner's reports do. */
async function reportAgreement(
  tx: Db,
  actorId: string,
  agreementId: string,
  status: "planned" | "dropped",
  note: string,
) {
  await tx.agreementUpdate.create({
    data: { agreementId, status, note, happenedOn: day(dutchToday()), authorId: actorId },
  });
  await tx.agreement.update({ where: { id: agreementId }, data: { status } });
}

/** For the privacy export: the rounds the person voted in (never what: that is not linked). */
export async function budgetRoundsVotedIn(userId: string) {
  const votes = await db().budgetVoter.findMany({
    where: { userId },
    orderBy: { firstCastAt: "asc" },
    select: { buurtCode: true, firstCastAt: true, round: { select: { id: true, title: true } } },
  });
  return votes.map((v) => ({
    roundId: v.round.id,
    title: v.round.title,
    buurtCode: v.buurtCode,
    firstVotedAt: v.firstCastAt,
  }));
}
