import type PgBoss from "pg-boss";
import { href } from "react-router";
import { db } from "../../shared/db.server";
import { sendEmailOnce } from "../../shared/email/send-once.server";
import { backgroundOrigin } from "../../shared/env.server";
import { formatDateTime, translate, type Locale } from "../../shared/i18n/i18n";
import { QUEUES, type QueueJob } from "../../shared/queue.server";
import { mailRecipient, moderatorRecipients } from "../auth/recipients.server";
import { notificationMessages } from "./notifications.messages";
import { storiesMessages } from "./stories.messages";
import { waitingStoryCounts } from "./stories.server";

// Mail about stories, sent by the background queue (decision 0012): the teller hears when their
// story is published, rejected or edited for anonymity (queued by the moderation command in its
// own transaction), and every moderator gets a morning digest of what waits in their area.
// Every mail goes through sendEmailOnce, so a retried job never mails twice.

export type StoryNotificationKind = "published" | "rejected" | "anonymised";

/** The job's data; the rest is read when the job runs, so the job holds no story text. */
export interface StoryNotification {
  kind: StoryNotificationKind;
  storyId: string;
}

/** Every morning at 7:00, Dutch time. */
export const DIGEST_CRON = "0 7 * * *";
export const DIGEST_TIME_ZONE = "Europe/Amsterdam";

function t(
  locale: Locale,
  key: keyof typeof notificationMessages.nl,
  vars?: Record<string, string | number>,
) {
  return translate(notificationMessages, locale, key, vars);
}

function mailText(locale: Locale, paragraphs: (string | null)[]): string {
  return [
    t(locale, "hello"),
    ...paragraphs.filter((p): p is string => !!p),
    t(locale, "signature"),
  ].join("\n\n");
}

/** Whether the story is still in the state the mail is about (e.g. not withdrawn meanwhile). */
function stillApplies(kind: StoryNotificationKind, status: string): boolean {
  switch (kind) {
    case "published":
      return status === "published";
    case "rejected":
      return status === "rejected";
    case "anonymised":
      return status !== "withdrawn";
  }
}

/** One mail to the teller of one story; nothing for a story without a teller account. */
async function notifyTeller(job: PgBoss.Job<StoryNotification>): Promise<void> {
  const { kind, storyId } = job.data;
  const story = await db().story.findUnique({
    where: { id: storyId },
    select: {
      tellerId: true,
      buurtCode: true,
      title: true,
      status: true,
      rejectionReason: true,
      rejectionNote: true,
    },
  });
  if (!story?.tellerId || !stillApplies(kind, story.status)) return;
  const teller = await mailRecipient(story.tellerId);
  if (!teller) return;
  const { locale } = teller;
  const origin = backgroundOrigin();
  const myStoriesUrl = `${origin}${href("/mijn-verhalen")}`;
  const title = story.title.trim() ? t(locale, "aboutTitle", { title: story.title.trim() }) : null;
  let subject: string;
  let paragraphs: (string | null)[];
  if (kind === "published") {
    const url = `${origin}${href("/buurt/:code", { code: story.buurtCode })}#verhaal-${storyId}`;
    subject = t(locale, "publishedSubject");
    paragraphs = [
      title,
      t(locale, "publishedBody", { url }),
      t(locale, "publishedEnd", { myStoriesUrl }),
    ];
  } else if (kind === "rejected") {
    const reason = translate(storiesMessages, locale, `reason_${story.rejectionReason ?? "other"}`);
    const note = story.rejectionNote.trim();
    subject = t(locale, "rejectedSubject");
    paragraphs = [
      title,
      t(locale, "rejectedBody", { reason }),
      note ? t(locale, "rejectedNote", { note }) : null,
      t(locale, "rejectedEnd", { myStoriesUrl }),
    ];
  } else {
    subject = t(locale, "anonymisedSubject");
    paragraphs = [title, t(locale, "anonymisedBody"), t(locale, "anonymisedEnd", { myStoriesUrl })];
  }
  await sendEmailOnce(
    { key: `story.${kind}:${storyId}:${job.id}`, userId: teller.id, kind: `story.${kind}` },
    { to: teller.email, subject, text: mailText(locale, paragraphs) },
  );
}

/** The worker's handler for the story-notification queue (pg-boss 10 hands an array). */
export async function handleStoryNotifications(
  jobs: PgBoss.Job<StoryNotification>[],
): Promise<void> {
  for (const job of jobs) await notifyTeller(job);
}

/** "2026-12-01": the calendar day in the Netherlands, for the digest's once-a-day key. */
function dutchDay(moment: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: DIGEST_TIME_ZONE }).format(moment);
}

/**
 * The morning digest: for each moderator, one mail with what waits in their own area, or none
 * when nothing waits. One query for the moderators, then two aggregate queries per moderator
 * (their areas differ, so their counts cannot share one query without repeating the scope rules).
 * The key holds the day the job was created, so a retry after midnight still counts as that day.
 */
export async function sendModerationDigest(createdOn: Date = new Date()): Promise<number> {
  const day = dutchDay(createdOn);
  const moderators = await moderatorRecipients();
  const url = `${backgroundOrigin()}${href("/moderatie")}`;
  let sent = 0;
  const failures: unknown[] = [];
  for (const moderator of moderators) {
    try {
      const waiting = await waitingStoryCounts(moderator);
      if (waiting.submitted + waiting.reported === 0 || !waiting.oldestSince) continue;
      const { locale } = moderator;
      const count = (key: "digestSubmitted" | "digestReported", n: number) =>
        `- ${t(locale, n === 1 ? `${key}_one` : `${key}_other`, { count: n })}`;
      const text = mailText(locale, [
        [
          t(locale, "digestIntro"),
          count("digestSubmitted", waiting.submitted),
          count("digestReported", waiting.reported),
        ].join("\n"),
        t(locale, "digestOldest", { since: formatDateTime(waiting.oldestSince, locale) }),
        t(locale, "digestLink", { url }),
        t(locale, "digestWhy"),
      ]);
      const mailed = await sendEmailOnce(
        { key: `digest:${moderator.id}:${day}`, userId: moderator.id, kind: "digest" },
        {
          to: moderator.email,
          subject: t(locale, "digestSubject", { count: waiting.submitted + waiting.reported }),
          text,
        },
      );
      if (mailed) sent++;
    } catch (error) {
      // The others still get theirs; the job fails afterwards and its retry sends only what is missing.
      failures.push(error);
    }
  }
  if (failures.length) {
    throw new AggregateError(failures, `Digest: ${failures.length} mail(s) could not be sent`);
  }
  return sent;
}

/** The worker's handler for the digest queue (filled by its schedule). */
export async function handleModerationDigest(
  jobs: PgBoss.JobWithMetadata<object>[],
): Promise<void> {
  for (const job of jobs) await sendModerationDigest(job.createdOn);
}

/** What the worker runs for this feature (registered by startQueueWorker). */
export const storyJobs: QueueJob[] = [
  { queue: QUEUES.storyNotification, handle: handleStoryNotifications as QueueJob["handle"] },
  {
    queue: QUEUES.moderationDigest,
    handle: handleModerationDigest,
    schedule: { cron: DIGEST_CRON, tz: DIGEST_TIME_ZONE },
  },
];
