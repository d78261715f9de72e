import { recordAuditEvent } from "../../shared/audit.server";
import { db } from "../../shared/db.server";
import type { AgendaResource } from "../agenda/agenda.server";
import { frozenScanFigures } from "../scan/buurtscan.server";
import { storyWeightsByTheme } from "../stories/stories.server";
import { DEFAULT_THRESHOLDS, themeMatrix, type Thresholds } from "./theme-matrix";

// Block 5: the theme matrix of a buurtagenda from its newest frozen buurtscan and its published
// stories, with the thresholds staff chose for it (or the defaults).

export async function thresholdsOf(agendaId: string): Promise<Thresholds & { custom: boolean }> {
  const settings = await db().themeMatrixSettings.findUnique({ where: { agendaId } });
  return settings
    ? {
        statistical: settings.statisticalThreshold,
        storyShare: settings.storyShareThreshold,
        minStories: settings.minStories,
        custom: true,
      }
    : { ...DEFAULT_THRESHOLDS, custom: false };
}

export async function themeMatrixOf(agenda: AgendaResource) {
  const [scan, stories, themes, thresholds] = await Promise.all([
    frozenScanFigures(agenda.agendaId),
    storyWeightsByTheme(agenda.buurtCodes),
    db().theme.findMany({ orderBy: { sortOrder: "asc" } }),
    thresholdsOf(agenda.agendaId),
  ]);
  const rows = themeMatrix({
    themes: themes.map((t) => t.key),
    indicators: scan?.indicators ?? [],
    areaCodes: agenda.buurtCodes,
    storiesByTheme: stories.byTheme,
    totalStoryWeight: stories.totalWeight,
    thresholds,
  });
  return {
    scan: scan && { number: scan.number, frozenAt: scan.frozenAt },
    indicators: new Map((scan?.indicators ?? []).map((i) => [i.key, i])),
    themes,
    rows,
    topStories: stories.topByTheme,
    storyTotal: stories.totalCount,
    thresholds,
  };
}

/** Staff set the thresholds for this buurtagenda; the change is an audit event. */
export async function saveThresholds(
  actorId: string,
  agendaId: string,
  thresholds: Thresholds,
): Promise<void> {
  await db().$transaction(async (tx) => {
    const data = {
      statisticalThreshold: thresholds.statistical,
      storyShareThreshold: thresholds.storyShare,
      minStories: thresholds.minStories,
      updatedById: actorId,
    };
    await tx.themeMatrixSettings.upsert({
      where: { agendaId },
      create: { agendaId, ...data },
      update: data,
    });
    await recordAuditEvent(tx, {
      actorId,
      action: "theme_matrix.thresholds_set",
      subjectType: "buurtagenda",
      subjectId: agendaId,
      details: { ...thresholds },
    });
  });
}

/** Back to the defaults of theme-matrix.ts. */
export async function resetThresholds(actorId: string, agendaId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const removed = await tx.themeMatrixSettings.deleteMany({ where: { agendaId } });
    if (removed.count === 0) return;
    await recordAuditEvent(tx, {
      actorId,
      action: "theme_matrix.thresholds_reset",
      subjectType: "buurtagenda",
      subjectId: agendaId,
    });
  });
}
