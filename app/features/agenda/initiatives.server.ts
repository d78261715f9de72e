import { recordAuditEvent } from "../../shared/audit.server";
import { db } from "../../shared/db.server";
import { pointInArea, type AreaGeometry } from "../territory/geo";
import type { InitiativeInput } from "./agenda.schema";

// Existing initiatives in the agenda's area: what is already there to build on.

export async function listInitiatives(agendaId: string) {
  return db().initiative.findMany({ where: { agendaId }, orderBy: { createdAt: "asc" } });
}

export async function addInitiative(
  actorId: string,
  agendaId: string,
  input: InitiativeInput,
): Promise<"added" | "outside-area"> {
  if (input.lon !== null && input.lat !== null) {
    const buurten = await db().buurtagendaBuurt.findMany({
      where: { agendaId },
      select: { buurt: { select: { geometry: true } } },
    });
    const geometries = buurten
      .map((b) => b.buurt.geometry as unknown as AreaGeometry)
      .filter(Boolean);
    if (!pointInArea({ lon: input.lon, lat: input.lat }, geometries)) return "outside-area";
  }
  await db().$transaction(async (tx) => {
    const initiative = await tx.initiative.create({
      data: {
        agendaId,
        title: input.title,
        organiser: input.organiser,
        place: input.place,
        contact: input.contact,
        description: input.description,
        since: input.since ? new Date(`${input.since}-01T00:00:00Z`) : null,
        lon: input.lon,
        lat: input.lat,
        createdById: actorId,
      },
    });
    await recordAuditEvent(tx, {
      actorId,
      action: "initiative.added",
      subjectType: "buurtagenda",
      subjectId: agendaId,
      details: { initiativeId: initiative.id, title: input.title },
    });
  });
  return "added";
}

export async function removeInitiative(actorId: string, agendaId: string, initiativeId: string) {
  await db().$transaction(async (tx) => {
    const initiative = await tx.initiative.findFirst({ where: { id: initiativeId, agendaId } });
    if (!initiative) return;
    await tx.initiative.delete({ where: { id: initiative.id } });
    await recordAuditEvent(tx, {
      actorId,
      action: "initiative.removed",
      subjectType: "buurtagenda",
      subjectId: agendaId,
      details: { title: initiative.title },
    });
  });
}
