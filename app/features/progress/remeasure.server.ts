import { db } from "../../shared/db.server";
import { areaFigure, type ValueRow } from "../scan/area-figure";
import { newestValues } from "../scan/buurtscan.server";
import { buurtNames } from "../territory/territory.server";
import type { Direction, Unit } from "../scan/catalogue";
import { remeasure, type Remeasure } from "./remeasure";

// "Did it help?": for agreements that name indicators, the area figure in the frozen buurtscan
// the link was made against and in the newest imported year. Read-only; four queries for any
// number of agreements, so the council dashboard can ask for a whole gemeente at once.

export interface RemeasuredIndicator {
  indicatorKey: string;
  labelNl: string;
  labelEn: string;
  unit: Unit;
  direction: Direction;
  /** The area's figure then and now. */
  result: Remeasure;
  /**
   * Each buurt's own figure then and now, for an area of several buurten whose area figure
   * cannot be given (a percentage without its base count, as the RIVM figures come): the council
   * still sees what moved where.
   */
  buurten: { code: string; name: string; result: Remeasure }[];
}

type Values = Map<string, Map<string, ValueRow>>;

function byIndicatorAndArea(rows: ValueRow[]): Values {
  const map: Values = new Map();
  for (const row of rows) {
    let areas = map.get(row.indicatorKey);
    if (!areas) map.set(row.indicatorKey, (areas = new Map()));
    areas.set(row.areaCode, row);
  }
  return map;
}

function figureOf(
  values: Values | undefined,
  indicator: { key: string; unit: Unit; baseIndicatorKey: string | null },
  buurtCodes: string[],
) {
  const own = values?.get(indicator.key);
  const base = indicator.baseIndicatorKey ? values?.get(indicator.baseIndicatorKey) : undefined;
  const year = buurtCodes.map((c) => own?.get(c)?.year).find((y) => y !== undefined) ?? null;
  return {
    year,
    area: areaFigure(
      indicator.unit,
      indicator.baseIndicatorKey,
      buurtCodes.map((code) => ({
        value: own?.get(code)?.value ?? null,
        base: base?.get(code)?.value ?? null,
      })),
    ),
  };
}

/** Per agreement id, its indicators then and now, in the order the catalogue labels them. */
export async function remeasureAgreements(
  agreementIds: string[],
): Promise<Map<string, RemeasuredIndicator[]>> {
  const result = new Map<string, RemeasuredIndicator[]>();
  if (agreementIds.length === 0) return result;
  const links = await db().agreementIndicator.findMany({
    where: { agreementId: { in: agreementIds } },
    select: {
      agreementId: true,
      indicatorKey: true,
      scanId: true,
      agreement: { select: { agenda: { select: { buurten: { select: { buurtCode: true } } } } } },
    },
  });
  if (links.length === 0) return result;
  const indicators = await db().indicator.findMany({
    where: { key: { in: [...new Set(links.map((l) => l.indicatorKey))] } },
    select: {
      key: true,
      labelNl: true,
      labelEn: true,
      unit: true,
      direction: true,
      baseIndicatorKey: true,
    },
  });
  const indicatorByKey = new Map(indicators.map((i) => [i.key, i]));
  const keys = [
    ...new Set(
      indicators.flatMap((i) => [i.key, ...(i.baseIndicatorKey ? [i.baseIndicatorKey] : [])]),
    ),
  ];
  const buurtCodes = [
    ...new Set(links.flatMap((l) => l.agreement.agenda.buurten.map((b) => b.buurtCode))),
  ];
  const scanIds = [...new Set(links.map((l) => l.scanId))];
  const [frozen, newest, names] = await Promise.all([
    db().buurtScanValue.findMany({
      where: { scanId: { in: scanIds }, indicatorKey: { in: keys }, areaCode: { in: buurtCodes } },
      select: {
        scanId: true,
        areaCode: true,
        indicatorKey: true,
        year: true,
        value: true,
        source: true,
      },
    }),
    newestValues(db(), keys, buurtCodes, buurtCodes),
    buurtNames(buurtCodes),
  ]);
  const frozenRows = new Map<string, ValueRow[]>();
  for (const { scanId, ...row } of frozen) {
    const rows = frozenRows.get(scanId);
    if (rows) rows.push(row);
    else frozenRows.set(scanId, [row]);
  }
  const frozenByScan = new Map(
    [...frozenRows].map(([scanId, rows]) => [scanId, byIndicatorAndArea(rows)] as const),
  );
  const now = byIndicatorAndArea(newest);
  for (const link of links) {
    const indicator = indicatorByKey.get(link.indicatorKey);
    // An indicator removed from the catalogue has no labels or direction left to show.
    if (!indicator) continue;
    const typed = {
      ...indicator,
      unit: indicator.unit as Unit,
      direction: indicator.direction as Direction,
    };
    const area = link.agreement.agenda.buurten.map((b) => b.buurtCode).sort();
    const rows = result.get(link.agreementId) ?? [];
    const compare = (codes: string[]) =>
      remeasure(
        typed.direction,
        figureOf(frozenByScan.get(link.scanId), typed, codes),
        figureOf(now, typed, codes),
      );
    const whole = compare(area);
    const perBuurt =
      area.length > 1 && (whole.state === "no-figure-then" || whole.state === "no-figure-now");
    rows.push({
      indicatorKey: typed.key,
      labelNl: typed.labelNl,
      labelEn: typed.labelEn,
      unit: typed.unit,
      direction: typed.direction,
      result: whole,
      buurten: perBuurt
        ? area
            .map((code) => ({ code, name: names.get(code) ?? code, result: compare([code]) }))
            .sort((a, b) => a.name.localeCompare(b.name, "nl"))
        : [],
    });
    result.set(link.agreementId, rows);
  }
  for (const rows of result.values()) rows.sort((a, b) => a.labelNl.localeCompare(b.labelNl, "nl"));
  return result;
}

/**
 * The council dashboard's "did it help?": per buurtagenda (with its title), its agreements that
 * name indicators, each with its indicators then and now.
 */
export async function remeasureForAgendas(agendaIds: string[]) {
  if (agendaIds.length === 0) return [];
  const agreements = await db().agreement.findMany({
    where: { agendaId: { in: agendaIds }, indicators: { some: {} } },
    orderBy: [{ dueOn: "asc" }, { title: "asc" }],
    select: { id: true, title: true, agendaId: true, agenda: { select: { title: true } } },
  });
  const remeasured = await remeasureAgreements(agreements.map((a) => a.id));
  return agreements.map(({ agenda, ...agreement }) => ({
    ...agreement,
    agendaTitle: agenda.title,
    indicators: remeasured.get(agreement.id) ?? [],
  }));
}
