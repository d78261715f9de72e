import { randomBytes } from "node:crypto";
import type PgBoss from "pg-boss";
import { href } from "react-router";
import { recordAuditEvent } from "../../shared/audit.server";
import { db } from "../../shared/db.server";
import { sendEmailOnce } from "../../shared/email/send-once.server";
import { backgroundOrigin } from "../../shared/env.server";
import { translate, type Locale } from "../../shared/i18n/i18n";
import { QUEUES, type QueueJob } from "../../shared/queue.server";
import { mailRecipient } from "../auth/recipients.server";
import { documentMessages } from "./document.messages";

// Following a buurtagenda by email (issue 7): a signed-in person follows or stops; every mail
// carries a link that stops it without signing in. When a version is published, the queue
// (decision 0012) mails every follower once.

/** The agendas a person follows: part of their data download. */
export async function followedAgendas(userId: string) {
  return db().agendaFollower.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { agendaId: true, createdAt: true },
  });
}

export async function isFollowing(agendaId: string, userId: string): Promise<boolean> {
  return (await db().agendaFollower.count({ where: { agendaId, userId } })) > 0;
}

export async function follow(agendaId: string, userId: string, following: boolean) {
  await db().$transaction(async (tx) => {
    if (following) {
      await tx.agendaFollower.upsert({
        where: { agendaId_userId: { agendaId, userId } },
        create: { agendaId, userId, unsubscribeToken: randomBytes(18).toString("base64url") },
        update: {},
      });
    } else {
      await tx.agendaFollower.deleteMany({ where: { agendaId, userId } });
    }
    await recordAuditEvent(tx, {
      actorId: userId,
      action: following ? "agenda.followed" : "agenda.unfollowed",
      subjectType: "buurtagenda",
      subjectId: agendaId,
    });
  });
}

/** The agenda a stop link is for; null for an unknown (or already used) link. */
export async function followerByToken(token: string) {
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(token)) return null;
  return db().agendaFollower.findUnique({
    where: { unsubscribeToken: token },
    select: { agendaId: true, userId: true, agenda: { select: { title: true } } },
  });
}

export async function unfollowByToken(token: string): Promise<boolean> {
  const follower = await followerByToken(token);
  if (!follower) return false;
  await follow(follower.agendaId, follower.userId, false);
  return true;
}

export interface AgendaPublishedJob {
  agendaId: string;
  number: number;
}

function t(locale: Locale, key: keyof typeof documentMessages.nl, vars?: Record<string, string>) {
  return translate(documentMessages, locale, key, vars);
}

/**
 * One mail to every follower of an agenda (with a verified address), in their language, each
 * with its own stop link; `key` makes a retried job mail nobody twice.
 */
export async function mailAgendaFollowers(
  agendaId: string,
  key: string,
  message: (locale: Locale, agendaTitle: string) => { subject: string; paragraphs: string[] },
): Promise<void> {
  const agenda = await db().buurtagenda.findUnique({
    where: { id: agendaId },
    select: { title: true, followers: { select: { userId: true, unsubscribeToken: true } } },
  });
  if (!agenda) return;
  const origin = backgroundOrigin();
  const failures: unknown[] = [];
  for (const follower of agenda.followers) {
    try {
      const recipient = await mailRecipient(follower.userId);
      if (!recipient) continue;
      const { locale } = recipient;
      const { subject, paragraphs } = message(locale, agenda.title);
      const stop = `${origin}${href("/volgen/stoppen/:token", { token: follower.unsubscribeToken })}`;
      await sendEmailOnce(
        { key: `${key}:${follower.userId}`, userId: follower.userId, kind: key.split(":")[0]! },
        {
          to: recipient.email,
          subject,
          // One-click unsubscribe (RFC 8058): the mail client POSTs to the stop link itself.
          headers: {
            "List-Unsubscribe": `<${stop}>`,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
          },
          text: [
            t(locale, "followMailHello"),
            ...paragraphs,
            t(locale, "followMailStop", { url: stop }),
            "Buurtagenda",
          ].join("\n\n"),
        },
      );
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length) throw new AggregateError(failures, "Mail to followers failed");
}

async function mailFollowers(job: PgBoss.Job<AgendaPublishedJob>): Promise<void> {
  const { agendaId, number } = job.data;
  const url = `${backgroundOrigin()}${href("/buurtagenda/:id/versie/:number", { id: agendaId, number: String(number) })}`;
  await mailAgendaFollowers(
    agendaId,
    `agenda.published:${agendaId}:${number}`,
    (locale, title) => ({
      subject: t(locale, "followMailSubject", { title }),
      paragraphs: [
        t(locale, "followMailBody", { title, number: String(number) }),
        t(locale, "followMailLink", { url }),
      ],
    }),
  );
}

export async function handleAgendaPublished(jobs: PgBoss.Job<AgendaPublishedJob>[]) {
  for (const job of jobs) await mailFollowers(job);
}

export const documentJobs: QueueJob[] = [
  { queue: QUEUES.agendaPublished, handle: handleAgendaPublished as QueueJob["handle"] },
];
