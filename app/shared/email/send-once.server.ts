import { db, type Db } from "../db.server";
import { sendEmail, type OutgoingEmail } from "./email.server";

export interface LogEntry {
  /** Unique per mail that may go out once, e.g. "digest:<userId>:<yyyy-mm-dd>". */
  key: string;
  userId: string;
  kind: string;
}

/**
 * Sends a mail at most once per key, so a retried job does not mail twice. The notification_log
 * row is written in a transaction that stays open while the mail is handed to SMTP: a failed
 * send rolls the row back (the job's retry sends it), and a second run of the same job waits on
 * the row and then skips. Only a crash between SMTP's answer and the commit can send it twice.
 * Returns false when the mail had already been sent.
 */
export async function sendEmailOnce(entry: LogEntry, email: OutgoingEmail): Promise<boolean> {
  return db().$transaction(
    async (tx) => {
      const { count } = await tx.notificationLog.createMany({
        data: [entry],
        skipDuplicates: true,
      });
      if (count === 0) return false;
      await sendEmail(email);
      return true;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

// ─── Privacy (docs/decisions/0013-privacy-export-and-deletion.md) ───────────

/** Which notification mails went to one person and when: part of their data download. */
export async function notificationsSentTo(userId: string) {
  return db().notificationLog.findMany({
    where: { userId },
    orderBy: { sentAt: "asc" },
    select: { kind: true, sentAt: true },
  });
}

/** Part of deleting an account, inside the caller's transaction. */
export async function forgetNotificationsOf(tx: Db, userId: string): Promise<void> {
  await tx.notificationLog.deleteMany({ where: { userId } });
}
