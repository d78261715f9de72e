import { randomUUID } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { dataDir } from "../database/database-url.server";
import { env, isProduction } from "../env.server";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe (RFC 2369) and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
}

export interface StoredEmail extends OutgoingEmail {
  id: string;
  from: string;
  sentAt: string;
}

function mailDir(): string {
  return path.join(dataDir(), "mail");
}

let transport: Transporter | undefined;
let transportUrl: string | undefined;

/**
 * Sends through SMTP_URL when set (production, and the tests' own SMTP server); otherwise, in
 * development only, writes the mail to DATA_DIR/mail where /dev/mail lists it.
 */
export async function sendEmail(email: OutgoingEmail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = env();
  if (SMTP_URL) {
    if (!transport || transportUrl !== SMTP_URL) {
      transport = nodemailer.createTransport(SMTP_URL);
      transportUrl = SMTP_URL;
    }
    await transport.sendMail({ from: MAIL_FROM, ...email });
    return;
  }
  if (isProduction()) throw new Error("SMTP_URL is not set");
  const stored: StoredEmail = {
    id: `${Date.now()}-${randomUUID()}`,
    from: MAIL_FROM,
    sentAt: new Date().toISOString(),
    ...email,
  };
  await mkdir(mailDir(), { recursive: true });
  await writeFile(path.join(mailDir(), `${stored.id}.json`), JSON.stringify(stored, null, 2));
}

/** Newest first; development only. */
export async function listStoredEmails(limit = 50): Promise<StoredEmail[]> {
  const files = await readdir(mailDir()).catch(() => [] as string[]);
  const newest = files
    .filter((f) => f.endsWith(".json"))
    .sort()
    .reverse()
    .slice(0, limit);
  return Promise.all(
    newest.map(
      async (file) => JSON.parse(await readFile(path.join(mailDir(), file), "utf8")) as StoredEmail,
    ),
  );
}
