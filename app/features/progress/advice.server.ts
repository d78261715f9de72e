import { recordAuditEvent } from "../../shared/audit.server";
import { db } from "../../shared/db.server";
import type { AgendaResource } from "../agenda/agenda.server";
import { accountNames } from "../auth/recipients.server";
import { ANSWER_WITHIN_DAYS, type AdviceInput, type AnswerInput } from "./advice.schema";
import { isUuid } from "../../shared/uuid";

// The advisory council's review notes and formal advice on a buurtagenda, and the gemeente's
// answers (issue 8). Kept, never edited; the only code that writes council_advice.

const DAY = 24 * 60 * 60 * 1000;

export async function adviceOf(agendaId: string, now = new Date()) {
  const items = await db().councilAdvice.findMany({
    where: { agendaId },
    orderBy: { createdAt: "desc" },
  });
  const names = await accountNames(
    items.flatMap((i) => [i.authorId, ...(i.answeredById ? [i.answeredById] : [])]),
  );
  return items.map((item) => ({
    ...item,
    author: names.get(item.authorId) ?? "",
    answeredBy: item.answeredById ? (names.get(item.answeredById) ?? "") : null,
    /** Formal advice that waits for an answer longer than six weeks. */
    late:
      item.kind === "advice" &&
      !item.answer &&
      now.getTime() - item.createdAt.getTime() > ANSWER_WITHIN_DAYS * DAY,
  }));
}

export type AdviceOutcome = { ok: true } | { ok: false; error: "versionUnknown" };

export async function writeAdvice(
  actorId: string,
  agenda: AgendaResource,
  input: AdviceInput,
): Promise<AdviceOutcome> {
  if (input.version !== null) {
    const exists = await db().agendaVersion.count({
      where: { agendaId: agenda.agendaId, number: input.version },
    });
    if (!exists) return { ok: false, error: "versionUnknown" };
  }
  await db().$transaction(async (tx) => {
    const advice = await tx.councilAdvice.create({
      data: {
        agendaId: agenda.agendaId,
        versionNumber: input.version,
        kind: input.kind,
        title: input.title,
        text: input.text,
        attachment: input.attachment,
        authorId: actorId,
      },
    });
    await recordAuditEvent(tx, {
      actorId,
      action: input.kind === "advice" ? "advice.written" : "review.written",
      subjectType: "buurtagenda",
      subjectId: agenda.agendaId,
      details: { adviceId: advice.id },
    });
  });
  return { ok: true };
}

/** The gemeente answers formal advice once; an answer is never changed. */
export async function answerAdvice(
  actorId: string,
  agenda: AgendaResource,
  input: AnswerInput,
): Promise<boolean> {
  if (!isUuid(input.adviceId)) return false;
  return db().$transaction(async (tx) => {
    const changed = await tx.councilAdvice.updateMany({
      where: { id: input.adviceId, agendaId: agenda.agendaId, kind: "advice", answer: null },
      data: {
        answer: input.answer,
        answerReason: input.reason,
        answeredById: actorId,
        answeredAt: new Date(),
      },
    });
    if (changed.count === 0) return false;
    await recordAuditEvent(tx, {
      actorId,
      action: "advice.answered",
      subjectType: "buurtagenda",
      subjectId: agenda.agendaId,
      details: { adviceId: input.adviceId, answer: input.answer },
    });
    return true;
  });
}
