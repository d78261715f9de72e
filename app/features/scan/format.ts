import type { Locale } from "../../shared/i18n/i18n";
import type { Unit } from "./catalogue";
import { numberFormat } from "../../shared/i18n/formatters";

/** A figure as people read it: Dutch decimal comma, a % sign for shares, € for amounts. */
export function formatFigure(value: number, unit: Unit | string, locale: Locale): string {
  const number = numberFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    maximumFractionDigits: 1,
  }).format(value);
  if (unit === "percent") return `${number}%`;
  if (unit === "euro") return `€ ${number}`;
  return number;
}
