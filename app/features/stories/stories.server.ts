import { Prisma } from "../../generated/prisma/client";
import { recordAuditEvent } from "../../shared/audit.server";
import { db, type Db } from "../../shared/db.server";
import type { Actor, Assignment } from "../auth/permissions";
import { RATE_LIMITS, hitRateLimits } from "../auth/rate-limit.server";
import { pointInArea, type AreaGeometry } from "../territory/geo";
import type { RejectionReasonKey, TellInput } from "./stories.schema";

// Stories (block 4): residents tell, moderators approve, reject or edit for anonymity, everyone
// reads what was published with consent. The only code that writes the story tables; every
// command is one transaction with its audit event.

const SUBJECT = "story";

function audit(tx: Db, actorId: string, storyId: string, action: string, details = {}) {
  return recordAuditEvent(tx, {
    actorId,
    action,
    subjectType: SUBJECT,
    subjectId: storyId,
    details,
  });
}

export type TellOutcome =
  | { ok: true; id: string }
  | { ok: false; field: "lon" | "themes"; error: "pointOutsideArea" | "unknownTheme" }
  | { ok: false; limitedMinutes: number };

/** A resident's own story, told online. The buurt decides the gemeente and the area for the pin. */
export async function tellStory(
  teller: { id: string; ip: string },
  buurtCode: string,
  input: TellInput,
): Promise<TellOutcome> {
  const buurt = await db().buurt.findFirstOrThrow({
    where: { code: buurtCode },
    orderBy: { year: "desc" },
    select: { code: true, gemeenteCode: true, geometry: true },
  });
  const themes = [...new Set(input.themes)];
  if (themes.length) {
    const known = await db().theme.count({ where: { key: { in: themes } } });
    if (known !== themes.length) return { ok: false, field: "themes", error: "unknownTheme" };
  }
  if (input.lon !== null && input.lat !== null) {
    const inside = pointInArea({ lon: input.lon, lat: input.lat }, [
      buurt.geometry as unknown as AreaGeometry,
    ]);
    if (!inside) return { ok: false, field: "lon", error: "pointOutsideArea" };
  }
  const limit = await hitRateLimits([
    [`story:account:${teller.id}`, RATE_LIMITS.storiesPerAccount],
    [`story:ip:${teller.ip}`, RATE_LIMITS.storiesPerIp],
  ]);
  if (limit.limited) return { ok: false, limitedMinutes: Math.ceil(limit.retryAfterSeconds / 60) };
  const id = await db().$transaction(async (tx) => {
    const story = await tx.story.create({
      data: {
        gemeenteCode: buurt.gemeenteCode,
        buurtCode: buurt.code,
        title: input.title,
        text: input.text,
        lon: input.lon,
        lat: input.lat,
        channel: "online",
        tellerId: teller.id,
        showName: input.showName,
        tellerName: input.showName ? input.tellerName : "",
        consentPublish: input.consentPublish,
        consentQuote: input.consentQuote,
        themes: { create: themes.map((themeKey) => ({ themeKey })) },
      },
    });
    await audit(tx, teller.id, story.id, "story.told", { buurtCode: buurt.code });
    return story.id;
  });
  return { ok: true, id };
}

export async function storiesOfTeller(tellerId: string) {
  return db().story.findMany({
    where: { tellerId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      title: true,
      text: true,
      status: true,
      buurtCode: true,
      rejectionReason: true,
      rejectionNote: true,
      originalText: true,
      createdAt: true,
      consentPublish: true,
    },
  });
}

/** The teller withdraws a story (and with it the consent to publish) at any time. */
export async function withdrawOwnStory(tellerId: string, storyId: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const changed = await tx.story.updateMany({
      where: { id: storyId, tellerId, status: { not: "withdrawn" } },
      data: { status: "withdrawn", consentPublish: false },
    });
    if (changed.count === 0) return false;
    await audit(tx, tellerId, storyId, "story.withdrawn");
    return true;
  });
}

// ─── Moderation ─────────────────────────────────────────────────────────────

/** The buurten an actor moderates, as a Prisma filter (from the same scopes `can()` uses). */
export function moderationScope(actor: Actor): Prisma.StoryWhereInput | null {
  const scopes = actor.assignments.filter(
    (a: Assignment) => a.role === "buurtplatform" || a.role === "gemeente",
  );
  if (scopes.some((a) => a.scopeType === "national")) return {};
  const or: Prisma.StoryWhereInput[] = scopes.flatMap((a): Prisma.StoryWhereInput[] => {
    switch (a.scopeType) {
      case "gemeente":
        return [{ gemeenteCode: a.scopeId }];
      case "wijk":
        return [{ buurtCode: { startsWith: `BU${a.scopeId.slice(2)}` } }];
      case "buurt":
        return [{ buurtCode: a.scopeId }];
      case "buurtagenda":
        return [{ agendaId: a.scopeId }];
      default:
        return [];
    }
  });
  return or.length ? { OR: or } : null;
}

export interface QueueFilters {
  buurtCode?: string;
  theme?: string;
  channel?: string;
  status?: "submitted" | "reported";
}

/** Stories waiting for a moderator, oldest first; reported published stories come back here. */
export async function moderationQueue(actor: Actor, filters: QueueFilters = {}) {
  const scope = moderationScope(actor);
  if (!scope) return [];
  const waiting: Prisma.StoryWhereInput =
    filters.status === "reported"
      ? { status: "published", reports: { some: { handledAt: null } } }
      : filters.status === "submitted"
        ? { status: "submitted" }
        : {
            OR: [
              { status: "submitted" },
              { status: "published", reports: { some: { handledAt: null } } },
            ],
          };
  const stories = await db().story.findMany({
    where: {
      AND: [
        scope,
        waiting,
        filters.buurtCode ? { buurtCode: filters.buurtCode } : {},
        filters.theme ? { themes: { some: { themeKey: filters.theme } } } : {},
        filters.channel
          ? { channel: filters.channel as Prisma.EnumStoryChannelFilter["equals"] }
          : {},
      ],
    },
    orderBy: { createdAt: "asc" },
    take: 200,
    include: {
      themes: { select: { themeKey: true } },
      reports: { where: { handledAt: null }, select: { reason: true, createdAt: true } },
    },
  });
  return stories;
}

export async function storyForModeration(storyId: string) {
  return db().story.findUnique({
    where: { id: storyId },
    select: { id: true, buurtCode: true, status: true, text: true, originalText: true },
  });
}

async function moderate(
  actorId: string,
  storyId: string,
  action: string,
  data: Prisma.StoryUpdateManyMutationInput,
  details = {},
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const changed = await tx.story.updateMany({
      where: { id: storyId, status: { in: ["submitted", "published"] } },
      data: { ...data, moderatedById: actorId, moderatedAt: new Date() },
    });
    if (changed.count === 0) return false;
    await tx.storyReport.updateMany({
      where: { storyId, handledAt: null },
      data: { handledAt: new Date() },
    });
    await audit(tx, actorId, storyId, action, details);
    return true;
  });
}

/** Publishes a story, but only with the teller's consent to publish. */
export async function approveStory(actorId: string, storyId: string): Promise<boolean> {
  const story = await db().story.findUnique({
    where: { id: storyId },
    select: { consentPublish: true },
  });
  if (!story?.consentPublish) return false;
  return moderate(actorId, storyId, "story.approved", { status: "published" });
}

export function rejectStory(
  actorId: string,
  storyId: string,
  reason: RejectionReasonKey,
  note: string,
) {
  return moderate(
    actorId,
    storyId,
    "story.rejected",
    { status: "rejected", rejectionReason: reason, rejectionNote: note },
    { reason },
  );
}

/**
 * Replaces the shown text for anonymity; the first original is kept (never shown publicly) so
 * the audit trail can tell what was changed. The teller sees the edited version.
 */
export async function anonymiseStory(
  actorId: string,
  storyId: string,
  newText: string,
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const story = await tx.story.findUnique({
      where: { id: storyId },
      select: { text: true, originalText: true, status: true },
    });
    if (!story || (story.status !== "submitted" && story.status !== "published")) return false;
    if (story.text === newText) return true;
    await tx.story.update({
      where: { id: storyId },
      data: { text: newText, originalText: story.originalText ?? story.text },
    });
    await audit(tx, actorId, storyId, "story.anonymised");
    return true;
  });
}

// ─── Published stories ──────────────────────────────────────────────────────

export interface PublishedFilters {
  buurtCodes: string[];
  theme?: string;
  q?: string;
  viewerId?: string | null;
}

/** Published stories with consent, newest first, with their "herkenbaar" counts. */
export async function publishedStories(filters: PublishedFilters) {
  const query = filters.q?.trim();
  const idsByText = query
    ? (
        await db().$queryRaw<{ id: string }[]>`
          SELECT id FROM story
          WHERE buurt_code = ANY(${filters.buurtCodes}) AND status = 'published'
            AND search @@ websearch_to_tsquery('dutch', ${query})`
      ).map((r) => r.id)
    : null;
  const stories = await db().story.findMany({
    where: {
      buurtCode: { in: filters.buurtCodes },
      status: "published",
      consentPublish: true,
      ...(filters.theme ? { themes: { some: { themeKey: filters.theme } } } : {}),
      ...(idsByText ? { id: { in: idsByText } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      title: true,
      text: true,
      buurtCode: true,
      lon: true,
      lat: true,
      channel: true,
      showName: true,
      tellerName: true,
      createdAt: true,
      isDemo: true,
      event: { select: { kind: true, title: true, heldOn: true } },
      themes: { select: { themeKey: true } },
      _count: { select: { reactions: true } },
      reactions: filters.viewerId
        ? { where: { userId: filters.viewerId }, select: { userId: true } }
        : false,
    },
  });
  return stories.map(({ reactions, _count, showName, tellerName, ...story }) => ({
    ...story,
    // A name only when the teller chose to show it.
    tellerName: showName ? tellerName : "",
    themes: story.themes.map((t) => t.themeKey),
    recognisedCount: _count.reactions,
    recognisedByViewer: Array.isArray(reactions) && reactions.length > 0,
  }));
}

export type RecogniseOutcome = "added" | "removed" | "not-published" | "limited";

/** "Herkenbaar": one per account and story; a second click takes it back. */
export async function toggleRecognised(userId: string, storyId: string): Promise<RecogniseOutcome> {
  const story = await db().story.findUnique({
    where: { id: storyId },
    select: { status: true, consentPublish: true },
  });
  if (story?.status !== "published" || !story.consentPublish) return "not-published";
  const limit = await hitRateLimits([[`react:${userId}`, RATE_LIMITS.reactionsPerAccount]]);
  if (limit.limited) return "limited";
  const removed = await db().storyReaction.deleteMany({ where: { storyId, userId } });
  if (removed.count > 0) return "removed";
  try {
    await db().storyReaction.create({ data: { storyId, userId } });
  } catch (error) {
    // A double click: the first one counted.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return "added";
    }
    throw error;
  }
  return "added";
}

export async function publishedStory(storyId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(storyId)) return null;
  return db().story.findFirst({
    where: { id: storyId, status: "published", consentPublish: true },
    select: { id: true, buurtCode: true },
  });
}

export type ReportOutcome = "reported" | "not-published" | "limited";

/**
 * "Report this story": the story comes back into the moderation queue with the reason. It stays
 * on the site until a moderator decides, so one report cannot silence a resident.
 */
export async function reportStory(
  reporterId: string,
  storyId: string,
  reason: string,
): Promise<ReportOutcome> {
  const story = await db().story.findUnique({
    where: { id: storyId },
    select: { status: true, consentPublish: true },
  });
  if (story?.status !== "published" || !story.consentPublish) return "not-published";
  const limit = await hitRateLimits([[`react:${reporterId}`, RATE_LIMITS.reactionsPerAccount]]);
  if (limit.limited) return "limited";
  await db().$transaction(async (tx) => {
    await tx.storyReport.create({ data: { storyId, reporterId, reason } });
    await audit(tx, reporterId, storyId, "story.reported");
  });
  return "reported";
}
