// What kind of area a good practice comes from, so a reader can find examples from places like
// their own. Derived from CBS figures when the example is marked (decision 0023): the population
// density of the whole area, in three plain bands. Pure.

export const AREA_KINDS = ["low", "middle", "high"] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** Below 1,000 residents per km² is "low" (villages, outskirts), from 5,000 "high" (city). */
export const AREA_KIND_BOUNDS = { middle: 1_000, high: 5_000 } as const;

/**
 * `landHectares`: CBS "oppervlakte land" of the area's buurten together. Null when a buurt
 * lacks a figure: no band is better than a wrong one.
 */
export function areaKind(
  parts: { inhabitants: number | null; landHectares: number | null }[],
): AreaKind | null {
  if (parts.length === 0 || parts.some((p) => p.inhabitants === null || p.landHectares === null)) {
    return null;
  }
  const inhabitants = parts.reduce((sum, p) => sum + p.inhabitants!, 0);
  const km2 = parts.reduce((sum, p) => sum + p.landHectares!, 0) / 100;
  if (km2 <= 0) return null;
  const density = inhabitants / km2;
  if (density >= AREA_KIND_BOUNDS.high) return "high";
  if (density >= AREA_KIND_BOUNDS.middle) return "middle";
  return "low";
}

/** Cost bands of the library's filter, in whole euros (upper bound exclusive). */
export const COST_BANDS = {
  "tot-10000": { min: 0, max: 10_000 },
  "10000-50000": { min: 10_000, max: 50_000 },
  "vanaf-50000": { min: 50_000, max: null },
} as const;
export type CostBand = keyof typeof COST_BANDS;
