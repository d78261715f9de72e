import { randomUUID } from "node:crypto";
import { Prisma } from "../../generated/prisma/client";
import { recordAuditEvent } from "../../shared/audit.server";
import { db } from "../../shared/db.server";
import type { AgendaResource } from "../agenda/agenda.server";
import type { RecordInput } from "./stories.schema";
import { findRepeat } from "./stories.server";
import { isUuid } from "../../shared/uuid";

// Stories told in person (walks, meetings, interviews, surveys), recorded by professionals on
// behalf of the residents who told them, for a buurtagenda's area (block 4).

export async function createEvent(
  actorId: string,
  agenda: AgendaResource,
  input: {
    kind: "walk" | "meeting";
    title: string;
    heldOn: string;
    place: string;
    invitedGroups: string;
  },
): Promise<string> {
  return db().$transaction(async (tx) => {
    const event = await tx.storyEvent.create({
      data: {
        gemeenteCode: agenda.gemeenteCode,
        agendaId: agenda.agendaId,
        kind: input.kind,
        title: input.title,
        heldOn: new Date(`${input.heldOn}T00:00:00Z`),
        place: input.place,
        invitedGroups: input.invitedGroups,
        createdById: actorId,
      },
    });
    await recordAuditEvent(tx, {
      actorId,
      action: "story_event.created",
      subjectType: "buurtagenda",
      subjectId: agenda.agendaId,
      details: { eventId: event.id, kind: input.kind },
    });
    return event.id;
  });
}

export async function eventsOf(agendaId: string) {
  const events = await db().storyEvent.findMany({
    where: { agendaId },
    orderBy: { heldOn: "desc" },
    include: { _count: { select: { stories: true } } },
  });
  return events.map(({ _count, ...event }) => ({ ...event, storyCount: _count.stories }));
}

export type RecordOutcome =
  | { ok: true; id: string; duplicate: boolean }
  | { ok: false; field: "buurtCode" | "eventId" | "themes"; error: string };

/**
 * Records one story. The browser's client key makes it idempotent: an entry sent again after a
 * dropped connection is stored once.
 */
export async function recordStory(
  actorId: string,
  agenda: AgendaResource,
  input: RecordInput,
): Promise<RecordOutcome> {
  const clientKey = input.clientKey ?? randomUUID();
  const existing = await db().story.findUnique({
    where: { clientKey },
    select: { id: true, recordedById: true },
  });
  if (existing) {
    if (existing.recordedById !== actorId)
      return { ok: false, field: "eventId", error: "clientKeyInvalid" };
    return { ok: true, id: existing.id, duplicate: true };
  }
  if (!agenda.buurtCodes.includes(input.buurtCode)) {
    return { ok: false, field: "buurtCode", error: "buurtRequired" };
  }
  if (input.eventId) {
    const event = await db().storyEvent.findFirst({
      where: { id: input.eventId, agendaId: agenda.agendaId },
    });
    if (!event) return { ok: false, field: "eventId", error: "eventUnknown" };
  }
  const themes = [...new Set(input.themes)];
  if (
    themes.length &&
    (await db().theme.count({ where: { key: { in: themes } } })) !== themes.length
  ) {
    return { ok: false, field: "themes", error: "unknownTheme" };
  }
  try {
    const id = await db().$transaction(async (tx) => {
      const repeat = await findRepeat(
        { text: input.text, tellerId: null, gemeenteCode: agenda.gemeenteCode },
        tx,
      );
      const story = await tx.story.create({
        data: {
          ...repeat,
          gemeenteCode: agenda.gemeenteCode,
          buurtCode: input.buurtCode,
          agendaId: agenda.agendaId,
          text: input.text,
          channel: input.channel,
          eventId: input.eventId,
          recordedById: actorId,
          tellerName: input.tellerName,
          showName: input.tellerName.length > 0,
          consentPublish: input.consentPublish,
          consentQuote: input.consentQuote,
          clientKey,
          themes: { create: themes.map((themeKey) => ({ themeKey })) },
        },
      });
      await recordAuditEvent(tx, {
        actorId,
        action: "story.recorded",
        subjectType: "story",
        subjectId: story.id,
        details: { eventId: input.eventId, channel: input.channel },
      });
      return story.id;
    });
    return { ok: true, id, duplicate: false };
  } catch (error) {
    // The same entry sent twice at the same moment: the unique client key keeps one.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const stored = await db().story.findUniqueOrThrow({ where: { clientKey } });
      return { ok: true, id: stored.id, duplicate: true };
    }
    throw error;
  }
}

/** How many recorded stories the recording page lists for one walk or meeting (newest first). */
const RECORDED_LIST_LIMIT = 200;

/**
 * The stories recorded for this buurtagenda at one event (or without an event): what was
 * collected, so the professional can act for a teller who changes their mind.
 */
export async function recordedStoriesOf(agendaId: string, eventId: string | null) {
  return db().story.findMany({
    where: { agendaId, eventId, recordedById: { not: null } },
    orderBy: { createdAt: "desc" },
    take: RECORDED_LIST_LIMIT,
    select: {
      id: true,
      text: true,
      buurtCode: true,
      tellerName: true,
      status: true,
      consentPublish: true,
      consentQuote: true,
      createdAt: true,
    },
  });
}

/**
 * A teller without an account asks the professional to take back their consent: the story is
 * withdrawn (off the site at once, not quoted), recorded as done on the teller's behalf.
 */
export async function withdrawForTeller(
  actorId: string,
  agenda: AgendaResource,
  storyId: string,
): Promise<boolean> {
  if (!isUuid(storyId)) return false;
  return db().$transaction(async (tx) => {
    const changed = await tx.story.updateMany({
      where: {
        id: storyId,
        agendaId: agenda.agendaId,
        recordedById: { not: null },
        status: { not: "withdrawn" },
      },
      data: { status: "withdrawn", consentPublish: false, consentQuote: false },
    });
    if (changed.count === 0) return false;
    await recordAuditEvent(tx, {
      actorId,
      action: "story.withdrawn_for_teller",
      subjectType: "story",
      subjectId: storyId,
      details: { agendaId: agenda.agendaId },
    });
    return true;
  });
}
