import { Prisma } from "../../generated/prisma/client";
import { recordAuditEvent } from "../../shared/audit.server";
import { db, type Db } from "../../shared/db.server";
import type { AgendaResource } from "../agenda/agenda.server";
import { agendaPartyList } from "../agenda/parties.server";
import { findingWithEvidence } from "../linking/findings.server";
import type { AgreementInput, AgreementListQuery } from "./agreements.schema";
import { isUuid } from "../../shared/uuid";

// Agreements (afspraken) of block 7: what will be done, by which party, when, for how much, and
// which findings and ideas it answers. The only code that writes the agreement tables.

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The newest frozen buurtscan: the baseline an agreement's indicators are measured against. */
function newestFrozenScan(tx: Db, agendaId: string) {
  return tx.buurtScan.findFirst({
    where: { agendaId, frozenAt: { not: null } },
    orderBy: { number: "desc" },
    select: { id: true, number: true, indicatorKeys: true },
  });
}

/**
 * What the agreement form offers: the agenda's parties, findings, published ideas, and the
 * indicators of the newest frozen buurtscan (and those the agreement already names, which keep
 * their own baseline).
 */
export async function agreementChoices(agendaId: string, linkedIndicatorKeys: string[] = []) {
  const [parties, findings, ideas, scan] = await Promise.all([
    agendaPartyList(agendaId),
    db().finding.findMany({
      where: { agendaId },
      orderBy: { createdAt: "asc" },
      select: { id: true, title: true },
    }),
    db().idea.findMany({
      where: { agendaId, status: "published" },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        title: true,
        judgements: { orderBy: { createdAt: "desc" }, take: 1, select: { verdict: true } },
      },
    }),
    newestFrozenScan(db(), agendaId),
  ]);
  const indicators = scan
    ? await db().indicator.findMany({
        where: { key: { in: [...new Set([...scan.indicatorKeys, ...linkedIndicatorKeys])] } },
        select: { key: true, labelNl: true, labelEn: true },
      })
    : [];
  return {
    parties,
    findings,
    scanNumber: scan?.number ?? null,
    indicators: indicators.sort((a, b) => a.labelNl.localeCompare(b.labelNl, "nl")),
    ideas: ideas.map((i) => ({
      id: i.id,
      title: i.title,
      verdict: i.judgements[0]?.verdict ?? null,
    })),
  };
}

export type AgreementOutcome =
  | { ok: true; id: string }
  | {
      ok: false;
      field: "owner" | "findings" | "ideas" | "indicators";
      error: "ownerRequired" | "linkForeign" | "indicatorForeign";
    };

/** Adds an agreement, or changes one when `agreementId` is given; links are replaced whole. */
export async function saveAgreement(
  actorId: string,
  agenda: AgendaResource,
  input: AgreementInput,
  agreementId?: string,
): Promise<AgreementOutcome | null> {
  if (agreementId !== undefined && !isUuid(agreementId)) return null;
  const findingIds = [...new Set(input.findings)];
  const ideaIds = [...new Set(input.ideas)];
  const indicatorKeys = [...new Set(input.indicators)];
  const valid = (ids: string[]) => ids.every((id) => isUuid(id));
  if (!isUuid(input.owner)) return { ok: false, field: "owner", error: "ownerRequired" };
  if (!valid(findingIds)) return { ok: false, field: "findings", error: "linkForeign" };
  if (!valid(ideaIds)) return { ok: false, field: "ideas", error: "linkForeign" };
  return db().$transaction(async (tx) => {
    const [owner, findings, ideas] = await Promise.all([
      tx.agendaParty.count({ where: { id: input.owner, agendaId: agenda.agendaId } }),
      tx.finding.count({ where: { id: { in: findingIds }, agendaId: agenda.agendaId } }),
      tx.idea.count({
        where: { id: { in: ideaIds }, agendaId: agenda.agendaId, status: "published" },
      }),
    ]);
    // A party, finding or idea of another buurtagenda (a forged form) is refused whole.
    if (owner !== 1) return { ok: false, field: "owner", error: "ownerRequired" } as const;
    if (findings !== findingIds.length) {
      return { ok: false, field: "findings", error: "linkForeign" } as const;
    }
    if (ideas !== ideaIds.length)
      return { ok: false, field: "ideas", error: "linkForeign" } as const;
    // An indicator keeps the baseline it was linked against; a newly named one must be in the
    // newest frozen scan, which becomes its baseline.
    const [scan, kept] = await Promise.all([
      newestFrozenScan(tx, agenda.agendaId),
      agreementId
        ? tx.agreementIndicator.findMany({
            where: { agreementId, agreement: { agendaId: agenda.agendaId } },
            select: { indicatorKey: true, scanId: true },
          })
        : [],
    ]);
    const baseline = new Map(kept.map((k) => [k.indicatorKey, k.scanId]));
    for (const key of indicatorKeys) {
      if (!baseline.has(key) && scan?.indicatorKeys.includes(key)) baseline.set(key, scan.id);
    }
    if (indicatorKeys.some((key) => !baseline.has(key))) {
      return { ok: false, field: "indicators", error: "indicatorForeign" } as const;
    }
    const data = {
      title: input.title,
      description: input.description,
      ownerPartyId: input.owner,
      startsOn: date(input.startsOn),
      dueOn: date(input.dueOn),
      costEuros: input.cost,
      budgetSource: input.budgetSource,
      status: input.status,
    };
    let id: string;
    if (agreementId) {
      const changed = await tx.agreement.updateMany({
        where: { id: agreementId, agendaId: agenda.agendaId },
        data,
      });
      if (changed.count === 0) return null;
      id = agreementId;
      await tx.agreementFinding.deleteMany({ where: { agreementId: id } });
      await tx.agreementIdea.deleteMany({ where: { agreementId: id } });
      await tx.agreementIndicator.deleteMany({ where: { agreementId: id } });
    } else {
      id = (
        await tx.agreement.create({
          data: { ...data, agendaId: agenda.agendaId, createdById: actorId },
        })
      ).id;
    }
    await tx.agreementFinding.createMany({
      data: findingIds.map((findingId) => ({ agreementId: id, findingId })),
    });
    await tx.agreementIdea.createMany({
      data: ideaIds.map((ideaId) => ({ agreementId: id, ideaId })),
    });
    await tx.agreementIndicator.createMany({
      data: indicatorKeys.map((indicatorKey) => ({
        agreementId: id,
        indicatorKey,
        scanId: baseline.get(indicatorKey)!,
      })),
    });
    await recordAuditEvent(tx, {
      actorId,
      action: agreementId ? "agreement.changed" : "agreement.added",
      subjectType: "buurtagenda",
      subjectId: agenda.agendaId,
      details: { agreementId: id },
    });
    return { ok: true, id } as const;
  });
}

const ORDER: Record<AgreementListQuery["sorteer"], Prisma.AgreementOrderByWithRelationInput[]> = {
  datum: [{ dueOn: "asc" }, { title: "asc" }],
  status: [{ status: "asc" }, { dueOn: "asc" }],
  eigenaar: [{ owner: { organisation: { name: "asc" } } }, { dueOn: "asc" }],
  kosten: [{ costEuros: { sort: "desc", nulls: "last" } }, { dueOn: "asc" }],
};

/** The agreements of an agenda, sorted and filtered as asked. */
export async function agreementsOf(agendaId: string, query: AgreementListQuery) {
  const agreements = await db().agreement.findMany({
    where: {
      agendaId,
      ...(query.status ? { status: query.status } : {}),
      ...(query.eigenaar && isUuid(query.eigenaar) ? { ownerPartyId: query.eigenaar } : {}),
    },
    orderBy: ORDER[query.sorteer],
    include: {
      owner: { select: { organisation: { select: { name: true } } } },
      _count: { select: { findings: true, ideas: true } },
    },
  });
  return agreements.map(({ owner, _count, ...a }) => ({
    ...a,
    owner: owner.organisation.name,
    findingCount: _count.findings,
    ideaCount: _count.ideas,
  }));
}

/** One agreement with its evidence chain: findings with their stories and figures, and ideas. */
export async function agreementWithEvidence(agenda: AgendaResource, agreementId: string) {
  if (!isUuid(agreementId)) return null;
  const agreement = await db().agreement.findFirst({
    where: { id: agreementId, agendaId: agenda.agendaId },
    include: {
      owner: { select: { organisationId: true, organisation: { select: { name: true } } } },
      findings: { select: { findingId: true } },
      indicators: { select: { indicatorKey: true } },
      ideas: {
        select: {
          idea: {
            select: {
              id: true,
              title: true,
              status: true,
              judgements: {
                orderBy: { createdAt: "desc" },
                take: 1,
                select: { verdict: true, reason: true },
              },
            },
          },
        },
      },
    },
  });
  if (!agreement) return null;
  const findings = (
    await Promise.all(agreement.findings.map((f) => findingWithEvidence(agenda, f.findingId)))
  ).filter((f) => f !== null);
  return {
    ...agreement,
    owner: agreement.owner.organisation.name,
    ownerParty: { organisationId: agreement.owner.organisationId },
    findingIds: agreement.findings.map((f) => f.findingId),
    indicatorKeys: agreement.indicators.map((i) => i.indicatorKey),
    findings,
    ideas: agreement.ideas.map(({ idea }) => ({
      id: idea.id,
      title: idea.title,
      status: idea.status,
      verdict: idea.judgements[0]?.verdict ?? null,
      reason: idea.judgements[0]?.reason ?? "",
    })),
  };
}
