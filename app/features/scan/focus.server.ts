import { recordAuditEvent } from "../../shared/audit.server";
import { db, type Db } from "../../shared/db.server";
import type { Direction } from "./catalogue";
import { newestValues } from "./buurtscan.server";
import { preselect } from "./preselection";
import { rankAreas } from "./ranking";
import { isUuid } from "../../shared/uuid";

// From figures to focus areas (block 2, the Heemstede way): a preselection of buurten that rank
// in the worst N on at least K indicators, reviewed by partners from practice, then designated by
// staff. All of it is internal: never on a public page (DOMAIN.md §6).

function auditGemeente(
  tx: Db,
  actorId: string,
  gemeenteCode: string,
  action: string,
  details = {},
) {
  return recordAuditEvent(tx, {
    actorId,
    action,
    subjectType: "gemeente",
    subjectId: gemeenteCode,
    details,
  });
}

async function gemeenteBuurten(gemeenteCode: string) {
  return db().buurt.findMany({
    where: { gemeenteCode },
    orderBy: { year: "desc" },
    distinct: ["code"],
    select: { code: true, name: true },
  });
}

export interface PreselectionParams {
  indicatorKeys: string[];
  worstN: number;
  minHits: number;
}

/** The preselection on today's figures, with each buurt's value and rank on every indicator. */
export async function computePreselection(gemeenteCode: string, params: PreselectionParams) {
  const [buurten, indicators] = await Promise.all([
    gemeenteBuurten(gemeenteCode),
    db().indicator.findMany({
      where: { key: { in: params.indicatorKeys } },
      select: { key: true, labelNl: true, labelEn: true, unit: true, direction: true },
    }),
  ]);
  const codes = buurten.map((b) => b.code);
  const values = await newestValues(db(), params.indicatorKeys, codes, codes);
  const rankings = indicators.map((indicator) => ({
    indicatorKey: indicator.key,
    ranked: rankAreas(
      values
        .filter((v) => v.indicatorKey === indicator.key)
        .map((v) => ({ code: v.areaCode, value: v.value })),
      indicator.direction as Direction,
    ),
  }));
  const nameOf = new Map(buurten.map((b) => [b.code, b.name]));
  const selected = preselect(rankings, params.worstN, params.minHits);
  return {
    indicators: indicators.map((i) => ({
      ...i,
      year: values.find((v) => v.indicatorKey === i.key)?.year ?? null,
      rankedCount: rankings.find((r) => r.indicatorKey === i.key)?.ranked.length ?? 0,
    })),
    selected: selected.map((s) => ({ ...s, name: nameOf.get(s.code) ?? s.code })),
    /** Every figure of the chosen indicators, so the page can show values beside ranks. */
    values: values.map((v) => ({
      areaCode: v.areaCode,
      indicatorKey: v.indicatorKey,
      value: v.value,
    })),
  };
}

/** Keeps today's preselection for partners to review. */
export async function savePreselection(
  actorId: string,
  gemeenteCode: string,
  params: PreselectionParams,
): Promise<string> {
  const { selected } = await computePreselection(gemeenteCode, params);
  return db().$transaction(async (tx) => {
    const preselection = await tx.preselection.create({
      data: {
        gemeenteCode,
        indicatorKeys: params.indicatorKeys,
        worstN: params.worstN,
        minHits: params.minHits,
        buurtCodes: selected.map((s) => s.code),
        createdById: actorId,
      },
    });
    await auditGemeente(tx, actorId, gemeenteCode, "preselection.saved", {
      preselectionId: preselection.id,
      buurten: selected.length,
    });
    return preselection.id;
  });
}

export async function listPreselections(gemeenteCode: string) {
  return db().preselection.findMany({
    where: { gemeenteCode },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      createdAt: true,
      worstN: true,
      minHits: true,
      indicatorKeys: true,
      buurtCodes: true,
      _count: { select: { comments: true } },
    },
  });
}

async function authorNames(ids: string[]) {
  const users = await db().user.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: {
      id: true,
      displayName: true,
      email: true,
      memberships: { select: { organisation: { select: { name: true } } } },
    },
  });
  return new Map(
    users.map((u) => {
      const organisations = u.memberships.map((m) => m.organisation.name);
      const name = u.displayName ?? u.email;
      return [u.id, organisations.length ? `${name} (${organisations.join(", ")})` : name];
    }),
  );
}

/**
 * A saved preselection with the partners' comments and, beside them, today's figures of its
 * buurten on its indicators. Null when it does not exist in this gemeente.
 */
export async function getPreselection(gemeenteCode: string, id: string) {
  if (!isUuid(id)) return null;
  const preselection = await db().preselection.findFirst({
    where: { id, gemeenteCode },
    include: { comments: { orderBy: { createdAt: "asc" } } },
  });
  if (!preselection) return null;
  const current = await computePreselection(gemeenteCode, preselection);
  const names = await authorNames(preselection.comments.map((c) => c.authorId));
  const buurten = await gemeenteBuurten(gemeenteCode);
  const nameOf = new Map(buurten.map((b) => [b.code, b.name]));
  return {
    id: preselection.id,
    createdAt: preselection.createdAt,
    worstN: preselection.worstN,
    minHits: preselection.minHits,
    indicators: current.indicators,
    values: current.values,
    buurten: preselection.buurtCodes.map((code) => ({
      code,
      name: nameOf.get(code) ?? code,
      hits: current.selected.find((s) => s.code === code)?.hits ?? [],
    })),
    comments: preselection.comments.map((c) => ({
      id: c.id,
      buurtCode: c.buurtCode,
      verdict: c.verdict,
      text: c.text,
      author: names.get(c.authorId) ?? "",
      at: c.createdAt,
    })),
  };
}

export async function commentOnPreselection(
  actorId: string,
  gemeenteCode: string,
  preselectionId: string,
  input: { buurtCode: string; verdict: "confirmed" | "explained" | "doubt"; text: string },
): Promise<"added" | "not-preselected"> {
  const preselection = await db().preselection.findFirst({
    where: { id: preselectionId, gemeenteCode },
    select: { buurtCodes: true },
  });
  if (!preselection?.buurtCodes.includes(input.buurtCode)) return "not-preselected";
  await db().$transaction(async (tx) => {
    const comment = await tx.preselectionComment.create({
      data: { preselectionId, ...input, authorId: actorId },
    });
    await auditGemeente(tx, actorId, gemeenteCode, "preselection.commented", {
      preselectionId,
      commentId: comment.id,
      buurtCode: input.buurtCode,
    });
  });
  return "added";
}

export async function designateFocusArea(
  actorId: string,
  gemeenteCode: string,
  input: {
    name: string;
    buurtCodes: string[];
    reason: string;
    designatedOn: string;
    preselectionId?: string;
  },
): Promise<"designated" | "unknown-buurt"> {
  const codes = [...new Set(input.buurtCodes)];
  const known = await db().buurt.findMany({
    where: { code: { in: codes }, gemeenteCode },
    distinct: ["code"],
    select: { code: true },
  });
  if (known.length !== codes.length) return "unknown-buurt";
  const preselection = input.preselectionId
    ? await db().preselection.findFirst({
        where: { id: input.preselectionId, gemeenteCode },
        select: { id: true },
      })
    : null;
  await db().$transaction(async (tx) => {
    const area = await tx.focusArea.create({
      data: {
        gemeenteCode,
        name: input.name,
        buurtCodes: codes,
        reason: input.reason,
        designatedOn: new Date(`${input.designatedOn}T00:00:00Z`),
        preselectionId: preselection?.id ?? null,
        designatedById: actorId,
      },
    });
    await auditGemeente(tx, actorId, gemeenteCode, "focus_area.designated", {
      focusAreaId: area.id,
      buurten: codes,
    });
  });
  return "designated";
}

export async function focusAreasOf(gemeenteCode: string) {
  const [areas, buurten] = await Promise.all([
    db().focusArea.findMany({ where: { gemeenteCode }, orderBy: { designatedOn: "desc" } }),
    gemeenteBuurten(gemeenteCode),
  ]);
  const names = await authorNames(areas.map((a) => a.designatedById));
  const nameOf = new Map(buurten.map((b) => [b.code, b.name]));
  return areas.map((a) => ({
    id: a.id,
    name: a.name,
    buurten: a.buurtCodes.map((code) => ({ code, name: nameOf.get(code) ?? code })),
    reason: a.reason,
    designatedOn: a.designatedOn,
    designatedBy: names.get(a.designatedById) ?? "",
  }));
}

export async function getFocusArea(gemeenteCode: string, id: string) {
  if (!isUuid(id)) return null;
  return db().focusArea.findFirst({
    where: { id, gemeenteCode },
    select: { name: true, buurtCodes: true },
  });
}
