import { db } from "../../shared/db.server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../../shared/i18n/i18n";
import { POLICY, type Actor } from "./permissions";

// Who receives mail sent by background jobs (notifications, digests). Only verified addresses:
// a job never writes to an address nobody proved to own.

export interface MailRecipient {
  id: string;
  email: string;
  /** app_user.locale: the language the person chose. */
  locale: Locale;
}

function localeOf(value: string): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** How staff see who wrote something internal: the display name, else the address. */
export async function accountNames(userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const users = await db().user.findMany({
    where: { id: { in: [...new Set(userIds)] } },
    select: { id: true, displayName: true, email: true },
  });
  return new Map(users.map((u) => [u.id, u.displayName ?? u.email]));
}

/** The address and language of one account; null for an unknown or unverified account. */
export async function mailRecipient(userId: string): Promise<MailRecipient | null> {
  const user = await db().user.findFirst({
    where: { id: userId, emailVerifiedAt: { not: null } },
    select: { id: true, email: true, locale: true },
  });
  return user ? { ...user, locale: localeOf(user.locale) } : null;
}

/**
 * Everyone who moderates stories somewhere (the roles of `story.moderate`), with all their role
 * assignments so the caller can work out their area. One query.
 */
export async function moderatorRecipients(): Promise<(MailRecipient & Actor)[]> {
  const users = await db().user.findMany({
    where: {
      emailVerifiedAt: { not: null },
      roles: { some: { role: { in: [...POLICY["story.moderate"]] } } },
    },
    orderBy: { email: "asc" },
    select: {
      id: true,
      email: true,
      locale: true,
      roles: { select: { role: true, scopeType: true, scopeId: true } },
    },
  });
  return users.map(({ roles, ...user }) => ({
    ...user,
    locale: localeOf(user.locale),
    assignments: roles,
  }));
}
