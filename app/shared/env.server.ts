import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /**
   * Whether this is a production deployment (no demo accounts, no /dev/mail, SMTP required).
   * Unset: NODE_ENV says it. `npm start` sets it from NODE_ENV and then runs React in production
   * mode whatever APP_ENV is (scripts/react-production.ts, decision 0017).
   */
  APP_ENV: z.enum(["development", "production"]).optional(),
  DATABASE_URL: z.string().min(1),
  /** Public origin used in links inside emails, e.g. https://buurtagenda.heemstede.nl */
  APP_URL: z.url().optional(),
  /** smtp://user:pass@host:port; when unset outside production, mail is written to DATA_DIR/mail. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Buurtagenda <noreply@buurtagenda.localhost>"),
  /** Where reports of accessibility problems are sent. */
  ACCESSIBILITY_EMAIL: z.string().default("toegankelijkheid@buurtagenda.localhost"),
  /** Optional MapLibre style URL for a base map (e.g. PDOK BRT-Achtergrondkaart). */
  MAP_STYLE_URL: z.url().optional(),
  /**
   * Key that seals who cast a budget ballot (decision 0022): kept outside the database, so a copy
   * of the database cannot tell whose ballot is whose. Required in production.
   */
  BALLOT_SECRET: z.string().min(32).optional(),
  /** How long the audit trail keeps an event (decision 0027). */
  AUDIT_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /** After how long without a visit an account is warned, and then anonymised. */
  INACTIVE_ACCOUNT_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
  /** Days between the warning and the anonymisation; a visit in between keeps the account. */
  INACTIVE_WARNING_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /**
   * How long a public page rendered for a signed-out visitor is shared with the next ones (decision
   * 0029); 0 turns the page cache off. Writes through this server clear it at once.
   */
  PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
});

export type Env = z.infer<typeof envSchema>;

/** Read on each call so that tests and scripts can set the environment before first use. */
export function env(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join(".")).join(", ");
    throw new Error(`Invalid environment: ${fields}`);
  }
  if (isProduction() && !parsed.data.SMTP_URL) {
    throw new Error("Invalid environment: SMTP_URL is required in production");
  }
  if (isProduction() && !parsed.data.BALLOT_SECRET) {
    throw new Error(
      "Invalid environment: BALLOT_SECRET (32 characters or more) is required in production",
    );
  }
  return parsed.data;
}

export function isProduction(): boolean {
  return (process.env.APP_ENV ?? process.env.NODE_ENV) === "production";
}

/**
 * The origin for links in mail sent without a request (background jobs): APP_URL; outside
 * production, when it is unset, http://localhost:PORT (3000). Production requires APP_URL.
 */
export function backgroundOrigin(): string {
  const { APP_URL } = env();
  if (APP_URL) return APP_URL.replace(/\/+$/, "");
  if (isProduction()) {
    throw new Error("Invalid environment: APP_URL is required in production for links in mail");
  }
  return `http://localhost:${process.env.PORT ?? 3000}`;
}
