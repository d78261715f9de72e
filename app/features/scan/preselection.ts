import type { RankedArea } from "./ranking";

// The preselection Heemstede made: the buurten that rank among the worst N on at least K of the
// chosen indicators. Pure, so the rule is tested on hand-made rankings.

export interface IndicatorRanking {
  indicatorKey: string;
  ranked: RankedArea[];
}

export interface PreselectedBuurt {
  code: string;
  /** The indicators on which this buurt ranks in the worst N, with its rank there. */
  hits: { indicatorKey: string; rank: number }[];
}

/**
 * A buurt counts as "in the worst N" on an indicator when its rank is N or better; with ties
 * (rank 3, 3) more than N buurten can qualify, which is fairer than cutting between equal values.
 * Ordered by number of hits (most first), then by the sum of ranks, then by code.
 */
export function preselect(
  rankings: IndicatorRanking[],
  worstN: number,
  minHits: number,
): PreselectedBuurt[] {
  const hitsByCode = new Map<string, PreselectedBuurt["hits"]>();
  for (const { indicatorKey, ranked } of rankings) {
    for (const area of ranked) {
      if (area.rank > worstN) continue;
      const hits = hitsByCode.get(area.code) ?? [];
      hits.push({ indicatorKey, rank: area.rank });
      hitsByCode.set(area.code, hits);
    }
  }
  const rankSum = (b: PreselectedBuurt) => b.hits.reduce((sum, h) => sum + h.rank, 0);
  return [...hitsByCode.entries()]
    .map(([code, hits]) => ({ code, hits }))
    .filter((b) => b.hits.length >= minHits)
    .sort(
      (a, b) =>
        b.hits.length - a.hits.length || rankSum(a) - rankSum(b) || a.code.localeCompare(b.code),
    );
}
