import { recordAuditEvent } from "../../shared/audit.server";
import { db } from "../../shared/db.server";
import type { AgendaResource } from "../agenda/agenda.server";
import { accountNames } from "../auth/recipients.server";
import { frozenValuesAmong, type FrozenValueRef } from "../scan/buurtscan.server";
import { publishedStoriesAmong } from "../stories/stories.server";
import type { FindingInput } from "./linking.schema";
import { isUuid } from "../../shared/uuid";

// Findings (opgaven) of block 5: a challenge with its evidence, stories and frozen figures of this
// buurtagenda only. The only code that writes the finding tables.

export type FindingOutcome =
  { ok: true; id: string } | { ok: false; field: "evidence" | "themes"; error: string };

/** "<scanId>|<areaCode>|<indicatorKey>", the form's value for one frozen figure. */
export function valueRef(ref: FrozenValueRef): string {
  return `${ref.scanId}|${ref.areaCode}|${ref.indicatorKey}`;
}

function parseValueRef(text: string): FrozenValueRef | null {
  const [scanId, areaCode, indicatorKey, extra] = text.split("|");
  if (extra !== undefined || !scanId || !areaCode || !indicatorKey) return null;
  if (!isUuid(scanId)) return null;
  return { scanId, areaCode, indicatorKey };
}

export async function createFinding(
  actorId: string,
  agenda: AgendaResource,
  input: FindingInput,
): Promise<FindingOutcome> {
  const storyIds = [...new Set(input.stories)];
  const refs = [...new Set(input.values)].map(parseValueRef);
  if (storyIds.length === 0 && refs.length === 0) {
    return { ok: false, field: "evidence", error: "evidenceRequired" };
  }
  const themes = [...new Set(input.themes)];
  const [stories, values, knownThemes] = await Promise.all([
    publishedStoriesAmong(storyIds, agenda.buurtCodes),
    refs.some((r) => r === null)
      ? []
      : frozenValuesAmong(agenda.agendaId, refs as FrozenValueRef[]),
    themes.length ? db().theme.count({ where: { key: { in: themes } } }) : 0,
  ]);
  // Evidence from another buurtagenda, an unpublished story or a draft figure: refused whole.
  if (stories.length !== storyIds.length || values.length !== refs.length) {
    return { ok: false, field: "evidence", error: "evidenceForeign" };
  }
  if (knownThemes !== themes.length) return { ok: false, field: "themes", error: "unknownTheme" };
  const id = await db().$transaction(async (tx) => {
    const finding = await tx.finding.create({
      data: {
        agendaId: agenda.agendaId,
        title: input.title,
        description: input.description,
        isPublic: input.isPublic,
        createdById: actorId,
        themes: { create: themes.map((themeKey) => ({ themeKey })) },
        stories: { create: stories.map((s) => ({ storyId: s.id })) },
        values: {
          create: values.map((v) => ({
            scanId: v.scanId,
            areaCode: v.areaCode,
            indicatorKey: v.indicatorKey,
          })),
        },
      },
    });
    await recordAuditEvent(tx, {
      actorId,
      action: "finding.created",
      subjectType: "buurtagenda",
      subjectId: agenda.agendaId,
      details: { findingId: finding.id, stories: stories.length, values: values.length },
    });
    return finding.id;
  });
  return { ok: true, id };
}

export async function findingsOf(agendaId: string) {
  const findings = await db().finding.findMany({
    where: { agendaId },
    orderBy: { createdAt: "asc" },
    include: {
      themes: { select: { themeKey: true } },
      _count: { select: { stories: true, values: true, comments: true } },
    },
  });
  return findings.map(({ _count, themes, ...f }) => ({
    ...f,
    themes: themes.map((t) => t.themeKey),
    storyCount: _count.stories,
    valueCount: _count.values,
    commentCount: _count.comments,
  }));
}

/** A finding with its whole evidence: the stories still published and the frozen figures. */
export async function findingWithEvidence(agenda: AgendaResource, findingId: string) {
  if (!isUuid(findingId)) return null;
  const finding = await db().finding.findFirst({
    where: { id: findingId, agendaId: agenda.agendaId },
    include: {
      themes: { select: { themeKey: true } },
      stories: { select: { storyId: true } },
      values: { select: { scanId: true, areaCode: true, indicatorKey: true } },
      comments: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!finding) return null;
  const [stories, values, nameOf] = await Promise.all([
    publishedStoriesAmong(
      finding.stories.map((s) => s.storyId),
      agenda.buurtCodes,
    ),
    frozenValuesAmong(agenda.agendaId, finding.values),
    accountNames(finding.comments.map((c) => c.authorId)),
  ]);
  return {
    id: finding.id,
    title: finding.title,
    description: finding.description,
    createdAt: finding.createdAt,
    themes: finding.themes.map((t) => t.themeKey),
    stories,
    /** Evidence stories withdrawn or deleted since: counted, not shown. */
    storiesGone: finding.stories.length - stories.length,
    values,
    comments: finding.comments.map((c) => ({
      id: c.id,
      text: c.text,
      createdAt: c.createdAt,
      author: nameOf.get(c.authorId) ?? "",
    })),
  };
}

export async function commentOnFinding(
  actorId: string,
  agenda: AgendaResource,
  findingId: string,
  text: string,
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const finding = await tx.finding.findFirst({
      where: { id: findingId, agendaId: agenda.agendaId },
      select: { id: true },
    });
    if (!finding) return false;
    const comment = await tx.findingComment.create({
      data: { findingId, authorId: actorId, text },
    });
    await recordAuditEvent(tx, {
      actorId,
      action: "finding.commented",
      subjectType: "buurtagenda",
      subjectId: agenda.agendaId,
      details: { findingId, commentId: comment.id },
    });
    return true;
  });
}
