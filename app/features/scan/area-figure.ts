import type { Direction, Unit } from "./catalogue";
import { rankAreas } from "./ranking";

// The figure of a buurtagenda area (a set of buurten) on one indicator, and the buurtscan table
// built from plain rows. Pure: the live scan and a frozen scan feed it the same way.

export type AreaFigure =
  /** The area is one buurt: its own figure. */
  | { kind: "single"; value: number }
  /** Counts and surfaces add up. */
  | { kind: "sum"; value: number }
  /** A share or average, weighted by the count it is taken over (its base). */
  | { kind: "weighted"; value: number; baseKey: string }
  /**
   * No honest area figure: `no-base` when the base population is not known (a plain average of
   * percentages would be wrong), `missing-values` when a buurt has no figure, `missing-base` when
   * a buurt's base count is missing.
   */
  | { kind: "none"; reason: "no-base" | "missing-values" | "missing-base" };

export interface AreaPart {
  value: number | null;
  base: number | null;
}

const ADDITIVE: ReadonlySet<Unit> = new Set(["count", "hectare"]);

export function areaFigure(unit: Unit, baseKey: string | null, parts: AreaPart[]): AreaFigure {
  if (parts.length === 0 || parts.some((p) => p.value === null)) {
    return { kind: "none", reason: "missing-values" };
  }
  const values = parts.map((p) => p.value!);
  if (parts.length === 1) return { kind: "single", value: values[0]! };
  if (ADDITIVE.has(unit)) return { kind: "sum", value: values.reduce((a, b) => a + b, 0) };
  if (!baseKey) return { kind: "none", reason: "no-base" };
  if (parts.some((p) => p.base === null || p.base < 0)) {
    return { kind: "none", reason: "missing-base" };
  }
  const totalBase = parts.reduce((sum, p) => sum + p.base!, 0);
  if (totalBase === 0) return { kind: "none", reason: "missing-base" };
  const weighted = parts.reduce((sum, p) => sum + p.value! * p.base!, 0) / totalBase;
  return { kind: "weighted", value: weighted, baseKey };
}

export interface ScanIndicator {
  key: string;
  labelNl: string;
  labelEn: string;
  unit: Unit;
  direction: Direction;
  baseIndicatorKey: string | null;
}

export interface ValueRow {
  areaCode: string;
  indicatorKey: string;
  year: number;
  value: number;
  source: string;
}

export interface ScanRow {
  indicator: ScanIndicator;
  /** The year of the buurt figures; null when no buurt of the gemeente has a figure. */
  year: number | null;
  sources: string[];
  area: AreaFigure;
  buurten: { code: string; name: string; value: number | null; rank: number | null }[];
  /** How many buurten of the gemeente have a figure, so "rank 3 of 14" can be said. */
  rankedCount: number;
  gemeenteValue: number | null;
  nationalValue: number | null;
}

/**
 * One row per chosen indicator: the area's figure, each buurt's figure and rank among all buurten
 * of the gemeente, and the gemeente and national figures. `values` holds one year per indicator.
 */
export function buildScan(input: {
  indicators: ScanIndicator[];
  areaBuurten: { code: string; name: string }[];
  gemeenteBuurtCodes: string[];
  gemeenteCode: string;
  nationalCode: string;
  values: ValueRow[];
}): ScanRow[] {
  const byIndicator = new Map<string, Map<string, ValueRow>>();
  for (const row of input.values) {
    let rows = byIndicator.get(row.indicatorKey);
    if (!rows) byIndicator.set(row.indicatorKey, (rows = new Map()));
    rows.set(row.areaCode, row);
  }
  const gemeenteBuurten = new Set(input.gemeenteBuurtCodes);
  return input.indicators.map((indicator) => {
    const rows = byIndicator.get(indicator.key) ?? new Map<string, ValueRow>();
    const baseRows = indicator.baseIndicatorKey
      ? (byIndicator.get(indicator.baseIndicatorKey) ?? new Map<string, ValueRow>())
      : null;
    const buurtRows = [...rows.values()].filter((r) => gemeenteBuurten.has(r.areaCode));
    const rankOf = new Map(
      rankAreas(
        buurtRows.map((r) => ({ code: r.areaCode, value: r.value })),
        indicator.direction,
      ).map((r) => [r.code, r.rank]),
    );
    const buurten = input.areaBuurten.map((b) => ({
      code: b.code,
      name: b.name,
      value: rows.get(b.code)?.value ?? null,
      rank: rankOf.get(b.code) ?? null,
    }));
    const area = areaFigure(
      indicator.unit,
      indicator.baseIndicatorKey,
      input.areaBuurten.map((b) => ({
        value: rows.get(b.code)?.value ?? null,
        base: baseRows?.get(b.code)?.value ?? null,
      })),
    );
    const used = input.areaBuurten.map((b) => rows.get(b.code)).filter((r) => r !== undefined);
    return {
      indicator,
      year: buurtRows[0]?.year ?? null,
      sources: [...new Set(used.map((r) => r.source))].sort(),
      area,
      buurten,
      rankedCount: buurtRows.length,
      gemeenteValue: rows.get(input.gemeenteCode)?.value ?? null,
      nationalValue: rows.get(input.nationalCode)?.value ?? null,
    };
  });
}
