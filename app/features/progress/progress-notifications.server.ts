import type PgBoss from "pg-boss";
import { href } from "react-router";
import { db } from "../../shared/db.server";
import { sendEmailOnce } from "../../shared/email/send-once.server";
import { backgroundOrigin } from "../../shared/env.server";
import { formatDate, translate, type Locale } from "../../shared/i18n/i18n";
import { QUEUES, type QueueJob } from "../../shared/queue.server";
import { dutchToday } from "../../shared/validation";
import { mailRecipient } from "../auth/recipients.server";
import { mailAgendaFollowers } from "../document/followers.server";
import { documentMessages } from "../document/document.messages";
import { progressMessages } from "./progress.messages";

// Mail about progress (issue 8, through the queue of decision 0012): followers of a buurtagenda
// hear when an agreement changes status; every morning the owners of overdue agreements are
// reminded once per end date.

function t(locale: Locale, key: keyof typeof progressMessages.nl, vars?: Record<string, string>) {
  return translate(progressMessages, locale, key, vars);
}

const statusLabel = (locale: Locale, status: string) =>
  translate(documentMessages, locale, `status_${status}` as keyof typeof documentMessages.nl);

async function mailStatusChange(job: PgBoss.Job<{ updateId: string }>) {
  const update = await db().agreementUpdate.findUnique({
    where: { id: job.data.updateId },
    include: { agreement: { select: { title: true, agendaId: true } } },
  });
  if (!update) return;
  const { agendaId, title: agreement } = update.agreement;
  const url = `${backgroundOrigin()}${href("/buurtagenda/:id", { id: agendaId })}`;
  await mailAgendaFollowers(agendaId, `agreement.status:${update.id}`, (locale, title) => ({
    subject: t(locale, "mailStatusSubject", { title }),
    paragraphs: [
      t(locale, "mailStatusBody", { agreement, status: statusLabel(locale, update.status) }),
      ...(update.note ? [t(locale, "mailStatusNote", { note: update.note })] : []),
      t(locale, "mailStatusLink", { url }),
    ],
  }));
}

/** Each overdue agreement's owners (members of its organisation) get one reminder per end date. */
export async function sendOverdueNotices(today = dutchToday()): Promise<number> {
  const overdue = await db().agreement.findMany({
    where: {
      dueOn: { lt: new Date(`${today}T00:00:00Z`) },
      status: { notIn: ["done", "dropped"] },
    },
    select: {
      id: true,
      title: true,
      agendaId: true,
      dueOn: true,
      owner: { select: { organisation: { select: { members: { select: { userId: true } } } } } },
    },
  });
  let sent = 0;
  const failures: unknown[] = [];
  for (const agreement of overdue) {
    const due = agreement.dueOn.toISOString().slice(0, 10);
    const url = `${backgroundOrigin()}${href("/buurtagenda/:id/afspraken/:agreement", { id: agreement.agendaId, agreement: agreement.id })}`;
    for (const { userId } of agreement.owner.organisation.members) {
      try {
        const recipient = await mailRecipient(userId);
        if (!recipient) continue;
        const { locale } = recipient;
        const mailed = await sendEmailOnce(
          {
            key: `agreement.overdue:${agreement.id}:${due}:${userId}`,
            userId,
            kind: "agreement.overdue",
          },
          {
            to: recipient.email,
            subject: t(locale, "mailOverdueSubject", { agreement: agreement.title }),
            text: [
              t(locale, "mailHello"),
              t(locale, "mailOverdueBody", {
                agreement: agreement.title,
                date: formatDate(agreement.dueOn, locale),
              }),
              t(locale, "mailOverdueLink", { url }),
              "Buurtagenda",
            ].join("\n\n"),
          },
        );
        if (mailed) sent++;
      } catch (error) {
        failures.push(error);
      }
    }
  }
  if (failures.length) throw new AggregateError(failures, "Overdue notices failed");
  return sent;
}

export async function handleAgreementStatus(jobs: PgBoss.Job<{ updateId: string }>[]) {
  for (const job of jobs) await mailStatusChange(job);
}

export const progressJobs: QueueJob[] = [
  { queue: QUEUES.agreementStatus, handle: handleAgreementStatus as QueueJob["handle"] },
  {
    queue: QUEUES.overdueCheck,
    handle: async () => {
      await sendOverdueNotices();
    },
    // Every morning at 8:00, after the moderators' digest.
    schedule: { cron: "0 8 * * *", tz: "Europe/Amsterdam" },
  },
];
