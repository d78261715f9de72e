import { recordAuditEvent } from "../../shared/audit.server";
import { db } from "../../shared/db.server";
import type { AgendaResource } from "../agenda/agenda.server";
import { accountNames } from "../auth/recipients.server";
import type { CouncilViewInput, EvaluationInput } from "./evaluation.schema";
import { isUuid } from "../../shared/uuid";

// Evaluations of a buurtagenda (issue 8): after a project and yearly, what it brought residents,
// organisations and the municipality, the bottlenecks and what changes, linked to the agreements
// it covers; the advisory council adds its view. The only code that writes the evaluation tables.

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Newest period first; `publicOnly` for the public buurtagenda page. */
export async function evaluationsOf(agendaId: string, { publicOnly = false } = {}) {
  const items = await db().evaluation.findMany({
    where: { agendaId, ...(publicOnly ? { isPublic: true } : {}) },
    orderBy: [{ periodTo: "desc" }, { createdAt: "desc" }],
    include: {
      agreements: {
        select: { agreement: { select: { id: true, title: true, status: true } } },
        orderBy: { agreement: { title: "asc" } },
      },
    },
  });
  const names = await accountNames(
    items.flatMap((i) => [i.authorId, ...(i.councilViewById ? [i.councilViewById] : [])]),
  );
  return items.map(({ agreements, ...item }) => ({
    ...item,
    agreements: agreements.map((a) => a.agreement),
    // Names of the people who wrote it are for the workspace only, not the public page.
    author: publicOnly ? null : (names.get(item.authorId) ?? ""),
    councilViewBy:
      publicOnly || !item.councilViewById ? null : (names.get(item.councilViewById) ?? ""),
  }));
}

/** The agreements an evaluation can cover: all of this buurtagenda's, by end date. */
export function evaluationChoices(agendaId: string) {
  return db().agreement.findMany({
    where: { agendaId },
    orderBy: [{ dueOn: "asc" }, { title: "asc" }],
    select: { id: true, title: true },
  });
}

export type EvaluationOutcome = { ok: true; id: string } | { ok: false; error: "agreementForeign" };

/** Writes a new evaluation, or changes one when `evaluationId` is given; links replaced whole. */
export async function saveEvaluation(
  actorId: string,
  agenda: AgendaResource,
  input: EvaluationInput,
  evaluationId?: string,
): Promise<EvaluationOutcome | null> {
  if (evaluationId !== undefined && !isUuid(evaluationId)) return null;
  const agreementIds = [...new Set(input.agreements)];
  if (!agreementIds.every((id) => isUuid(id))) return { ok: false, error: "agreementForeign" };
  return db().$transaction(async (tx) => {
    const found = await tx.agreement.count({
      where: { id: { in: agreementIds }, agendaId: agenda.agendaId },
    });
    // An agreement of another buurtagenda (a forged form) is refused whole.
    if (found !== agreementIds.length) return { ok: false, error: "agreementForeign" } as const;
    const data = {
      kind: input.kind,
      title: input.title,
      periodFrom: date(input.periodFrom),
      periodTo: date(input.periodTo),
      forResidents: input.forResidents,
      forOrganisations: input.forOrganisations,
      forMunicipality: input.forMunicipality,
      bottlenecks: input.bottlenecks,
      changes: input.changes,
      isPublic: input.isPublic,
    };
    let id: string;
    if (evaluationId) {
      const changed = await tx.evaluation.updateMany({
        where: { id: evaluationId, agendaId: agenda.agendaId },
        data,
      });
      if (changed.count === 0) return null;
      id = evaluationId;
      await tx.evaluationAgreement.deleteMany({ where: { evaluationId: id } });
    } else {
      id = (
        await tx.evaluation.create({
          data: { ...data, agendaId: agenda.agendaId, authorId: actorId },
        })
      ).id;
    }
    await tx.evaluationAgreement.createMany({
      data: agreementIds.map((agreementId) => ({ evaluationId: id, agreementId })),
    });
    await recordAuditEvent(tx, {
      actorId,
      action: evaluationId ? "evaluation.changed" : "evaluation.written",
      subjectType: "buurtagenda",
      subjectId: agenda.agendaId,
      details: { evaluationId: id, kind: input.kind },
    });
    return { ok: true, id } as const;
  });
}

/** The council's view on an evaluation; a later view replaces it, and the audit keeps both. */
export async function writeCouncilView(
  actorId: string,
  agenda: AgendaResource,
  input: CouncilViewInput,
): Promise<boolean> {
  if (!isUuid(input.evaluationId)) return false;
  return db().$transaction(async (tx) => {
    const changed = await tx.evaluation.updateMany({
      where: { id: input.evaluationId, agendaId: agenda.agendaId },
      data: { councilView: input.view, councilViewById: actorId, councilViewAt: new Date() },
    });
    if (changed.count === 0) return false;
    await recordAuditEvent(tx, {
      actorId,
      action: "evaluation.council-view",
      subjectType: "buurtagenda",
      subjectId: agenda.agendaId,
      details: { evaluationId: input.evaluationId, view: input.view },
    });
    return true;
  });
}
