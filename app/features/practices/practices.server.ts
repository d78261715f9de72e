import { Prisma } from "../../generated/prisma/client";
import { recordAuditEvent } from "../../shared/audit.server";
import { db } from "../../shared/db.server";
import type { AgendaResource } from "../agenda/agenda.server";
import { newestValues } from "../scan/buurtscan.server";
import { COST_BANDS, areaKind } from "./area-kind";
import {
  LIBRARY_PAGE_SIZE,
  WHOLE_AGENDA,
  type LibraryQuery,
  type PracticeInput,
} from "./practices.schema";
import { isUuid } from "../../shared/uuid";

// Good practices (issue 9): staff and platforms mark a finished agreement or a whole buurtagenda
// as an example, with what worked and what did not; a library across all gemeenten of the
// installation finds them. Only examples of a buurtagenda with a published version are shared
// (decision 0023). The only code that writes the good-practice tables.

/** What can be marked: the whole agenda, and each finished (done) agreement. */
export function finishedAgreements(agendaId: string) {
  return db().agreement.findMany({
    where: { agendaId, status: "done" },
    orderBy: [{ dueOn: "asc" }, { title: "asc" }],
    select: { id: true, title: true },
  });
}

const PRACTICE_SELECT = {
  id: true,
  title: true,
  whatWorked: true,
  whatDidNot: true,
  costEuros: true,
  areaKind: true,
  createdAt: true,
  updatedAt: true,
  agreement: { select: { id: true, title: true, status: true } },
  themes: { select: { themeKey: true }, orderBy: { themeKey: "asc" } },
  agenda: {
    select: {
      id: true,
      title: true,
      gemeenteCode: true,
      _count: { select: { versions: true } },
    },
  },
} satisfies Prisma.GoodPracticeSelect;

function shape(p: Prisma.GoodPracticeGetPayload<{ select: typeof PRACTICE_SELECT }>) {
  const { agenda, themes, ...rest } = p;
  return {
    ...rest,
    themes: themes.map((t) => t.themeKey),
    agenda: { id: agenda.id, title: agenda.title, gemeenteCode: agenda.gemeenteCode },
    /** Shared in the library: the buurtagenda has a published version (and the agreement is done). */
    shared: agenda._count.versions > 0 && (p.agreement === null || p.agreement.status === "done"),
  };
}

export async function practicesOf(agendaId: string) {
  const items = await db().goodPractice.findMany({
    where: { agendaId },
    orderBy: { createdAt: "asc" },
    select: PRACTICE_SELECT,
  });
  return items.map(shape);
}

export type PracticeOutcome =
  | { ok: true; id: string; changed: boolean }
  | { ok: false; field: "subject" | "themes"; error: "subjectForeign" | "themeUnknown" };

/**
 * The population-density band of the area, from its buurten's newest CBS figures; from the
 * gemeente's when a buurt lacks them (CBS publishes no buurt figures for some years).
 */
async function areaKindOf(agenda: AgendaResource) {
  const codes = [...agenda.buurtCodes, agenda.gemeenteCode];
  const rows = await newestValues(
    db(),
    ["cbs_aantal_inwoners", "cbs_oppervlakte_land"],
    codes,
    codes,
  );
  const value = (code: string, key: string) =>
    rows.find((r) => r.areaCode === code && r.indicatorKey === key)?.value ?? null;
  const part = (code: string) => ({
    inhabitants: value(code, "cbs_aantal_inwoners"),
    landHectares: value(code, "cbs_oppervlakte_land"),
  });
  return areaKind(agenda.buurtCodes.map(part)) ?? areaKind([part(agenda.gemeenteCode)]);
}

/**
 * Marks the agenda or one of its finished agreements as an example; marking the same subject
 * again changes the example (one per subject). Cost: the agreement's, or the sum of the agenda's
 * agreements with a known cost.
 */
export async function markPractice(
  actorId: string,
  agenda: AgendaResource,
  input: PracticeInput,
): Promise<PracticeOutcome> {
  const agreementId = input.subject === WHOLE_AGENDA ? null : input.subject;
  if (agreementId !== null && !isUuid(agreementId)) {
    return { ok: false, field: "subject", error: "subjectForeign" };
  }
  const themeKeys = [...new Set(input.themes)];
  const kind = await areaKindOf(agenda);
  return db().$transaction(async (tx) => {
    const [agreement, themes, totals] = await Promise.all([
      agreementId
        ? tx.agreement.findFirst({
            where: { id: agreementId, agendaId: agenda.agendaId, status: "done" },
            select: { costEuros: true },
          })
        : null,
      tx.theme.count({ where: { key: { in: themeKeys } } }),
      tx.agreement.aggregate({
        where: { agendaId: agenda.agendaId, status: { not: "dropped" } },
        _sum: { costEuros: true },
      }),
    ]);
    // An agreement of another agenda, or one not finished (a forged form), is refused.
    if (agreementId && !agreement) {
      return { ok: false, field: "subject", error: "subjectForeign" } as const;
    }
    if (themes !== themeKeys.length) {
      return { ok: false, field: "themes", error: "themeUnknown" } as const;
    }
    const data = {
      title: input.title,
      whatWorked: input.whatWorked,
      whatDidNot: input.whatDidNot,
      costEuros: agreement ? agreement.costEuros : totals._sum.costEuros,
      areaKind: kind,
    };
    const existing = await tx.goodPractice.findFirst({
      where: { agendaId: agenda.agendaId, agreementId },
      select: { id: true },
    });
    const id = existing
      ? (await tx.goodPractice.update({ where: { id: existing.id }, data })).id
      : (
          await tx.goodPractice.create({
            data: { ...data, agendaId: agenda.agendaId, agreementId, markedById: actorId },
          })
        ).id;
    await tx.goodPracticeTheme.deleteMany({ where: { practiceId: id } });
    await tx.goodPracticeTheme.createMany({
      data: themeKeys.map((themeKey) => ({ practiceId: id, themeKey })),
    });
    await recordAuditEvent(tx, {
      actorId,
      action: existing ? "practice.changed" : "practice.marked",
      subjectType: "buurtagenda",
      subjectId: agenda.agendaId,
      details: { practiceId: id, agreementId },
    });
    return { ok: true, id, changed: existing !== null } as const;
  });
}

export async function unmarkPractice(actorId: string, agenda: AgendaResource, practiceId: string) {
  if (!isUuid(practiceId)) return false;
  return db().$transaction(async (tx) => {
    const removed = await tx.goodPractice.deleteMany({
      where: { id: practiceId, agendaId: agenda.agendaId },
    });
    if (removed.count === 0) return false;
    await recordAuditEvent(tx, {
      actorId,
      action: "practice.unmarked",
      subjectType: "buurtagenda",
      subjectId: agenda.agendaId,
      details: { practiceId },
    });
    return true;
  });
}

/**
 * The library: shared examples of every gemeente, newest first or by relevance when searched.
 * Dutch full-text search over the example, its agreement, its buurtagenda and its themes' names.
 */
export async function searchLibrary(query: LibraryQuery) {
  const band = query.kosten ? COST_BANDS[query.kosten] : null;
  const rows = await db().$queryRaw<{ id: string }[]>`
    WITH shared AS (
      SELECT p.id, p.created_at,
        to_tsvector('dutch', concat_ws(' ', p.title, p.what_worked, p.what_did_not, ag.title,
          a.title, (SELECT string_agg(t.label_nl, ' ') FROM good_practice_theme pt
                     JOIN theme t ON t.key = pt.theme_key WHERE pt.practice_id = p.id))) AS doc
      FROM good_practice p
      JOIN buurtagenda a ON a.id = p.agenda_id
      LEFT JOIN agreement ag ON ag.id = p.agreement_id
      WHERE EXISTS (SELECT 1 FROM agenda_version v WHERE v.agenda_id = p.agenda_id)
        AND (p.agreement_id IS NULL OR ag.status = 'done')
        AND (${query.thema} = '' OR EXISTS (SELECT 1 FROM good_practice_theme pt
              WHERE pt.practice_id = p.id AND pt.theme_key = ${query.thema}))
        AND (${query.gebied} = '' OR p.area_kind = ${query.gebied})
        AND (${query.gemeente} = '' OR a.gemeente_code = ${query.gemeente})
        AND (${band === null} OR (p.cost_euros >= ${band?.min ?? 0}::int
              AND (${band?.max ?? null}::int IS NULL OR p.cost_euros < ${band?.max ?? null}::int)))
    )
    SELECT id FROM shared
    WHERE ${query.q} = '' OR doc @@ websearch_to_tsquery('dutch', ${query.q})
    ORDER BY CASE WHEN ${query.q} = '' THEN 0
                  ELSE ts_rank(doc, websearch_to_tsquery('dutch', ${query.q})) END DESC,
             created_at DESC
    LIMIT ${LIBRARY_PAGE_SIZE}`;
  const ids = rows.map((r) => r.id);
  const [items, gemeenten, themes] = await Promise.all([
    db().goodPractice.findMany({ where: { id: { in: ids } }, select: PRACTICE_SELECT }),
    gemeenteNames(),
    db().theme.findMany({ orderBy: { sortOrder: "asc" } }),
  ]);
  const byId = new Map(items.map((i) => [i.id, shape(i)]));
  return { items: ids.map((id) => byId.get(id)!), gemeenten, themes };
}

/** Each gemeente of the installation once, by its newest name. */
export async function gemeenteNames() {
  const rows = await db().gemeente.findMany({
    distinct: ["code"],
    orderBy: [{ code: "asc" }, { year: "desc" }],
    select: { code: true, name: true },
  });
  return rows.toSorted((a, b) => a.name.localeCompare(b.name, "nl"));
}
