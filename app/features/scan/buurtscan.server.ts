import { Prisma } from "../../generated/prisma/client";
import { db, type Db } from "../../shared/db.server";
import { applyBlockStatus, audit } from "../agenda/agenda.server";
import type { Direction, Unit } from "./catalogue";
import { buildScan, type ValueRow } from "./area-figure";
import { NATIONAL_AREA_CODE } from "./indicator-import.server";

// The buurtscan of a buurtagenda's area (block 2). A draft scan reads the newest figures; marking
// it done copies the figures it used into buurt_scan_value, so later imports leave it as it was.

/**
 * Per indicator, the values of its newest year among `yearCodes` (the gemeente's buurten), for
 * the areas in `codes`. One query, so a scan or ranking costs the same for 1 or 100 indicators.
 */
export async function newestValues(
  tx: Db,
  indicatorKeys: string[],
  yearCodes: string[],
  codes: string[],
): Promise<ValueRow[]> {
  if (indicatorKeys.length === 0 || codes.length === 0) return [];
  const rows = await tx.$queryRaw<
    { area_code: string; indicator_key: string; year: number; value: number; source: string }[]
  >`
    WITH latest AS (
      SELECT indicator_key, max(year) AS year FROM indicator_value
      WHERE indicator_key = ANY(${indicatorKeys}) AND area_code = ANY(${yearCodes})
      GROUP BY indicator_key
    )
    SELECT v.area_code, v.indicator_key, v.year, v.value, v.source
    FROM indicator_value v
    JOIN latest l ON l.indicator_key = v.indicator_key AND l.year = v.year
    WHERE v.area_code = ANY(${codes})`;
  return rows.map((r) => ({
    areaCode: r.area_code,
    indicatorKey: r.indicator_key,
    year: r.year,
    value: r.value,
    source: r.source,
  }));
}

async function scanContext(agendaId: string) {
  const agenda = await db().buurtagenda.findUniqueOrThrow({
    where: { id: agendaId },
    select: {
      id: true,
      title: true,
      gemeenteCode: true,
      territoryYear: true,
      buurten: { select: { buurt: { select: { code: true, name: true } } } },
    },
  });
  const gemeenteBuurten = await db().buurt.findMany({
    where: { gemeenteCode: agenda.gemeenteCode, year: agenda.territoryYear },
    select: { code: true },
  });
  const areaBuurten = agenda.buurten
    .map((b) => b.buurt)
    .sort((a, b) => a.name.localeCompare(b.name, "nl"));
  return {
    agenda,
    areaBuurten,
    gemeenteBuurtCodes: gemeenteBuurten.map((b) => b.code),
  };
}

type ScanContext = Awaited<ReturnType<typeof scanContext>>;

async function catalogueOf(keys: string[]) {
  const indicators = await db().indicator.findMany({
    where: { key: { in: keys } },
    select: {
      key: true,
      labelNl: true,
      labelEn: true,
      unit: true,
      direction: true,
      baseIndicatorKey: true,
      source: true,
      population: true,
    },
  });
  const byKey = new Map(indicators.map((i) => [i.key, i]));
  return keys
    .map((k) => byKey.get(k))
    .filter((i) => i !== undefined)
    .map((i) => ({ ...i, unit: i.unit as Unit, direction: i.direction as Direction }));
}

/** The figures a scan of these indicators uses: chosen indicators and their bases, newest year. */
function liveValues(tx: Db, context: ScanContext, indicatorKeys: string[], baseKeys: string[]) {
  return newestValues(
    tx,
    [...new Set([...indicatorKeys, ...baseKeys])],
    context.gemeenteBuurtCodes,
    [...context.gemeenteBuurtCodes, context.agenda.gemeenteCode, NATIONAL_AREA_CODE],
  );
}

/**
 * The buurtscan page: the agenda, its scans (newest first) and one scan with its table — frozen
 * figures once done, the newest figures while a draft. `number` null means the newest scan.
 */
export async function getScanPage(agendaId: string, number: number | null) {
  const context = await scanContext(agendaId);
  const scans = await db().buurtScan.findMany({
    where: { agendaId },
    orderBy: { number: "desc" },
    select: { number: true, frozenAt: true },
  });
  const chosen = number ?? scans[0]?.number ?? null;
  return {
    agenda: {
      id: context.agenda.id,
      title: context.agenda.title,
      gemeenteCode: context.agenda.gemeenteCode,
    },
    areaBuurten: context.areaBuurten,
    scans,
    scan: chosen === null ? null : await scanWithRows(context, chosen),
  };
}

async function scanWithRows(context: ScanContext, number: number) {
  const scan = await db().buurtScan.findUnique({
    where: { agendaId_number: { agendaId: context.agenda.id, number } },
  });
  if (!scan) return null;
  const indicators = await catalogueOf(scan.indicatorKeys);
  const baseKeys = indicators.map((i) => i.baseIndicatorKey).filter((k) => k !== null);
  const values = scan.frozenAt
    ? (
        await db().buurtScanValue.findMany({
          where: { scanId: scan.id },
          select: { areaCode: true, indicatorKey: true, year: true, value: true, source: true },
        })
      ).map((v) => ({ ...v }))
    : await liveValues(db(), context, scan.indicatorKeys, baseKeys);
  const rows = buildScan({
    indicators,
    areaBuurten: context.areaBuurten,
    gemeenteBuurtCodes: context.gemeenteBuurtCodes,
    gemeenteCode: context.agenda.gemeenteCode,
    nationalCode: NATIONAL_AREA_CODE,
    values,
  });
  const sourceOf = new Map(indicators.map((i) => [i.key, i.source]));
  const baseOf = new Map((await catalogueOf(baseKeys)).map((b) => [b.key, b]));
  const frozenBy = scan.frozenById
    ? await db().user.findUnique({
        where: { id: scan.frozenById },
        select: { displayName: true, email: true },
      })
    : null;
  return {
    id: scan.id,
    number: scan.number,
    frozenAt: scan.frozenAt,
    frozenBy: frozenBy ? (frozenBy.displayName ?? frozenBy.email) : null,
    indicatorKeys: scan.indicatorKeys,
    rows: rows.map((row) => {
      const base = row.indicator.baseIndicatorKey
        ? baseOf.get(row.indicator.baseIndicatorKey)
        : null;
      return {
        ...row,
        catalogueSource: sourceOf.get(row.indicator.key) ?? "",
        base: base ? { labelNl: base.labelNl, labelEn: base.labelEn } : null,
      };
    }),
  };
}

export type ScanCommandResult =
  | { ok: true; number: number }
  | { ok: false; reason: "draft-exists" | "unknown-indicator" | "not-draft" | "unknown-scan" };

async function checkIndicators(keys: string[]): Promise<boolean> {
  const found = await db().indicator.count({ where: { key: { in: keys } } });
  return found === new Set(keys).size;
}

/** Starts a new scan; only one draft at a time, so nobody works on two versions of block 2. */
export async function startScan(
  actorId: string,
  agendaId: string,
  indicatorKeys: string[],
): Promise<ScanCommandResult> {
  if (!(await checkIndicators(indicatorKeys))) return { ok: false, reason: "unknown-indicator" };
  try {
    return await db().$transaction(async (tx) => {
      const scans = await tx.buurtScan.findMany({
        where: { agendaId },
        select: { number: true, frozenAt: true },
      });
      if (scans.some((s) => !s.frozenAt)) return { ok: false, reason: "draft-exists" } as const;
      const number = Math.max(0, ...scans.map((s) => s.number)) + 1;
      await tx.buurtScan.create({
        data: { agendaId, number, indicatorKeys, createdById: actorId },
      });
      await audit(tx, actorId, agendaId, "scan.started", { number });
      await applyBlockStatus(tx, actorId, agendaId, 2, "in_progress");
      return { ok: true, number } as const;
    });
  } catch (error) {
    // Two people pressing "start" at once: the one-draft index refuses the second.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, reason: "draft-exists" };
    }
    throw error;
  }
}

export async function chooseScanIndicators(
  actorId: string,
  agendaId: string,
  number: number,
  indicatorKeys: string[],
): Promise<ScanCommandResult> {
  if (!(await checkIndicators(indicatorKeys))) return { ok: false, reason: "unknown-indicator" };
  return db().$transaction(async (tx) => {
    const changed = await tx.buurtScan.updateMany({
      where: { agendaId, number, frozenAt: null },
      data: { indicatorKeys },
    });
    if (changed.count === 0) return { ok: false, reason: "not-draft" } as const;
    await audit(tx, actorId, agendaId, "scan.indicators_chosen", { number });
    return { ok: true, number } as const;
  });
}

/**
 * Marks the scan done: copies the figures it shows (its indicators and their bases, for every
 * buurt of the gemeente so ranks stay as they were, plus gemeente and national figures) and
 * closes block 2, in one transaction.
 */
export async function freezeScan(
  actorId: string,
  agendaId: string,
  number: number,
): Promise<ScanCommandResult> {
  const context = await scanContext(agendaId);
  return db().$transaction(async (tx) => {
    const scan = await tx.buurtScan.findUnique({
      where: { agendaId_number: { agendaId, number } },
    });
    if (!scan) return { ok: false, reason: "unknown-scan" } as const;
    const claimed = await tx.buurtScan.updateMany({
      where: { id: scan.id, frozenAt: null },
      data: { frozenAt: new Date(), frozenById: actorId },
    });
    if (claimed.count === 0) return { ok: false, reason: "not-draft" } as const;
    const bases = await tx.indicator.findMany({
      where: { key: { in: scan.indicatorKeys }, baseIndicatorKey: { not: null } },
      select: { baseIndicatorKey: true },
    });
    const values = await liveValues(
      tx,
      context,
      scan.indicatorKeys,
      bases.map((b) => b.baseIndicatorKey!),
    );
    await tx.buurtScanValue.createMany({
      data: values.map((v) => ({ scanId: scan.id, ...v })),
    });
    await audit(tx, actorId, agendaId, "scan.frozen", { number, values: values.length });
    await applyBlockStatus(tx, actorId, agendaId, 2, "done");
    return { ok: true, number } as const;
  });
}

/**
 * The newest frozen buurtscan of a buurtagenda as block 5 reads it: each indicator with its
 * direction and themes and the frozen value of every buurt of the gemeente. Null without a
 * frozen scan. Two queries whatever the number of indicators.
 */
export async function frozenScanFigures(agendaId: string) {
  const scan = await db().buurtScan.findFirst({
    where: { agendaId, frozenAt: { not: null } },
    orderBy: { number: "desc" },
  });
  if (!scan) return null;
  const [indicators, values] = await Promise.all([
    db().indicator.findMany({
      where: { key: { in: scan.indicatorKeys } },
      include: { themes: { select: { themeKey: true } } },
    }),
    db().buurtScanValue.findMany({
      where: { scanId: scan.id, areaCode: { startsWith: "BU" } },
      select: { areaCode: true, indicatorKey: true, value: true, year: true, source: true },
    }),
  ]);
  return {
    scanId: scan.id,
    number: scan.number,
    frozenAt: scan.frozenAt!,
    indicators: indicators
      .sort((a, b) => scan.indicatorKeys.indexOf(a.key) - scan.indicatorKeys.indexOf(b.key))
      .map((indicator) => {
        const own = values.filter((v) => v.indicatorKey === indicator.key);
        return {
          key: indicator.key,
          labelNl: indicator.labelNl,
          labelEn: indicator.labelEn,
          unit: indicator.unit,
          direction: indicator.direction,
          themes: indicator.themes.map((t) => t.themeKey),
          year: own[0]?.year ?? null,
          source: own[0]?.source ?? indicator.source,
          buurtValues: own.map((v) => ({ code: v.areaCode, value: v.value })),
        };
      }),
  };
}

export interface FrozenValueRef {
  scanId: string;
  areaCode: string;
  indicatorKey: string;
}

/**
 * Of these references, the frozen values that belong to a frozen scan of this buurtagenda, with
 * their indicator's labels: evidence from another agenda, or a draft scan, is left out.
 */
export async function frozenValuesAmong(agendaId: string, refs: FrozenValueRef[]) {
  if (refs.length === 0) return [];
  const values = await db().buurtScanValue.findMany({
    where: {
      OR: refs.map((r) => ({
        scanId: r.scanId,
        areaCode: r.areaCode,
        indicatorKey: r.indicatorKey,
      })),
      scan: { agendaId, frozenAt: { not: null } },
    },
    include: { scan: { select: { number: true } } },
  });
  const indicators = await db().indicator.findMany({
    where: { key: { in: [...new Set(values.map((v) => v.indicatorKey))] } },
    select: { key: true, labelNl: true, labelEn: true, unit: true },
  });
  const byKey = new Map(indicators.map((i) => [i.key, i]));
  return values.map((v) => ({
    scanId: v.scanId,
    scanNumber: v.scan.number,
    areaCode: v.areaCode,
    indicatorKey: v.indicatorKey,
    year: v.year,
    value: v.value,
    source: v.source,
    indicator: byKey.get(v.indicatorKey)!,
  }));
}
