import { db } from "../../shared/db.server";

// Fixed-window counters in PostgreSQL, so every app process sees the same counts
// (ARCHITECTURE.md §8) and a restart does not reset an attack's budget.

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export const RATE_LIMITS = {
  /** Password attempts for one email address; a successful sign-in resets it. */
  signInPerEmail: { limit: 5, windowSeconds: 15 * 60 },
  /** All sign-in attempts from one IP (municipal offices share an address behind NAT). */
  signInPerIp: { limit: 50, windowSeconds: 15 * 60 },
  /** Entering a one-time code, per email address and per IP. */
  codePerEmail: { limit: 5, windowSeconds: 15 * 60 },
  codePerIp: { limit: 30, windowSeconds: 15 * 60 },
  /** Second-factor codes (TOTP or recovery) for one account, and from one IP. */
  secondFactorPerAccount: { limit: 5, windowSeconds: 15 * 60 },
  secondFactorPerIp: { limit: 30, windowSeconds: 15 * 60 },
  /** Sending mail (codes, reset links) to one address, and from one IP. */
  mailPerEmail: { limit: 5, windowSeconds: 60 * 60 },
  mailPerIp: { limit: 30, windowSeconds: 60 * 60 },
  /** Telling stories: a resident rarely tells more than a few an hour; a script does. */
  storiesPerAccount: { limit: 10, windowSeconds: 60 * 60 },
  storiesPerIp: { limit: 60, windowSeconds: 60 * 60 },
  /** Proposing ideas: the same reasoning as stories. */
  ideasPerAccount: { limit: 10, windowSeconds: 60 * 60 },
  ideasPerIp: { limit: 60, windowSeconds: 60 * 60 },
  /** "Herkenbaar" and reports, per account and from one IP (many accounts, one script). */
  reactionsPerAccount: { limit: 120, windowSeconds: 60 * 60 },
  reactionsPerIp: { limit: 600, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

export interface RateLimitResult {
  limited: boolean;
  retryAfterSeconds: number;
}

/** Counts one attempt under `key` and says whether it is over the limit. */
export async function hitRateLimit(key: string, rule: RateLimitRule): Promise<RateLimitResult> {
  const rows = await db().$queryRaw<{ count: number; retry_after: number }[]>`
    INSERT INTO rate_limit (key, count, window_start) VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit.window_start <= now() - make_interval(secs => ${rule.windowSeconds})
                   THEN 1 ELSE rate_limit.count + 1 END,
      window_start = CASE WHEN rate_limit.window_start <= now() - make_interval(secs => ${rule.windowSeconds})
                   THEN now() ELSE rate_limit.window_start END
    RETURNING count,
      CEIL(EXTRACT(EPOCH FROM (window_start + make_interval(secs => ${rule.windowSeconds}) - now())))::int AS retry_after`;
  const row = rows[0]!;
  return { limited: row.count > rule.limit, retryAfterSeconds: Math.max(row.retry_after, 1) };
}

export async function resetRateLimit(key: string): Promise<void> {
  await db().rateLimit.deleteMany({ where: { key } });
}

/** Hits every key and reports the longest wait among those over their limit. */
export async function hitRateLimits(
  hits: [key: string, rule: RateLimitRule][],
): Promise<RateLimitResult> {
  const results = await Promise.all(hits.map(([key, rule]) => hitRateLimit(key, rule)));
  const limited = results.filter((r) => r.limited);
  return {
    limited: limited.length > 0,
    retryAfterSeconds: Math.max(0, ...limited.map((r) => r.retryAfterSeconds)),
  };
}

/** Reacting ("herkenbaar", reports, supporting an idea) is limited per account and per IP. */
export function reactionLimits(userId: string, ip: string): Promise<RateLimitResult> {
  return hitRateLimits([
    [`react:${userId}`, RATE_LIMITS.reactionsPerAccount],
    [`react:ip:${ip}`, RATE_LIMITS.reactionsPerIp],
  ]);
}
