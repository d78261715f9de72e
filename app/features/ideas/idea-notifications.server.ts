import type PgBoss from "pg-boss";
import { href } from "react-router";
import { db } from "../../shared/db.server";
import { sendEmailOnce } from "../../shared/email/send-once.server";
import { backgroundOrigin } from "../../shared/env.server";
import { formatDate, translate, type Locale } from "../../shared/i18n/i18n";
import { QUEUES, type QueueJob } from "../../shared/queue.server";
import { mailRecipient } from "../auth/recipients.server";
import { ideasMessages } from "./ideas.messages";

// Mail when the gemeente judges an idea (queued by judgeIdea in its own transaction): the
// proposer and everyone who supports it hear the answer and why. Through sendEmailOnce, so a
// retried job mails nobody twice.

export interface IdeaJudgedJob {
  judgementId: string;
}

function t(locale: Locale, key: keyof typeof ideasMessages.nl, vars?: Record<string, string>) {
  return translate(ideasMessages, locale, key, vars);
}

async function notifyAboutJudgement(job: PgBoss.Job<IdeaJudgedJob>): Promise<void> {
  const judgement = await db().feasibilityJudgement.findUnique({
    where: { id: job.data.judgementId },
    include: {
      idea: {
        select: {
          id: true,
          agendaId: true,
          title: true,
          status: true,
          proposerId: true,
          supports: { select: { userId: true } },
          // Only the newest judgement is news; a later one sends its own mail.
          judgements: { orderBy: { createdAt: "desc" }, take: 1, select: { id: true } },
        },
      },
    },
  });
  const idea = judgement?.idea;
  if (!judgement || !idea || idea.status !== "published") return;
  if (idea.judgements[0]?.id !== judgement.id) return;
  const url = `${backgroundOrigin()}${href("/buurtagenda/:id/ideeen/:idea", { id: idea.agendaId, idea: idea.id })}`;
  const people = new Map<string, "proposer" | "supporter">();
  for (const s of idea.supports) people.set(s.userId, "supporter");
  if (idea.proposerId) people.set(idea.proposerId, "proposer");
  const failures: unknown[] = [];
  for (const [userId, relation] of people) {
    try {
      const recipient = await mailRecipient(userId);
      if (!recipient) continue;
      const { locale } = recipient;
      const text = [
        t(locale, "mailHello"),
        t(locale, relation === "proposer" ? "mailProposer" : "mailSupporter", {
          title: idea.title,
        }),
        t(locale, "mailVerdict", { verdict: t(locale, `verdict_${judgement.verdict}`) }),
        judgement.reason ? t(locale, "mailReason", { reason: judgement.reason }) : null,
        judgement.decisionBy ? t(locale, "mailDecisionBy", { by: judgement.decisionBy }) : null,
        judgement.decisionDue
          ? t(locale, "mailDecisionDue", { date: formatDate(judgement.decisionDue, locale) })
          : null,
        t(locale, "mailLink", { url }),
        t(locale, "mailWhy"),
        t(locale, "mailSignature"),
      ]
        .filter((p): p is string => p !== null)
        .join("\n\n");
      await sendEmailOnce(
        { key: `idea.judged:${judgement.id}:${userId}`, userId, kind: "idea.judged" },
        { to: recipient.email, subject: t(locale, "mailSubject"), text },
      );
    } catch (error) {
      // The others still get theirs; the retry sends only what is missing.
      failures.push(error);
    }
  }
  if (failures.length) throw new AggregateError(failures, "Idea judgement mail failed");
}

export async function handleIdeaJudgements(jobs: PgBoss.Job<IdeaJudgedJob>[]): Promise<void> {
  for (const job of jobs) await notifyAboutJudgement(job);
}

export const ideaJobs: QueueJob[] = [
  { queue: QUEUES.ideaJudged, handle: handleIdeaJudgements as QueueJob["handle"] },
];
