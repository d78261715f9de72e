import { AsyncLocalStorage } from "node:async_hooks";
import type { Db, Prisma } from "./db.server";

export interface AuditEventInput {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  details?: Prisma.InputJsonObject;
  /** "refused" for an attempt the app turned down; the default is "success". */
  result?: "success" | "refused";
}

export interface AuditOrigin {
  origin: "web" | "job" | "script";
  ip?: string;
}

// Where an event comes from is known where the work starts (the HTTP server, the queue worker),
// not where the event is written; AsyncLocalStorage carries it there. Kept on globalThis: the
// start script and the server bundle each have their own copy of this module (like the queue).
const KEY = Symbol.for("buurtagenda.audit-origin");
const holder = globalThis as { [KEY]?: AsyncLocalStorage<AuditOrigin> };
const origins = (holder[KEY] ??= new AsyncLocalStorage<AuditOrigin>());

/** Runs `work` with every audit event it records marked as coming from `origin`. */
export function withAuditOrigin<T>(origin: AuditOrigin, work: () => T): T {
  return origins.run(origin, work);
}

/** Append one event to the audit trail; call it inside the transaction of the change it records. */
export async function recordAuditEvent(tx: Db, event: AuditEventInput): Promise<void> {
  const { origin, ip } = origins.getStore() ?? { origin: "script" };
  await tx.auditEvent.create({
    data: { ...event, details: event.details ?? {}, origin, ip: ip ?? null },
  });
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
