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

/** The events one person caused, oldest first: part of their data download (decision 0013). */
export async function auditEventsByActor(tx: Db, actorId: string) {
  const events = await tx.auditEvent.findMany({
    where: { actorId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      action: true,
      subjectType: true,
      subjectId: true,
      details: true,
      createdAt: true,
    },
  });
  return events.map((e) => ({ ...e, id: e.id.toString() }));
}
