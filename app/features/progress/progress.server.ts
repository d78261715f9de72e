import { recordAuditEvent } from "../../shared/audit.server";
import { db } from "../../shared/db.server";
import { enqueueInTransaction, QUEUES } from "../../shared/queue.server";
import { dutchToday } from "../../shared/validation";
import type { AgendaResource } from "../agenda/agenda.server";
import { can } from "../auth/permissions";
import type { CurrentUser } from "../auth/session.server";
import { isOverdue as isOverdueOn } from "./dashboard";
import type { ProgressInput } from "./progress.schema";
import { isUuid } from "../../shared/uuid";

// Progress on agreements after publication (issue 8): the owner's dated updates, the status they
// set, and which agreements are overdue. The only code that writes agreement_update.

/** Overdue as of today in the Netherlands (see dashboard.ts). */
export function isOverdue(agreement: { dueOn: Date; status: string }, today = dutchToday()) {
  return isOverdueOn(agreement, today);
}

/** Whether this person acts for the agreement's owner (a member of its organisation). */
export function ownsAgreement(
  user: CurrentUser | null,
  agenda: AgendaResource,
  owner: { organisationId: string },
): boolean {
  return can(user, "agreement.progress", {
    kind: "organisation",
    organisationId: owner.organisationId,
    gemeenteCode: agenda.gemeenteCode,
  });
}

export type ProgressOutcome = "saved" | "not-owner" | "unknown";

/**
 * The owner reports progress: a new update, the agreement's status set to it, one transaction;
 * when the status changes, followers of the agenda are mailed through the queue.
 */
export async function reportProgress(
  user: CurrentUser,
  agenda: AgendaResource,
  agreementId: string,
  input: ProgressInput,
): Promise<ProgressOutcome> {
  if (!isUuid(agreementId)) return "unknown";
  const agreement = await db().agreement.findFirst({
    where: { id: agreementId, agendaId: agenda.agendaId },
    select: { id: true, owner: { select: { organisationId: true } } },
  });
  if (!agreement) return "unknown";
  if (!ownsAgreement(user, agenda, agreement.owner)) return "not-owner";
  await db().$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text AS status FROM agreement WHERE id = ${agreementId}::uuid FOR UPDATE`;
    const before = rows[0]?.status;
    const update = await tx.agreementUpdate.create({
      data: {
        agreementId,
        status: input.status,
        note: input.note,
        link: input.link,
        happenedOn: new Date(`${input.happenedOn}T00:00:00Z`),
        authorId: user.id,
      },
    });
    await tx.agreement.update({ where: { id: agreementId }, data: { status: input.status } });
    if (before !== input.status) {
      await enqueueInTransaction(tx, QUEUES.agreementStatus, { updateId: update.id });
    }
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "agreement.progress",
      subjectType: "buurtagenda",
      subjectId: agenda.agendaId,
      details: { agreementId, updateId: update.id, from: before, to: input.status },
    });
  });
  return "saved";
}

/** The updates of an agreement, newest first, with the owner's name (not the person's). */
export async function progressOf(agreementId: string) {
  return db().agreementUpdate.findMany({
    where: { agreementId },
    orderBy: [{ happenedOn: "desc" }, { createdAt: "desc" }],
    select: { id: true, status: true, note: true, link: true, happenedOn: true, createdAt: true },
  });
}
