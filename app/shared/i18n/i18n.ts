import { useRouteLoaderData } from "react-router";
import { dateTimeFormat } from "./formatters";

// Dutch first, English second (ARCHITECTURE.md §1): typed message modules per feature, where the
// English table must have exactly the Dutch keys.

export const LOCALES = ["nl", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "nl";
export const LOCALE_COOKIE = "taal";

export type MessageTable = Record<string, string>;
export interface Messages<T extends MessageTable> {
  nl: T;
  en: Record<keyof T, string>;
}

export function defineMessages<T extends MessageTable>(messages: Messages<T>): Messages<T> {
  return messages;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function localeFromCookieHeader(cookieHeader: string | null): Locale {
  const match = cookieHeader?.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([a-z]{2})`));
  return isLocale(match?.[1]) ? match[1] : DEFAULT_LOCALE;
}

export function translate<T extends MessageTable>(
  messages: Messages<T>,
  locale: Locale,
  key: keyof T,
  vars?: Record<string, string | number>,
): string {
  const template = messages[locale][key] ?? messages.nl[key] ?? String(key);
  return vars
    ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ""))
    : template;
}

export function useLocale(): Locale {
  const data = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  return data?.locale ?? DEFAULT_LOCALE;
}

export function useT<T extends MessageTable>(messages: Messages<T>) {
  const locale = useLocale();
  return (key: keyof T, vars?: Record<string, string | number>) =>
    translate(messages, locale, key, vars);
}

/** Like useT, for keys that arrive as plain strings (e.g. error keys from a schema). */
export function useText<T extends MessageTable>(
  messages: Messages<T>,
  vars?: Record<string, string | number>,
) {
  const t = useT(messages);
  // The second parameter also accepts a number so that `errors.map(t)` works (map passes an index).
  return (key: string, callVars?: Record<string, string | number> | number) =>
    key in messages.nl
      ? t(key as keyof T, typeof callVars === "object" ? { ...vars, ...callVars } : vars)
      : key;
}

/** Dutch number and date formatting, in the Netherlands' time zone. */
export function formatDateTime(value: Date | string, locale: Locale): string {
  return dateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  }).format(new Date(value));
}

/** The day of a moment ("12 mei 2026") as it was in the Netherlands (e.g. when it was published). */
export function formatDay(value: Date | string, locale: Locale): string {
  return dateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    dateStyle: "long",
    timeZone: "Europe/Amsterdam",
  }).format(new Date(value));
}

/** A date without time ("12 mei 2026"), for dates stored as calendar days. */
export function formatDate(value: Date | string, locale: Locale): string {
  return dateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", {
    dateStyle: "long",
    timeZone: "UTC",
  }).format(new Date(value));
}
