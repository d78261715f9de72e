import type { Db, Prisma } from "./db.server";

export interface AuditEventInput {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Prisma.InputJsonObject;
}

/** Append one event to the audit trail; call it inside the transaction of the change it records. */
export async function recordAuditEvent(tx: Db, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({ data: { ...event, details: event.details ?? {} } });
}
