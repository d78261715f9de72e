import { randomBytes } from "node:crypto";
import { encodeBase32LowerCaseNoPadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, generateTOTP, verifyTOTPWithGracePeriod } from "@oslojs/otp";
import { renderSVG } from "uqr";
import { recordAuditEvent } from "../../shared/audit.server";
import { db, type Db } from "../../shared/db.server";
import { isProduction } from "../../shared/env.server";
import { isDemoAccount } from "./demo-accounts.server";
import { RATE_LIMITS, hitRateLimits, resetRateLimit } from "./rate-limit.server";
import { hashSecret } from "./session.server";
import { formatRecoveryCode, normaliseRecoveryCode, normaliseTotpCode } from "./second-factor";

// TOTP (RFC 6238: 30 s, 6 digits, SHA-1, the defaults every authenticator app reads) with ten
// one-time recovery codes. Decision 0026.

const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side: a phone clock a little off, or a code typed as it changed. */
const GRACE_SECONDS = 30;
const RECOVERY_CODE_COUNT = 10;
const ISSUER = "Buurtagenda";

export type SecondFactorError = "codeInvalid" | "codeWrong" | "rateLimited";
type Failure = { ok: false; error: SecondFactorError; retryAfterSeconds?: number };

export interface Enrolment {
  keyBase32: string;
  uri: string;
  qrSvg: string;
}

/**
 * The key to add to an authenticator app. It is made once and kept until the person confirms
 * a code, so reloading the page does not invalidate what they already scanned.
 */
export async function enrolment(userId: string): Promise<Enrolment | null> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, totpKey: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) return null;
  let key = user.totpKey ? new Uint8Array(user.totpKey) : null;
  if (!key) {
    key = new Uint8Array(randomBytes(20));
    // Only a key not yet in force is replaced, so two tabs cannot swap an enrolled key.
    await db().user.updateMany({
      where: { id: userId, totpKey: null, totpEnabledAt: null },
      data: { totpKey: key },
    });
    const stored = await db().user.findUniqueOrThrow({
      where: { id: userId },
      select: { totpKey: true },
    });
    key = new Uint8Array(stored.totpKey!);
  }
  const uri = createTOTPKeyURI(ISSUER, user.email, key, PERIOD_SECONDS, DIGITS);
  return {
    keyBase32: encodeBase32UpperCaseNoPadding(key),
    uri,
    qrSvg: renderSVG(uri, { border: 2 }),
  };
}

async function limited(userId: string, ip: string): Promise<Failure | null> {
  const rate = await hitRateLimits([
    [`2fa:user:${userId}`, RATE_LIMITS.secondFactorPerAccount],
    [`2fa:ip:${ip}`, RATE_LIMITS.secondFactorPerIp],
  ]);
  return rate.limited
    ? { ok: false, error: "rateLimited", retryAfterSeconds: rate.retryAfterSeconds }
    : null;
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    encodeBase32LowerCaseNoPadding(randomBytes(7)).slice(0, 10),
  );
}

/** The person's recovery codes become exactly these (stored as hashes); the old ones stop working. */
async function replaceRecoveryCodes(tx: Db, userId: string, codes: string[]): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({
    data: codes.map((c) => ({ userId, codeHash: hashSecret(c) })),
  });
}

function matches(key: Uint8Array, code: string): boolean {
  return verifyTOTPWithGracePeriod(key, PERIOD_SECONDS, DIGITS, code, GRACE_SECONDS);
}

/**
 * Checks a code from the app against the person's key, which must be `pending` (enrolment not
 * yet confirmed) or `enabled`; null when it matches, otherwise why not.
 */
async function checkAppCode(
  userId: string,
  input: string,
  ip: string,
  keyState: "pending" | "enabled",
): Promise<Failure | null> {
  const code = normaliseTotpCode(input);
  if (!code) return { ok: false, error: "codeInvalid" };
  const refused = await limited(userId, ip);
  if (refused) return refused;
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpKey: true, totpEnabledAt: true },
  });
  const stateMatches = (user.totpEnabledAt !== null) === (keyState === "enabled");
  if (!user.totpKey || !stateMatches || !matches(new Uint8Array(user.totpKey), code)) {
    return { ok: false, error: "codeWrong" };
  }
  return null;
}

/**
 * Confirms enrolment with a first code from the app: the key is in force from now, this
 * session counts as having passed, and the recovery codes are returned to show once.
 */
export async function confirmEnrolment(
  userId: string,
  sessionId: string,
  input: string,
  ip: string,
): Promise<{ ok: true; recoveryCodes: string[] } | Failure> {
  const refused = await checkAppCode(userId, input, ip, "pending");
  if (refused) return refused;
  const recoveryCodes = newRecoveryCodes();
  const confirmed = await db().$transaction(async (tx) => {
    // Two tabs confirming at once: only the first one's recovery codes are the real ones.
    const enabled = await tx.user.updateMany({
      where: { id: userId, totpEnabledAt: null },
      data: { totpEnabledAt: new Date() },
    });
    if (enabled.count === 0) return false;
    await replaceRecoveryCodes(tx, userId, recoveryCodes);
    await tx.session.update({ where: { id: sessionId }, data: { secondFactorAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "account.second_factor_enabled",
      subjectType: "user",
      subjectId: userId,
    });
    return true;
  });
  if (!confirmed) return { ok: false, error: "codeWrong" };
  await resetRateLimit(`2fa:user:${userId}`);
  return { ok: true, recoveryCodes: recoveryCodes.map(formatRecoveryCode) };
}

/** The second step of signing in: a code from the app, or one of the recovery codes. */
export async function passSecondFactor(
  userId: string,
  sessionId: string,
  input: { code?: string; recoveryCode?: string },
  ip: string,
): Promise<{ ok: true; method: "totp" | "recovery_code"; recoveryCodesLeft: number } | Failure> {
  const code = input.code ? normaliseTotpCode(input.code) : null;
  const recovery = input.recoveryCode ? normaliseRecoveryCode(input.recoveryCode) : null;
  if (!code && !recovery) return { ok: false, error: "codeInvalid" };
  const refused = await limited(userId, ip);
  if (refused) return refused;
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpKey: true, totpEnabledAt: true },
  });
  if (!user.totpKey || !user.totpEnabledAt) return { ok: false, error: "codeWrong" };
  const method = code ? "totp" : "recovery_code";
  const passed = await db().$transaction(async (tx) => {
    if (code) {
      if (!matches(new Uint8Array(user.totpKey!), code)) return false;
    } else {
      // Used once: the update only succeeds for an unused code of this person.
      const used = await tx.recoveryCode.updateMany({
        where: { userId, codeHash: hashSecret(recovery!), usedAt: null },
        data: { usedAt: new Date() },
      });
      if (used.count === 0) return false;
    }
    await tx.session.update({ where: { id: sessionId }, data: { secondFactorAt: new Date() } });
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "account.second_factor_passed",
      subjectType: "user",
      subjectId: userId,
      details: { method },
    });
    return true;
  });
  if (!passed) {
    await recordAuditEvent(db(), {
      actorId: userId,
      action: "account.second_factor_refused",
      subjectType: "user",
      subjectId: userId,
      details: { method },
      result: "refused",
    });
    return { ok: false, error: "codeWrong" };
  }
  await resetRateLimit(`2fa:user:${userId}`);
  const recoveryCodesLeft = await db().recoveryCode.count({ where: { userId, usedAt: null } });
  return { ok: true, method, recoveryCodesLeft };
}

/** New recovery codes (the old ones stop working), against a current code from the app. */
export async function renewRecoveryCodes(
  userId: string,
  input: string,
  ip: string,
): Promise<{ ok: true; recoveryCodes: string[] } | Failure> {
  const refused = await checkAppCode(userId, input, ip, "enabled");
  if (refused) return refused;
  const recoveryCodes = newRecoveryCodes();
  await db().$transaction(async (tx) => {
    await replaceRecoveryCodes(tx, userId, recoveryCodes);
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "account.recovery_codes_renewed",
      subjectType: "user",
      subjectId: userId,
    });
  });
  await resetRateLimit(`2fa:user:${userId}`);
  return { ok: true, recoveryCodes: recoveryCodes.map(formatRecoveryCode) };
}

export async function secondFactorStatus(userId: string) {
  const [user, recoveryCodesLeft] = await Promise.all([
    db().user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } }),
    db().recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { enabledAt: user.totpEnabledAt, recoveryCodesLeft };
}

/**
 * The current code of a demo account, shown on the second step outside production: the demo
 * keys are public (they are in the seed), and whoever tries the product has no app set up.
 */
export async function demoAccountCode(userId: string): Promise<string | null> {
  if (isProduction()) return null;
  const user = await db().user.findUnique({
    where: { id: userId },
    select: { email: true, totpKey: true, totpEnabledAt: true },
  });
  if (!user?.totpKey || !user.totpEnabledAt || !isDemoAccount(user.email)) return null;
  return generateTOTP(new Uint8Array(user.totpKey), PERIOD_SECONDS, DIGITS);
}
