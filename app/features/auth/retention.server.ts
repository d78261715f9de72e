import { href } from "react-router";
import { recordAuditEvent } from "../../shared/audit.server";
import { db } from "../../shared/db.server";
import { sendEmailOnce } from "../../shared/email/send-once.server";
import { backgroundOrigin, env } from "../../shared/env.server";
import { formatDate, translate, type Locale } from "../../shared/i18n/i18n";
import { QUEUES, type QueueJob } from "../../shared/queue.server";
import { auditDetailsOf, eraseAccount } from "./privacy.server";
import { mailRecipient } from "./recipients.server";
import { retentionMessages } from "./retention.messages";

// Keeping data no longer than needed (AVG art. 5(1)(e)); decision 0027. Every night: audit events
// past the retention period go, accounts without a visit for the configured period are warned
// by mail, and those still unused after the warning period are anonymised.

const DAY_MS = 24 * 60 * 60 * 1000;

function monthsBefore(now: Date, months: number): Date {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

/** Deletes audit events older than AUDIT_RETENTION_MONTHS; the deletion is itself an event. */
export async function pruneAuditTrail(now = new Date()): Promise<number> {
  const months = env().AUDIT_RETENTION_MONTHS;
  return db().$transaction(async (tx) => {
    // The trigger that keeps the trail append-only lets only this marked transaction delete.
    await tx.$executeRaw`SELECT set_config('buurtagenda.audit_retention', 'on', true)`;
    // The cut-off in SQL, with the trigger's own month arithmetic (JS month steps overflow at
    // the end of a month, e.g. 31 March minus one month is 3 March there).
    const deleted = await tx.$executeRaw`
      DELETE FROM audit_event
      WHERE created_at < (${now}::timestamptz AT TIME ZONE 'UTC') - make_interval(months => ${months})`;
    if (deleted > 0) {
      await recordAuditEvent(tx, {
        actorId: null,
        action: "audit.pruned",
        subjectType: "audit_event",
        subjectId: "*",
        details: { olderThanMonths: months, at: now.toISOString(), deleted },
      });
    }
    return deleted;
  });
}

/**
 * Residents only: accounts with another role belong to an organisation's work, and whoever
 * assigns roles removes them (a role keeps the account out of both steps).
 */
const residentOnly = { roles: { none: { role: { not: "bewoner" as const } } } };

/** Warns (once per period of inactivity) every resident account unused for the period. */
export async function warnInactiveAccounts(now = new Date()): Promise<number> {
  const { INACTIVE_ACCOUNT_MONTHS, INACTIVE_WARNING_DAYS } = env();
  const accounts = await db().user.findMany({
    where: {
      lastSeenAt: { lt: monthsBefore(now, INACTIVE_ACCOUNT_MONTHS) },
      inactivityWarnedAt: null,
      ...residentOnly,
    },
    select: { id: true, lastSeenAt: true },
    take: 1000,
  });
  const removalDate = new Date(now.getTime() + INACTIVE_WARNING_DAYS * DAY_MS);
  let warned = 0;
  for (const account of accounts) {
    const recipient = await mailRecipient(account.id);
    // An address nobody confirmed gets no mail; the account goes after the same wait.
    if (recipient) {
      const t = (locale: Locale, key: keyof typeof retentionMessages.nl) =>
        translate(retentionMessages, locale, key, {
          date: formatDate(removalDate, locale),
          url: `${backgroundOrigin()}${href("/inloggen")}`,
        });
      await sendEmailOnce(
        {
          key: `account.inactive:${account.id}:${account.lastSeenAt.toISOString()}`,
          userId: account.id,
          kind: "account.inactive",
        },
        {
          to: recipient.email,
          subject: t(recipient.locale, "mailSubject"),
          text: [
            t(recipient.locale, "mailHello"),
            t(recipient.locale, "mailBody"),
            t(recipient.locale, "mailKeep"),
            "Buurtagenda",
          ].join("\n\n"),
        },
      );
    }
    await db().$transaction(async (tx) => {
      await tx.user.update({ where: { id: account.id }, data: { inactivityWarnedAt: now } });
      await recordAuditEvent(tx, {
        actorId: null,
        action: "account.inactivity_warned",
        subjectType: "user",
        subjectId: account.id,
        details: { lastSeenAt: account.lastSeenAt.toISOString(), mailed: recipient !== null },
      });
    });
    warned++;
  }
  return warned;
}

/**
 * Anonymises accounts warned at least INACTIVE_WARNING_DAYS ago and not used since (a visit
 * clears the warning): the account goes, published stories and ideas stay without a name.
 */
export async function anonymiseInactiveAccounts(now = new Date()): Promise<number> {
  const { INACTIVE_ACCOUNT_MONTHS, INACTIVE_WARNING_DAYS } = env();
  const accounts = await db().user.findMany({
    where: {
      inactivityWarnedAt: { lte: new Date(now.getTime() - INACTIVE_WARNING_DAYS * DAY_MS) },
      lastSeenAt: { lt: monthsBefore(now, INACTIVE_ACCOUNT_MONTHS) },
      ...residentOnly,
    },
    select: { id: true, email: true },
    take: 1000,
  });
  let anonymised = 0;
  for (const account of accounts) {
    const done = await db().$transaction(async (tx) => {
      // Checked again inside the transaction, with the row locked: a visit (markSeen) or a role
      // committed since the query keeps the account.
      await tx.$queryRaw`SELECT id FROM app_user WHERE id = ${account.id}::uuid FOR UPDATE`;
      const still = await tx.user.findFirst({
        where: { id: account.id, inactivityWarnedAt: { not: null }, ...residentOnly },
        select: { id: true },
      });
      if (!still) return false;
      const erased = await eraseAccount(tx, account, {
        publishedStories: "keep",
        draftToken: null,
      });
      await recordAuditEvent(tx, {
        actorId: null,
        action: "account.anonymised_inactive",
        subjectType: "user",
        subjectId: account.id,
        details: {
          months: INACTIVE_ACCOUNT_MONTHS,
          publishedStories: "keep",
          ...auditDetailsOf(erased),
        },
      });
      return true;
    });
    if (done) anonymised++;
  }
  return anonymised;
}

export async function runRetention(now = new Date()) {
  return {
    auditEventsDeleted: await pruneAuditTrail(now),
    accountsWarned: await warnInactiveAccounts(now),
    accountsAnonymised: await anonymiseInactiveAccounts(now),
  };
}

export const retentionJobs: QueueJob[] = [
  {
    queue: QUEUES.retention,
    handle: async () => {
      await runRetention();
    },
    // Every night at 3:00, when nobody is waiting for the database.
    schedule: { cron: "0 3 * * *", tz: "Europe/Amsterdam" },
  },
];
