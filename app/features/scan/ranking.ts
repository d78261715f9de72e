import type { Direction } from "./catalogue";

export interface AreaValue {
  code: string;
  value: number;
}

export interface RankedArea extends AreaValue {
  /** 1 is the area that asks most attention on this indicator. Ties share a rank (1, 2, 2, 4). */
  rank: number;
}

/**
 * The ranglijst: buurten ordered so that rank 1 asks most attention. When higher is worse, the
 * highest value comes first; when higher is better, the lowest; for a neutral indicator the
 * highest (e.g. most residents aged 65+). Equal values share a rank; ties list by code.
 */
export function rankAreas(values: AreaValue[], direction: Direction): RankedArea[] {
  const sign = direction === "higher_is_better" ? 1 : -1;
  const sorted = [...values].sort(
    (a, b) => sign * (a.value - b.value) || a.code.localeCompare(b.code),
  );
  const ranked: RankedArea[] = [];
  sorted.forEach((area, index) => {
    const previous = ranked[index - 1];
    const rank = previous && previous.value === area.value ? previous.rank : index + 1;
    ranked.push({ ...area, rank });
  });
  return ranked;
}
