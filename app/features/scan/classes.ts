import type { Direction } from "./catalogue";

/** Sequential, colour-blind-safe (ColorBrewer "Oranges"): darker asks more attention. */
export const ATTENTION_COLOURS = ["#feedde", "#fdbe85", "#fd8d3c", "#e6550d", "#a63603"] as const;
export const NO_VALUE_COLOUR = "#d9d9d9";

export interface LegendClass {
  /** Lowest and highest value in the class, in the indicator's own terms. */
  from: number;
  to: number;
  colour: string;
}

/**
 * Splits the values into at most five classes of (nearly) equal size, ordered from least to most
 * attention given the indicator's direction. Equal values always land in the same class.
 */
export function attentionClasses(
  values: number[],
  direction: Direction,
  count = ATTENTION_COLOURS.length,
) {
  // Orient so that a larger key means more attention.
  const key = (v: number) => (direction === "higher_is_better" ? -v : v);
  const distinct = [...new Set(values)].sort((a, b) => key(a) - key(b));
  const classes = Math.min(count, distinct.length);
  const classOfValue = new Map<number, number>();
  distinct.forEach((value, index) => {
    classOfValue.set(value, classes <= 1 ? 0 : Math.floor((index * classes) / distinct.length));
  });
  const legend: LegendClass[] = [];
  for (let c = 0; c < classes; c++) {
    const members = distinct.filter((v) => classOfValue.get(v) === c);
    legend.push({
      from: Math.min(...members),
      to: Math.max(...members),
      colour: ATTENTION_COLOURS[Math.round((c * (count - 1)) / Math.max(1, classes - 1))]!,
    });
  }
  return { classOf: (value: number) => classOfValue.get(value) ?? null, legend };
}
