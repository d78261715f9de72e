import { createHash } from "node:crypto";
import { Prisma } from "../../generated/prisma/client";
import { recordAuditEvent } from "../../shared/audit.server";
import { db, type Db } from "../../shared/db.server";
import { enqueueInTransaction, QUEUES } from "../../shared/queue.server";
import type { AgendaResource } from "../agenda/agenda.server";
import { agendaPartyList } from "../agenda/parties.server";
import { can } from "../auth/permissions";
import type { CurrentUser } from "../auth/session.server";
import { PUBLISHED_STORY } from "../stories/stories.server";
import { buurtNames } from "../territory/territory.server";
import { embeddedIds, type DocNode, type EmbeddedIds } from "./document";

// The agenda document of block 7: the draft with its revision (a stale save is refused, never
// silently lost), the records it embeds, sign-off by the deciding parties on one revision, and
// publishing a numbered, frozen version. The only code that writes these tables.

const SUBJECT = "buurtagenda";

/** What an embedded block shows: the live record while drafting, the frozen one once published. */
export interface EmbedRecords {
  agreements: Record<
    string,
    {
      title: string;
      description: string;
      owner: string;
      startsOn: string;
      dueOn: string;
      costEuros: number | null;
      budgetSource: string;
      status: string;
    }
  >;
  findings: Record<string, { title: string; description: string }>;
  stories: Record<string, { title: string; text: string; buurt: string; tellerName: string }>;
}

export const EMPTY_RECORDS: EmbedRecords = { agreements: {}, findings: {}, stories: {} };

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The records these ids name, among what this agenda may embed: its own agreements and findings,
 * and published stories of its area whose teller allowed quoting. Anything else is left out, so
 * the caller can tell a forged or no longer quotable id.
 */
export async function embedRecords(
  agenda: AgendaResource,
  ids: EmbeddedIds,
  tx: Db = db(),
): Promise<EmbedRecords> {
  const [agreements, findings, stories, names] = await Promise.all([
    ids.agreementEmbed.length
      ? tx.agreement.findMany({
          where: { id: { in: ids.agreementEmbed }, agendaId: agenda.agendaId },
          include: { owner: { select: { organisation: { select: { name: true } } } } },
        })
      : [],
    ids.findingEmbed.length
      ? tx.finding.findMany({
          // The agenda is public: only findings staff made public can be part of it.
          where: { id: { in: ids.findingEmbed }, agendaId: agenda.agendaId, isPublic: true },
          select: { id: true, title: true, description: true },
        })
      : [],
    ids.storyQuote.length
      ? tx.story.findMany({
          where: {
            id: { in: ids.storyQuote },
            buurtCode: { in: agenda.buurtCodes },
            ...PUBLISHED_STORY,
            consentQuote: true,
          },
          select: {
            id: true,
            title: true,
            text: true,
            buurtCode: true,
            showName: true,
            tellerName: true,
          },
        })
      : [],
    buurtNames(agenda.buurtCodes),
  ]);
  return {
    agreements: Object.fromEntries(
      agreements.map((a) => [
        a.id,
        {
          title: a.title,
          description: a.description,
          owner: a.owner.organisation.name,
          startsOn: iso(a.startsOn),
          dueOn: iso(a.dueOn),
          costEuros: a.costEuros,
          budgetSource: a.budgetSource,
          status: a.status,
        },
      ]),
    ),
    findings: Object.fromEntries(
      findings.map((f) => [f.id, { title: f.title, description: f.description }]),
    ),
    stories: Object.fromEntries(
      stories.map((s) => [
        s.id,
        {
          title: s.title,
          text: s.text,
          buurt: names.get(s.buurtCode) ?? s.buurtCode,
          tellerName: s.showName ? s.tellerName : "",
        },
      ]),
    ),
  };
}

/** The embedded ids that are not (or no longer) allowed: what a save or a publish refuses. */
function missingEmbeds(ids: EmbeddedIds, records: EmbedRecords) {
  return {
    agreements: ids.agreementEmbed.filter((id) => !records.agreements[id]),
    findings: ids.findingEmbed.filter((id) => !records.findings[id]),
    stories: ids.storyQuote.filter((id) => !records.stories[id]),
  };
}

function anyMissing(missing: ReturnType<typeof missingEmbeds>) {
  return missing.agreements.length + missing.findings.length + missing.stories.length > 0;
}

/** The draft: its content (null before the first save: the page offers the template) and revision. */
export async function draftOf(agendaId: string) {
  const draft = await db().agendaDocument.findUnique({ where: { agendaId } });
  return {
    content: (draft?.content as DocNode | undefined) ?? null,
    revision: draft?.revision ?? 0,
    updatedAt: draft?.updatedAt ?? null,
    updatedById: draft?.updatedById ?? null,
  };
}

export type SaveOutcome =
  | { ok: true; revision: number }
  | { ok: false; error: "stale"; current: { content: DocNode | null; revision: number } }
  | { ok: false; error: "agreementForeign" | "findingForeign" | "quoteNotAllowed" };

/**
 * Saves the draft when nobody saved since `baseRevision`; otherwise refuses and hands back the
 * current text, so the person can merge and save again. Published versions are never touched.
 */
export async function saveDraft(
  actorId: string,
  agenda: AgendaResource,
  doc: DocNode,
  baseRevision: number,
): Promise<SaveOutcome> {
  const ids = embeddedIds(doc);
  const missing = missingEmbeds(ids, await embedRecords(agenda, ids));
  if (missing.stories.length) return { ok: false, error: "quoteNotAllowed" };
  if (missing.agreements.length) return { ok: false, error: "agreementForeign" };
  if (missing.findings.length) return { ok: false, error: "findingForeign" };
  const content = doc as unknown as Prisma.InputJsonObject;
  try {
    const revision = await db().$transaction(async (tx) => {
      let next: number;
      if (baseRevision === 0) {
        // The first save creates the row; a second first save at the same time hits the key.
        await tx.agendaDocument.create({
          data: { agendaId: agenda.agendaId, content, revision: 1, updatedById: actorId },
        });
        next = 1;
      } else {
        const changed = await tx.agendaDocument.updateMany({
          where: { agendaId: agenda.agendaId, revision: baseRevision },
          data: { content, revision: { increment: 1 }, updatedById: actorId },
        });
        if (changed.count === 0) return null;
        next = baseRevision + 1;
      }
      await recordAuditEvent(tx, {
        actorId,
        action: "document.saved",
        subjectType: SUBJECT,
        subjectId: agenda.agendaId,
        details: { revision: next },
      });
      return next;
    });
    if (revision !== null) return { ok: true, revision };
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) {
      throw error;
    }
  }
  const current = await draftOf(agenda.agendaId);
  return {
    ok: false,
    error: "stale",
    current: { content: current.content, revision: current.revision },
  };
}

/**
 * A fingerprint of the records the text embeds, as they are now. A party's approval is about the
 * text *and* these records: a changed agreement (owner, cost, dates) needs a new approval.
 */
export function recordsHash(records: EmbedRecords): string {
  const sorted = (group: Record<string, unknown>) =>
    Object.keys(group)
      .sort()
      .map((id) => [id, group[id]]);
  return createHash("sha256")
    .update(
      JSON.stringify([
        sorted(records.agreements),
        sorted(records.findings),
        sorted(records.stories),
      ]),
    )
    .digest("hex");
}

/**
 * The deciding parties and each one's answer on this revision with these records. Read inside
 * the caller's transaction when publishing, so nothing can change between check and copy.
 */
async function approvals(
  tx: Db,
  agenda: AgendaResource,
  draft: { revision: number; content: DocNode } | null,
) {
  const parties = await tx.agendaParty.findMany({
    where: { agendaId: agenda.agendaId, participationRole: "decides" },
    orderBy: { createdAt: "asc" },
    select: { id: true, organisationId: true, organisation: { select: { name: true } } },
  });
  if (!draft) return { revision: 0, hash: "", parties, answers: new Map(), complete: false };
  const [answers, records] = await Promise.all([
    tx.agendaSignOff.findMany({
      where: { agendaId: agenda.agendaId, revision: draft.revision },
      orderBy: { createdAt: "asc" },
    }),
    embedRecords(agenda, embeddedIds(draft.content), tx),
  ]);
  const hash = recordsHash(records);
  // The newest answer per party counts; an approval of other records counts as no answer.
  const latest = new Map(answers.map((a) => [a.partyId, a]));
  const approved = (partyId: string) => {
    const answer = latest.get(partyId);
    return answer?.decision === "approved" && answer.recordsHash === hash;
  };
  return {
    revision: draft.revision,
    hash,
    parties,
    answers: latest,
    complete: parties.length > 0 && parties.every((p) => approved(p.id)),
  };
}

async function currentDraft(tx: Db, agendaId: string, lock: "share" | "update" | null) {
  const rows =
    lock === "update"
      ? await tx.$queryRaw<{ revision: number; content: DocNode }[]>`
          SELECT revision, content FROM agenda_document WHERE agenda_id = ${agendaId}::uuid FOR UPDATE`
      : lock === "share"
        ? await tx.$queryRaw<{ revision: number; content: DocNode }[]>`
          SELECT revision, content FROM agenda_document WHERE agenda_id = ${agendaId}::uuid FOR SHARE`
        : await tx.$queryRaw<{ revision: number; content: DocNode }[]>`
          SELECT revision, content FROM agenda_document WHERE agenda_id = ${agendaId}::uuid`;
  return rows[0] ?? null;
}

/** The deciding parties and, for the current revision and records, each one's answer. */
export async function signOffState(agenda: AgendaResource, user: CurrentUser | null) {
  const state = await approvals(db(), agenda, await currentDraft(db(), agenda.agendaId, null));
  const rows = state.parties.map((p) => {
    const answer = state.answers.get(p.id);
    const outdated = answer?.decision === "approved" && answer.recordsHash !== state.hash;
    return {
      partyId: p.id,
      name: p.organisation.name,
      decision: outdated ? null : (answer?.decision ?? null),
      /** Approved, but an embedded agreement, finding or quote changed since. */
      outdated,
      reason: answer?.reason ?? "",
      at: answer?.createdAt ?? null,
      /** This person acts for the party (organisation member): they may answer for it. */
      mine: can(user, "agenda.signOff", {
        kind: "organisation",
        organisationId: p.organisationId,
        gemeenteCode: agenda.gemeenteCode,
      }),
    };
  });
  return { revision: state.revision, parties: rows, complete: state.complete };
}

export type SignOffOutcome = "saved" | "not-deciding" | "not-member" | "no-draft" | "stale";

/** A deciding party approves the draft as it is now, or declines with a reason. */
export async function signOff(
  user: CurrentUser,
  agenda: AgendaResource,
  input: { partyId: string; revision: number; decision: "approved" | "declined"; reason: string },
): Promise<SignOffOutcome> {
  const parties = await agendaPartyList(agenda.agendaId);
  const party = parties.find((p) => p.id === input.partyId);
  if (!party || party.role !== "decides") return "not-deciding";
  const member = can(user, "agenda.signOff", {
    kind: "organisation",
    organisationId: party.organisationId,
    gemeenteCode: agenda.gemeenteCode,
  });
  if (!member) return "not-member";
  return db().$transaction(async (tx) => {
    const draft = await currentDraft(tx, agenda.agendaId, "share");
    if (!draft) return "no-draft" as const;
    // The answer is about the text the person read; a save in between needs a new reading.
    if (draft.revision !== input.revision) return "stale" as const;
    const records = await embedRecords(agenda, embeddedIds(draft.content), tx);
    await tx.agendaSignOff.create({
      data: {
        agendaId: agenda.agendaId,
        partyId: party.id,
        revision: draft.revision,
        decision: input.decision,
        reason: input.reason,
        recordsHash: recordsHash(records),
        signedById: user.id,
      },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: `document.${input.decision === "approved" ? "signed_off" : "declined"}`,
      subjectType: SUBJECT,
      subjectId: agenda.agendaId,
      details: { partyId: party.id, revision: draft.revision },
    });
    return "saved" as const;
  });
}

export type PublishOutcome =
  | { ok: true; number: number }
  | { ok: false; error: "notSignedOff" | "noDraft" | "embedsChanged" | "alreadyPublished" };

/**
 * Publishes the current draft as the next numbered version, with every embedded record frozen
 * as it is now. Only when every deciding party approved this very revision with these very
 * records. One transaction with the draft row locked: the check and the copy see the same
 * state, and a second publish of the same revision is refused (also by a unique key).
 */
export async function publish(
  actorId: string,
  agenda: AgendaResource,
  revision: number,
): Promise<PublishOutcome> {
  try {
    return await db().$transaction(async (tx) => {
      const draft = await currentDraft(tx, agenda.agendaId, "update");
      if (!draft) return { ok: false, error: "noDraft" } as const;
      if (draft.revision !== revision) return { ok: false, error: "notSignedOff" } as const;
      const done = await tx.agendaVersion.count({
        where: { agendaId: agenda.agendaId, revision },
      });
      if (done) return { ok: false, error: "alreadyPublished" } as const;
      const ids = embeddedIds(draft.content);
      const records = await embedRecords(agenda, ids, tx);
      // A quote withdrawn (or its consent taken back) since the save: not published.
      if (anyMissing(missingEmbeds(ids, records))) {
        return { ok: false, error: "embedsChanged" } as const;
      }
      const state = await approvals(tx, agenda, draft);
      if (!state.complete) return { ok: false, error: "notSignedOff" } as const;
      const last = await tx.agendaVersion.aggregate({
        where: { agendaId: agenda.agendaId },
        _max: { number: true },
      });
      const number = (last._max.number ?? 0) + 1;
      await tx.agendaVersion.create({
        data: {
          agendaId: agenda.agendaId,
          number,
          revision,
          content: draft.content as unknown as Prisma.InputJsonObject,
          records: records as unknown as Prisma.InputJsonObject,
          publishedById: actorId,
        },
      });
      // Followers hear of it once the transaction commits (and only then).
      await enqueueInTransaction(tx, QUEUES.agendaPublished, {
        agendaId: agenda.agendaId,
        number,
      });
      await recordAuditEvent(tx, {
        actorId,
        action: "document.published",
        subjectType: SUBJECT,
        subjectId: agenda.agendaId,
        details: { number, revision },
      });
      return { ok: true, number } as const;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, error: "alreadyPublished" };
    }
    throw error;
  }
}

export async function versionsOf(agendaId: string) {
  return db().agendaVersion.findMany({
    where: { agendaId },
    orderBy: { number: "desc" },
    select: { number: true, revision: true, publishedAt: true },
  });
}

/** One published version with its frozen records; null when there is no such number. */
export async function versionOf(agendaId: string, number: number) {
  if (!Number.isInteger(number) || number < 1 || number > 100_000) return null;
  const version = await db().agendaVersion.findUnique({
    where: { agendaId_number: { agendaId, number } },
  });
  if (!version) return null;
  return {
    number: version.number,
    publishedAt: version.publishedAt,
    content: version.content as unknown as DocNode,
    records: version.records as unknown as EmbedRecords,
  };
}

/** The newest published version, if any: what the public agenda page shows. */
export async function newestVersion(agendaId: string) {
  const newest = await db().agendaVersion.findFirst({
    where: { agendaId },
    orderBy: { number: "desc" },
    select: { number: true },
  });
  return newest ? versionOf(agendaId, newest.number) : null;
}
