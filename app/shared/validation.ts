import { z } from "zod";

// Field rules shared by the forms of several features. Errors are message keys; each feature's
// messages define "tooLong" and "dateInvalid" and its own required-field keys.

/** Trimmed text up to `max` characters; required when a required-error key is given. */
export const text = (max: number, requiredKey?: string) =>
  requiredKey
    ? z
        .string({ error: requiredKey })
        .trim()
        .min(1, { error: requiredKey })
        .max(max, { error: "tooLong" })
    : z.string().trim().max(max, { error: "tooLong" }).default("");

/** A calendar date as a date input sends it (YYYY-MM-DD). */
export const isoDate = (requiredKey: string) =>
  z
    .string({ error: requiredKey })
    // abort: a malformed date gets one message, not the same one twice.
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "dateInvalid", abort: true })
    // A day that exists: 2027-02-31 would silently become 3 March.
    .refine(
      (value) => {
        const day = new Date(`${value}T00:00:00Z`);
        return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
      },
      { error: "dateInvalid" },
    );

/** A checkbox: ticked sends "on" (a hand-written form may send "ja"); unticked sends nothing. */
export const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "ja");

/** Only http(s) links: a javascript: or data: address on a page would run in a browser. */
export function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** Today's date (YYYY-MM-DD) in the Netherlands: what "not in the future" means for a form. */
export function dutchToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(now);
}
