/** The largest budget we accept for one buurtagenda: anything above is a typing error. */
export const MAX_BUDGET_EUROS = 100_000_000;
import { numberFormat } from "../../shared/i18n/formatters";

/**
 * Reads an amount in euros as people type it in the Netherlands: "50000", "50.000",
 * "€ 50.000,00", "50 000". Returns whole euros, or null when it is not an amount.
 */
export function parseEuros(input: string): number | null {
  let text = input.trim().replace(/^€\s*/, "").replace(/\s/g, "");
  if (!text) return null;
  // A comma is the decimal separator; dots group thousands.
  const [whole, cents, ...rest] = text.split(",");
  if (rest.length > 0 || whole === undefined) return null;
  if (cents !== undefined && !/^(\d{2}|-)$/.test(cents)) return null;
  if (!/^-?\d{1,3}(\.\d{3})*$|^-?\d+$/.test(whole)) return null;
  text = whole.replace(/\./g, "");
  const euros = Number(text) + (cents && cents !== "-" ? Number(cents) / 100 : 0);
  return Number.isFinite(euros) ? Math.round(euros) : null;
}

export function formatEuros(euros: number, locale: "nl" | "en"): string {
  return numberFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    style: "currency",
    currency: "EUR",
    maximumFractionDigits: 0,
  }).format(euros);
}
