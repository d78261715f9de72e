import { Prisma } from "../../generated/prisma/client";
import { recordAuditEvent } from "../../shared/audit.server";
import { db, type Db } from "../../shared/db.server";
import { QUEUES, enqueueInTransaction } from "../../shared/queue.server";
import type { Actor, Assignment } from "../auth/permissions";
import { RATE_LIMITS, hitRateLimits, reactionLimits } from "../auth/rate-limit.server";
import { pointInArea, type AreaGeometry } from "../territory/geo";
import { REPEAT_WINDOW_DAYS, repeatOf, storyFingerprint } from "./repeats";
import type { StoryNotification } from "./notifications.server";
import type { RejectionReasonKey, TellInput } from "./stories.schema";
import { isUuid } from "../../shared/uuid";

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

/**
 * The fingerprint of a new story's text and the earlier story it repeats, if any (flagged for the
 * moderator, see repeats.ts). One indexed query on the fingerprint.
 */
export async function findRepeat(
  story: { text: string; tellerId: string | null; gemeenteCode: string },
  tx: Db = db(),
): Promise<{ textFingerprint: string; repeatOfId: string | null }> {
  const textFingerprint = storyFingerprint(story.text);
  const now = new Date();
  const earlier = await tx.story.findMany({
    where: {
      textFingerprint,
      createdAt: { gte: new Date(now.getTime() - REPEAT_WINDOW_DAYS * 24 * 60 * 60 * 1000) },
      OR: [
        { gemeenteCode: story.gemeenteCode },
        ...(story.tellerId ? [{ tellerId: story.tellerId }] : []),
      ],
    },
    select: { id: true, tellerId: true, createdAt: true },
    orderBy: { createdAt: "asc" },
    take: 20,
  });
  return { textFingerprint, repeatOfId: repeatOf({ ...story, now }, earlier) };
}

type StoryBuurt = { code: string; gemeenteCode: string; geometry: unknown };

function buurtForStory(buurtCode: string): Promise<StoryBuurt> {
  return db().buurt.findFirstOrThrow({
    where: { code: buurtCode },
    orderBy: { year: "desc" },
    select: { code: true, gemeenteCode: true, geometry: true },
  });
}

/** Themes must exist and a pin must lie inside the story's buurt; null when all is well. */
async function refusedTellInput(
  buurt: StoryBuurt,
  input: TellInput,
): Promise<Extract<TellOutcome, { field: string }> | null> {
  const themes = [...new Set(input.themes)];
  if (themes.length) {
    const known = await db().theme.count({ where: { key: { in: themes } } });
    if (known !== themes.length) return { ok: false, field: "themes", error: "unknownTheme" };
  }
  if (input.lon !== null && input.lat !== null) {
    const inside = pointInArea({ lon: input.lon, lat: input.lat }, [
      buurt.geometry as AreaGeometry,
    ]);
    if (!inside) return { ok: false, field: "lon", error: "pointOutsideArea" };
  }
  return null;
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
  const buurt = await buurtForStory(buurtCode);
  const refused = await refusedTellInput(buurt, input);
  if (refused) return refused;
  const themes = [...new Set(input.themes)];
  const limit = await hitRateLimits([
    [`story:account:${teller.id}`, RATE_LIMITS.storiesPerAccount],
    [`story:ip:${teller.ip}`, RATE_LIMITS.storiesPerIp],
  ]);
  if (limit.limited) return { ok: false, limitedMinutes: Math.ceil(limit.retryAfterSeconds / 60) };
  const id = await db().$transaction(async (tx) => {
    const repeat = await findRepeat(
      { text: input.text, tellerId: teller.id, gemeenteCode: buurt.gemeenteCode },
      tx,
    );
    const story = await tx.story.create({
      data: {
        ...repeat,
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

/** The teller's own story while it still waits for a moderator: what the edit form starts from. */
export async function ownStoryToEdit(tellerId: string, storyId: string) {
  if (!isUuid(storyId)) return null;
  const story = await db().story.findFirst({
    where: { id: storyId, tellerId },
    include: { themes: { select: { themeKey: true } } },
  });
  return story;
}

export type EditOwnOutcome =
  | { ok: true; id: string }
  | Extract<TellOutcome, { field: string }>
  | { ok: false; error: "alreadyModerated" };

/**
 * The teller changes their story until a moderator has looked at it; afterwards only withdrawing
 * is possible, so a moderator never approves one text and publishes another.
 */
export async function editOwnStory(
  tellerId: string,
  storyId: string,
  input: TellInput,
): Promise<EditOwnOutcome> {
  const story = await ownStoryToEdit(tellerId, storyId);
  if (!story || story.status !== "submitted") return { ok: false, error: "alreadyModerated" };
  const refused = await refusedTellInput(await buurtForStory(story.buurtCode), input);
  if (refused) return refused;
  const themes = [...new Set(input.themes)];
  const edited = await db().$transaction(async (tx) => {
    const repeat = await findRepeat(
      { text: input.text, tellerId, gemeenteCode: story.gemeenteCode },
      tx,
    );
    const changed = await tx.story.updateMany({
      where: { id: storyId, tellerId, status: "submitted" },
      data: {
        title: input.title,
        text: input.text,
        lon: input.lon,
        lat: input.lat,
        showName: input.showName,
        tellerName: input.showName ? input.tellerName : "",
        consentPublish: input.consentPublish,
        consentQuote: input.consentQuote,
        textFingerprint: repeat.textFingerprint,
        // The story does not repeat itself.
        repeatOfId: repeat.repeatOfId === storyId ? null : repeat.repeatOfId,
      },
    });
    // A moderator decided in the meantime: nothing is changed.
    if (changed.count === 0) return false;
    await tx.storyTheme.deleteMany({ where: { storyId } });
    await tx.storyTheme.createMany({ data: themes.map((themeKey) => ({ storyId, themeKey })) });
    await audit(tx, tellerId, storyId, "story.edited_by_teller");
    return true;
  });
  return edited ? { ok: true, id: storyId } : { ok: false, error: "alreadyModerated" };
}

/**
 * The teller takes back one consent: to be quoted in the agenda. (Taking back the consent to
 * publish is withdrawing the story.)
 */
export async function withdrawQuoteConsent(tellerId: string, storyId: string): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const changed = await tx.story.updateMany({
      where: { id: storyId, tellerId, consentQuote: true },
      data: { consentQuote: false },
    });
    if (changed.count === 0) return false;
    await audit(tx, tellerId, storyId, "story.quote_consent_withdrawn");
    return true;
  });
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
      consentQuote: true,
      duplicateOfId: true,
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
      case "wijk": {
        // The buurten of wijk WK039701 are BU039701xx: a range, which the (buurt_code, status,
        // created_at) index serves; a parameterised LIKE prefix could not use it.
        const prefix = `BU${a.scopeId.slice(2)}`;
        const next = `BU${String(Number(a.scopeId.slice(2)) + 1).padStart(6, "0")}`;
        return [{ buurtCode: { gte: prefix, lt: next } }];
      }
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
  /** 1-based page of the queue. */
  page?: number;
}

/** Stories per page of the moderation queue: a moderator works through them from the top. */
export const QUEUE_PAGE_SIZE = 25;

/**
 * What waits for a moderator: new stories, and published ones with an open report. The reported
 * ids come first from the small partial index on open reports, so the queue's query is an OR of
 * two index conditions; "status = submitted OR EXISTS (open report)" made PostgreSQL scan every
 * story in scope (about 20 ms per query with 100,000 stories).
 */
async function waitingFilter(status: QueueFilters["status"]): Promise<Prisma.StoryWhereInput> {
  if (status === "submitted") return { status: "submitted" };
  const open = await db().storyReport.findMany({
    where: { handledAt: null },
    distinct: ["storyId"],
    select: { storyId: true },
  });
  const reported: Prisma.StoryWhereInput = {
    status: "published",
    id: { in: open.map((r) => r.storyId) },
  };
  return status === "reported" ? reported : { OR: [{ status: "submitted" }, reported] };
}

/** The buurten where something waits for this moderator, with how many: the buurt filter's choices. */
export async function moderationQueueBuurten(actor: Actor) {
  const scope = moderationScope(actor);
  if (!scope) return [];
  const groups = await db().story.groupBy({
    by: ["buurtCode"],
    where: { AND: [scope, await waitingFilter(undefined)] },
    _count: { _all: true },
    orderBy: { buurtCode: "asc" },
  });
  return groups.map((g) => ({ buurtCode: g.buurtCode, waiting: g._count._all }));
}

/**
 * One page of the stories waiting for a moderator, oldest first, and how many wait in all;
 * reported published stories come back here.
 */
export async function moderationQueue(actor: Actor, filters: QueueFilters = {}) {
  const scope = moderationScope(actor);
  if (!scope) return { stories: [], total: 0 };
  const waiting = await waitingFilter(filters.status);
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  const where: Prisma.StoryWhereInput = {
    AND: [
      scope,
      waiting,
      filters.buurtCode ? { buurtCode: filters.buurtCode } : {},
      filters.theme ? { themes: { some: { themeKey: filters.theme } } } : {},
      filters.channel
        ? { channel: filters.channel as Prisma.EnumStoryChannelFilter["equals"] }
        : {},
    ],
  };
  const [stories, total] = await Promise.all([
    db().story.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * QUEUE_PAGE_SIZE,
      take: QUEUE_PAGE_SIZE,
      include: {
        themes: { select: { themeKey: true } },
        reports: { where: { handledAt: null }, select: { reason: true, createdAt: true } },
      },
    }),
    db().story.count({ where }),
  ]);
  return { stories, total };
}

export interface DuplicateCandidate {
  id: string;
  buurtCode: string;
  title: string;
  snippet: string;
  status: "submitted" | "published";
  createdAt: Date;
}

/** Per buurt, how many recent stories the "duplicate of" choice offers. */
const DUPLICATE_CHOICES_PER_BUURT = 12;

/**
 * What a waiting story could be a duplicate of: the earlier story it repeats (when the moderator
 * may see it), and for the story `choosingFor` (the one the moderator opened "mark as duplicate"
 * for) also the newest published or waiting stories of its buurt. Offering those for every story
 * of the queue doubled the page (206 → 104 KB of HTML for 25 stories, 5 ms of server CPU). Two
 * queries for the whole queue, whatever its length.
 */
export async function duplicateCandidates(
  actor: Actor,
  queue: { id: string; buurtCode: string; repeatOfId: string | null }[],
  choosingFor?: string,
): Promise<Map<string, DuplicateCandidate[]>> {
  const scope = moderationScope(actor);
  const byStory = new Map<string, DuplicateCandidate[]>();
  if (!scope || queue.length === 0) return byStory;
  const buurtCodes = queue.filter((s) => s.id === choosingFor).map((s) => s.buurtCode);
  const repeatIds = [...new Set(queue.flatMap((s) => (s.repeatOfId ? [s.repeatOfId] : [])))];
  const select = {
    id: true,
    buurtCode: true,
    title: true,
    text: true,
    status: true,
    createdAt: true,
  };
  const [recent, repeated] = await Promise.all([
    buurtCodes.length === 0
      ? Promise.resolve([])
      : db().$queryRaw<{ id: string }[]>`
      SELECT c.id FROM unnest(${buurtCodes}::text[]) AS b(code)
      CROSS JOIN LATERAL (
        SELECT id FROM story
        WHERE buurt_code = b.code AND status IN ('published', 'submitted')
        ORDER BY created_at DESC LIMIT ${DUPLICATE_CHOICES_PER_BUURT}
      ) c`.then((rows) =>
          db().story.findMany({
            where: { id: { in: rows.map((r) => r.id) } },
            orderBy: { createdAt: "desc" },
            select,
          }),
        ),
    repeatIds.length
      ? db().story.findMany({
          where: {
            AND: [scope, { id: { in: repeatIds } }, { status: { in: ["published", "submitted"] } }],
          },
          select,
        })
      : Promise.resolve([]),
  ]);
  const asCandidate = (s: (typeof recent)[number]): DuplicateCandidate => ({
    id: s.id,
    buurtCode: s.buurtCode,
    title: s.title,
    snippet: s.text.length > 80 ? `${s.text.slice(0, 80)}…` : s.text,
    status: s.status as DuplicateCandidate["status"],
    createdAt: s.createdAt,
  });
  for (const story of queue) {
    const first = repeated.filter((r) => r.id === story.repeatOfId);
    const rest =
      story.id === choosingFor
        ? recent.filter(
            (r) =>
              r.buurtCode === story.buurtCode && r.id !== story.id && r.id !== story.repeatOfId,
          )
        : [];
    byStory.set(story.id, [...first, ...rest].map(asCandidate));
  }
  return byStory;
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
  /** More writes that belong to the same decision, in its transaction. */
  alsoInTransaction?: (tx: Db) => Promise<void>,
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    // Locks the story: of two moderators deciding at once, the second sees the first's decision
    // (so a story is announced as published once).
    const [before] = await tx.$queryRaw<{ status: string; teller_id: string | null }[]>`
      SELECT status::text AS status, teller_id::text AS teller_id FROM story
      WHERE id = ${storyId}::uuid FOR UPDATE`;
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
    await alsoInTransaction?.(tx);
    // The teller (an account; a recorded anonymous teller has no address) hears of a first
    // publication or a rejection, not of a reported story that is approved again.
    const kind: StoryNotification["kind"] | null =
      data.status === "rejected"
        ? "rejected"
        : data.status === "published" && before?.status === "submitted"
          ? "published"
          : null;
    if (kind && before?.teller_id) {
      await enqueueInTransaction(tx, QUEUES.storyNotification, {
        kind,
        storyId,
      } satisfies StoryNotification);
    }
    return true;
  });
}

export type DuplicateOutcome = "marked" | "unknown-original" | "already-handled";

/**
 * Marks a story as a duplicate of an earlier one: it is not published on its own (rejected with
 * reason "duplicate" and a link to the original). A resident who told the same thing as someone
 * else still counts: their account marks the original "herkenbaar", so the theme keeps its
 * weight (decision 0014).
 */
export async function markDuplicate(
  actorId: string,
  storyId: string,
  originalId: string,
): Promise<DuplicateOutcome> {
  const [story, original] = await Promise.all([
    db().story.findUnique({
      where: { id: storyId },
      select: { gemeenteCode: true, tellerId: true },
    }),
    db().story.findUnique({
      where: { id: originalId },
      select: { id: true, gemeenteCode: true, status: true, tellerId: true },
    }),
  ]);
  if (
    !story ||
    !original ||
    original.id === storyId ||
    original.gemeenteCode !== story.gemeenteCode ||
    (original.status !== "published" && original.status !== "submitted")
  ) {
    return "unknown-original";
  }
  const tellerId = story.tellerId;
  const ok = await moderate(
    actorId,
    storyId,
    "story.duplicate",
    { status: "rejected", rejectionReason: "duplicate", duplicateOfId: original.id },
    { duplicateOfId: original.id },
    async (tx) => {
      if (tellerId && tellerId !== original.tellerId) {
        await tx.storyReaction.createMany({
          data: [{ storyId: original.id, userId: tellerId }],
          skipDuplicates: true,
        });
      }
    },
  );
  return ok ? "marked" : "already-handled";
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
      select: { text: true, originalText: true, status: true, tellerId: true },
    });
    if (!story || (story.status !== "submitted" && story.status !== "published")) return false;
    if (story.text === newText) return true;
    await tx.story.update({
      where: { id: storyId },
      data: { text: newText, originalText: story.originalText ?? story.text },
    });
    await audit(tx, actorId, storyId, "story.anonymised");
    if (story.tellerId) {
      await enqueueInTransaction(tx, QUEUES.storyNotification, {
        kind: "anonymised",
        storyId,
      } satisfies StoryNotification);
    }
    return true;
  });
}

// ─── Published stories ──────────────────────────────────────────────────────

export interface PublishedFilters {
  buurtCodes: string[];
  theme?: string;
  q?: string;
  viewerId?: string | null;
  /** 1-based page of the list. */
  page?: number;
}

/** Stories per page of a published list. */
export const PUBLISHED_PAGE_SIZE = 25;
/** Pins on one map at most; past this the list (with search and filters) is the way in. */
export const MAP_PIN_LIMIT = 2000;

/** Published with consent, in these buurten, matching theme and Dutch full-text search. */
function publishedWhere(filters: PublishedFilters): Prisma.Sql {
  const query = filters.q?.trim();
  return Prisma.sql`s.buurt_code = ANY(${filters.buurtCodes}) AND s.status = 'published'
    AND s.consent_publish
    ${filters.theme ? Prisma.sql`AND EXISTS (SELECT 1 FROM story_theme t WHERE t.story_id = s.id AND t.theme_key = ${filters.theme})` : Prisma.empty}
    ${query ? Prisma.sql`AND s.search @@ websearch_to_tsquery('dutch', ${query})` : Prisma.empty}`;
}

/**
 * One page of published stories, newest first, with their "herkenbaar" counts and the total.
 * A constant number of queries whatever the page or the number of stories (ids and total, the
 * stories with their themes and the viewer's own reactions, the page's counts).
 */
export async function publishedStories(filters: PublishedFilters) {
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  const offset = (page - 1) * PUBLISHED_PAGE_SIZE;
  const filtered = Boolean(filters.theme || filters.q?.trim());
  // Unfiltered (the usual visit): the total from the counter the triggers keep (decision 0033)
  // and each buurt's newest from its own index range, merged. Counting every match (6,600 in the
  // demo agenda's two buurten at national scale) cost 3.5 ms of PostgreSQL per page; this 0.1 ms.
  const rows = filtered
    ? await db().$queryRaw<{ id: string; total: number }[]>`
        SELECT s.id, (count(*) OVER ())::int AS total FROM story s
        WHERE ${publishedWhere(filters)}
        ORDER BY s.created_at DESC, s.id
        LIMIT ${PUBLISHED_PAGE_SIZE} OFFSET ${offset}`
    : await db().$queryRaw<{ id: string; total: number }[]>`
        SELECT x.id, (
          SELECT coalesce(sum(c.published), 0)::int FROM buurt_story_count c
          WHERE c.buurt_code = ANY(${filters.buurtCodes})
        ) AS total
        FROM unnest(${filters.buurtCodes}::text[]) AS b(code)
        CROSS JOIN LATERAL (
          SELECT s.id, s.created_at FROM story s
          WHERE s.buurt_code = b.code AND s.status = 'published' AND s.consent_publish
          ORDER BY s.created_at DESC, s.id
          LIMIT ${offset + PUBLISHED_PAGE_SIZE}
        ) x
        ORDER BY x.created_at DESC, x.id
        LIMIT ${PUBLISHED_PAGE_SIZE} OFFSET ${offset}`;
  const total =
    rows[0]?.total ??
    (page > 1
      ? (
          await db().$queryRaw<{ total: number }[]>`
            SELECT count(*)::int AS total FROM story s WHERE ${publishedWhere(filters)}`
        )[0]!.total
      : 0);
  const stories = rows.length
    ? await db().story.findMany({
        where: { id: { in: rows.map((r) => r.id) } },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        select: {
          id: true,
          title: true,
          text: true,
          buurtCode: true,
          channel: true,
          showName: true,
          tellerName: true,
          createdAt: true,
          isDemo: true,
          event: { select: { kind: true, title: true, heldOn: true } },
          themes: { select: { themeKey: true } },
          reactions: filters.viewerId
            ? { where: { userId: filters.viewerId }, select: { userId: true } }
            : false,
        },
      })
    : [];
  // Counted for this page's stories only (an index-only scan): Prisma's _count would aggregate
  // the whole reaction table on every page (bench/stories.bench.ts).
  const counts = rows.length
    ? await db().storyReaction.groupBy({
        by: ["storyId"],
        where: { storyId: { in: rows.map((r) => r.id) } },
        _count: { _all: true },
      })
    : [];
  const countOf = new Map(counts.map((c) => [c.storyId, c._count._all]));
  return {
    page,
    total,
    pageCount: Math.max(1, Math.ceil(total / PUBLISHED_PAGE_SIZE)),
    stories: stories.map(({ reactions, showName, tellerName, ...story }) => ({
      ...story,
      // A name only when the teller chose to show it.
      tellerName: showName ? tellerName : "",
      themes: story.themes.map((t) => t.themeKey),
      recognisedCount: countOf.get(story.id) ?? 0,
      recognisedByViewer: Array.isArray(reactions) && reactions.length > 0,
    })),
  };
}

/**
 * The map's pins for the same filters as the list: only what a pin needs (never the teller), at
 * most MAP_PIN_LIMIT, newest first. The map clusters them.
 */
export async function publishedStoryPins(filters: PublishedFilters) {
  const pins = await db().$queryRaw<
    { id: string; title: string; lon: number; lat: number; truncated: boolean }[]
  >`
    SELECT s.id, CASE WHEN s.title <> '' THEN s.title ELSE left(s.text, 60) END AS title,
      s.lon, s.lat, length(s.text) > 60 AND s.title = '' AS truncated
    FROM story s
    WHERE ${publishedWhere(filters)} AND s.lon IS NOT NULL AND s.lat IS NOT NULL
    ORDER BY s.created_at DESC
    LIMIT ${MAP_PIN_LIMIT}`;
  return {
    type: "FeatureCollection" as const,
    features: pins.map((pin) => ({
      type: "Feature" as const,
      properties: { id: pin.id, title: pin.truncated ? `${pin.title}…` : pin.title },
      geometry: { type: "Point" as const, coordinates: [pin.lon, pin.lat] },
    })),
  };
}

/**
 * Block 5's story signal: per theme, how many published stories of these buurten are about it and
 * their weight (each story 1 + its "herkenbaar" count), the total weight of all of them, and the
 * most recognised stories per theme. Two aggregate queries whatever the number of stories.
 */
export async function storyWeightsByTheme(buurtCodes: string[], topPerTheme = 3) {
  const [perTheme, top] = await Promise.all([
    db().$queryRaw<{ theme_key: string | null; count: number; weight: number }[]>`
      WITH s AS (
        SELECT st.id, 1 + (SELECT count(*) FROM story_reaction r WHERE r.story_id = st.id) AS weight
        FROM story st
        WHERE st.buurt_code = ANY(${buurtCodes}) AND st.status = 'published' AND st.consent_publish
      )
      SELECT NULL AS theme_key, count(*)::int AS count, coalesce(sum(weight), 0)::int AS weight
      FROM s
      UNION ALL
      SELECT t.theme_key, count(*)::int, sum(s.weight)::int
      FROM s JOIN story_theme t ON t.story_id = s.id
      GROUP BY t.theme_key`,
    db().$queryRaw<
      { theme_key: string; id: string; title: string; text: string; recognised: number }[]
    >`
      SELECT theme_key, id, title, text, recognised FROM (
        SELECT t.theme_key, st.id, st.title, st.text, r.recognised,
          row_number() OVER (PARTITION BY t.theme_key ORDER BY r.recognised DESC, st.created_at DESC) AS n
        FROM story st
        JOIN story_theme t ON t.story_id = st.id
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS recognised FROM story_reaction x WHERE x.story_id = st.id
        ) r
        WHERE st.buurt_code = ANY(${buurtCodes}) AND st.status = 'published' AND st.consent_publish
      ) ranked
      WHERE n <= ${topPerTheme}`,
  ]);
  // The row without a theme is the total over distinct stories: one with two themes counts once.
  const total = perTheme.find((r) => r.theme_key === null) ?? { count: 0, weight: 0 };
  return {
    totalCount: total.count,
    totalWeight: total.weight,
    byTheme: new Map(
      perTheme
        .filter((r) => r.theme_key !== null)
        .map((r) => [r.theme_key!, { count: r.count, weight: r.weight }]),
    ),
    topByTheme: top.reduce((map, row) => {
      map.set(row.theme_key, [...(map.get(row.theme_key) ?? []), row]);
      return map;
    }, new Map<string, typeof top>()),
  };
}

export type RecogniseOutcome = "added" | "removed" | "not-published" | "limited";

/** "Herkenbaar": one per account and story; a second click takes it back. */
export async function toggleRecognised(
  userId: string,
  storyId: string,
  ip: string,
): Promise<RecogniseOutcome> {
  const story = await db().story.findUnique({
    where: { id: storyId },
    select: { status: true, consentPublish: true },
  });
  if (story?.status !== "published" || !story.consentPublish) return "not-published";
  const limit = await reactionLimits(userId, ip);
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

/**
 * A story the public may read: published by a moderator with the teller's consent to publish
 * (withdrawing a story sets it to "withdrawn" and takes the consent back). The raw-SQL lists and
 * map pins below state the same condition as `status = 'published' AND consent_publish`.
 */
export const PUBLISHED_STORY = {
  status: "published",
  consentPublish: true,
} as const satisfies Prisma.StoryWhereInput;

export async function publishedStory(storyId: string) {
  if (!isUuid(storyId)) return null;
  return db().story.findFirst({
    where: { id: storyId, ...PUBLISHED_STORY },
    select: { id: true, buurtCode: true, title: true, text: true },
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
  ip: string,
): Promise<ReportOutcome> {
  const story = await db().story.findUnique({
    where: { id: storyId },
    select: { status: true, consentPublish: true },
  });
  if (story?.status !== "published" || !story.consentPublish) return "not-published";
  const limit = await reactionLimits(reporterId, ip);
  if (limit.limited) return "limited";
  await db().$transaction(async (tx) => {
    await tx.storyReport.create({ data: { storyId, reporterId, reason } });
    await audit(tx, reporterId, storyId, "story.reported");
  });
  return "reported";
}

// ─── Privacy: a person's own data (docs/decisions/0013-privacy-export-and-deletion.md) ──────

/** How many of a teller's stories are on the site, and how many are not (any other status). */
export async function tellerStoryCounts(tellerId: string) {
  const rows = await db().story.groupBy({
    by: ["status"],
    where: { tellerId },
    _count: { _all: true },
  });
  const published = rows.find((r) => r.status === "published")?._count._all ?? 0;
  const total = rows.reduce((sum, r) => sum + r._count._all, 0);
  return { published, notPublished: total - published };
}

/**
 * Everything the stories feature holds about one person, for their download: the stories they
 * told in every state, their "herkenbaar" reactions and their reports. Nothing of anyone else:
 * no moderator ids, and a reacted-to story's title only while it is published.
 */
export async function personalStoryData(userId: string) {
  const [stories, reactions, reports] = await Promise.all([
    db().story.findMany({
      where: { tellerId: userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        gemeenteCode: true,
        buurtCode: true,
        agendaId: true,
        title: true,
        text: true,
        originalText: true,
        lon: true,
        lat: true,
        channel: true,
        tellerName: true,
        showName: true,
        consentPublish: true,
        consentQuote: true,
        status: true,
        rejectionReason: true,
        rejectionNote: true,
        moderatedAt: true,
        createdAt: true,
        updatedAt: true,
        themes: { select: { themeKey: true }, orderBy: { themeKey: "asc" } },
      },
    }),
    db().storyReaction.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
        createdAt: true,
        story: {
          select: { id: true, buurtCode: true, title: true, status: true, consentPublish: true },
        },
      },
    }),
    db().storyReport.findMany({
      where: { reporterId: userId },
      orderBy: { createdAt: "asc" },
      select: { storyId: true, reason: true, createdAt: true, handledAt: true },
    }),
  ]);
  return {
    // originalText: the text as told, when a moderator changed it for anonymity.
    stories: stories.map(({ themes, ...story }) => ({
      ...story,
      themes: themes.map((t) => t.themeKey),
    })),
    reactions: reactions.map(({ createdAt, story }) => ({
      storyId: story.id,
      buurtCode: story.buurtCode,
      storyTitle: story.status === "published" && story.consentPublish ? story.title : null,
      createdAt,
    })),
    reports,
  };
}

export type PublishedStoriesChoice = "delete" | "keep";

/**
 * Part of deleting an account, inside the caller's transaction: every story the person told
 * that is not published is deleted; published ones are deleted or, when `keep`, stay on the site
 * without teller id, name, show-name and the pre-edit text. Their reactions, reports and the
 * story draft of this browser go too. Each story's trail gets an event.
 */
export async function eraseStoryDataOf(
  tx: Db,
  userId: string,
  options: { publishedStories: PublishedStoriesChoice; draftToken: string | null },
) {
  const told = await tx.story.findMany({
    where: { tellerId: userId },
    select: { id: true, status: true },
  });
  const keepIds = told
    .filter((s) => options.publishedStories === "keep" && s.status === "published")
    .map((s) => s.id);
  const deleteIds = told.filter((s) => !keepIds.includes(s.id)).map((s) => s.id);
  if (keepIds.length) {
    await tx.story.updateMany({
      where: { id: { in: keepIds } },
      data: { tellerId: null, tellerName: "", showName: false, originalText: null },
    });
  }
  if (deleteIds.length) {
    // Other stories may point at a deleted one as its duplicate or repeat.
    await tx.story.updateMany({
      where: { duplicateOfId: { in: deleteIds } },
      data: { duplicateOfId: null },
    });
    await tx.story.updateMany({
      where: { repeatOfId: { in: deleteIds } },
      data: { repeatOfId: null },
    });
    // Themes, reactions and reports on these stories go with them (ON DELETE CASCADE).
    await tx.story.deleteMany({ where: { id: { in: deleteIds } } });
  }
  const reactions = await tx.storyReaction.deleteMany({ where: { userId } });
  const reports = await tx.storyReport.deleteMany({ where: { reporterId: userId } });
  if (options.draftToken) await tx.storyDraft.deleteMany({ where: { token: options.draftToken } });
  for (const [ids, action] of [
    [keepIds, "story.teller_account_deleted"],
    [deleteIds, "story.deleted_with_account"],
  ] as const) {
    for (const storyId of ids) {
      await recordAuditEvent(tx, {
        actorId: userId,
        action,
        subjectType: "story",
        subjectId: storyId,
      });
    }
  }
  return {
    storiesKept: keepIds.length,
    storiesDeleted: deleteIds.length,
    reactionsRemoved: reactions.count,
    reportsRemoved: reports.count,
  };
}

// ─── Moderation digest (notifications.server.ts) ────────────────────────────

/**
 * What waits in an actor's moderation queue, for the morning digest: new stories, reported
 * published stories, and since when the oldest waits (a reported story since its oldest open
 * report). One grouped count, plus one aggregate when something was reported.
 */
export async function waitingStoryCounts(actor: Actor) {
  const scope = moderationScope(actor);
  if (!scope) return { submitted: 0, reported: 0, oldestSince: null };
  const groups = await db().story.groupBy({
    by: ["status"],
    where: { AND: [scope, await waitingFilter(undefined)] },
    _count: { _all: true },
    _min: { createdAt: true },
  });
  const submitted = groups.find((g) => g.status === "submitted");
  const reported = groups.find((g) => g.status === "published")?._count._all ?? 0;
  const oldestReport = reported
    ? await db().storyReport.aggregate({
        where: { handledAt: null, story: { AND: [scope, { status: "published" }] } },
        _min: { createdAt: true },
      })
    : null;
  const since = [submitted?._min.createdAt, oldestReport?._min.createdAt].filter(
    (d): d is Date => d instanceof Date,
  );
  return {
    submitted: submitted?._count._all ?? 0,
    reported,
    oldestSince: since.length ? new Date(Math.min(...since.map((d) => d.getTime()))) : null,
  };
}

// ─── Stories as evidence (block 5) ──────────────────────────────────────────

/**
 * The stories of these ids that may serve as evidence for an agenda of these buurten: published
 * with consent, in the area. Anything else is left out, so the caller can tell a forged id.
 */
export async function publishedStoriesAmong(ids: string[], buurtCodes: string[]) {
  if (ids.length === 0) return [];
  return db().story.findMany({
    where: {
      id: { in: ids.filter((id) => isUuid(id)) },
      buurtCode: { in: buurtCodes },
      ...PUBLISHED_STORY,
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, text: true, buurtCode: true, createdAt: true },
  });
}

/** The most recognised published stories of an area: the choices for a finding's evidence. */
/** Published stories of the area whose teller allowed quoting: what the agenda text may quote. */
export async function quotableStories(buurtCodes: string[], limit = 200) {
  const stories = await db().story.findMany({
    where: {
      buurtCode: { in: buurtCodes },
      ...PUBLISHED_STORY,
      consentQuote: true,
    },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, title: true, text: true },
  });
  return stories.map((s) => ({
    id: s.id,
    title: s.title || `${s.text.slice(0, 80)}${s.text.length > 80 ? "…" : ""}`,
  }));
}

export async function mostRecognisedStories(buurtCodes: string[], limit = 40) {
  const rows = await db().$queryRaw<
    { id: string; title: string; text: string; buurt_code: string; recognised: number }[]
  >`
    SELECT s.id, s.title, s.text, s.buurt_code,
      (SELECT count(*) FROM story_reaction r WHERE r.story_id = s.id)::int AS recognised
    FROM story s
    WHERE s.buurt_code = ANY(${buurtCodes}) AND s.status = 'published' AND s.consent_publish
    ORDER BY recognised DESC, s.created_at DESC
    LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    text: r.text,
    buurtCode: r.buurt_code,
    recognised: r.recognised,
  }));
}
