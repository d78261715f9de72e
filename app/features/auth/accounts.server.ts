import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { randomBytes, randomInt } from "node:crypto";
import { recordAuditEvent } from "../../shared/audit.server";
import { db } from "../../shared/db.server";
import { sendEmail } from "../../shared/email/email.server";
import { translate, type Locale } from "../../shared/i18n/i18n";
import { authMessages } from "./auth.messages";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server";
import {
  RATE_LIMITS,
  hitRateLimits,
  resetRateLimit,
  type RateLimitResult,
} from "./rate-limit.server";
import { createSession, hashSecret, invalidateUserSessions } from "./session.server";

// Account commands. None of them tells a caller whether an email address has an account:
// sign-up, code and reset requests answer the same either way, and mail tells the owner.

export interface RequestContext {
  ip: string;
  locale: Locale;
  /** Origin for links in emails, e.g. https://buurtagenda.example.nl */
  origin: string;
}

const CODE_TTL_MS = 15 * 60 * 1000;
const CODE_MAX_ATTEMPTS = 5;
const RESET_TTL_MS = 60 * 60 * 1000;

export type Limited = { status: "rate-limited"; retryAfterSeconds: number };
const limited = (result: RateLimitResult): Limited => ({
  status: "rate-limited",
  retryAfterSeconds: result.retryAfterSeconds,
});

function hashCode(code: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(sha256(new TextEncoder().encode(code)));
}

async function mailLimit(email: string, ctx: RequestContext) {
  return hitRateLimits([
    [`mail:email:${email}`, RATE_LIMITS.mailPerEmail],
    [`mail:ip:${ctx.ip}`, RATE_LIMITS.mailPerIp],
  ]);
}

async function issueCode(email: string, purpose: "verify_email" | "sign_in", ctx: RequestContext) {
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const data = {
    codeHash: hashCode(code),
    attempts: 0,
    expiresAt: new Date(Date.now() + CODE_TTL_MS),
  };
  await db().emailCode.upsert({
    where: { email_purpose: { email, purpose } },
    create: { email, purpose, ...data },
    update: { ...data, createdAt: new Date() },
  });
  await sendEmail({
    to: email,
    subject: translate(authMessages, ctx.locale, "mailVerifySubject", { code }),
    text: translate(authMessages, ctx.locale, "mailVerifyBody", { code }),
  });
}

/** Checks and spends a code: a right code works once, a wrong one counts towards its limit. */
async function consumeCode(
  email: string,
  purpose: "verify_email" | "sign_in",
  code: string,
): Promise<boolean> {
  const row = await db().emailCode.findUnique({ where: { email_purpose: { email, purpose } } });
  if (!row || row.expiresAt.getTime() < Date.now() || row.attempts >= CODE_MAX_ATTEMPTS)
    return false;
  if (!constantTimeEqual(hashCode(code), new Uint8Array(row.codeHash))) {
    await db().emailCode.update({
      where: { email_purpose: { email, purpose } },
      data: { attempts: { increment: 1 } },
    });
    return false;
  }
  const { count } = await db().emailCode.deleteMany({
    where: { email, purpose, codeHash: row.codeHash },
  });
  return count === 1;
}

export async function signUp(
  input: { email: string; password: string },
  ctx: RequestContext,
): Promise<{ status: "code-sent" } | Limited> {
  const rate = await mailLimit(input.email, ctx);
  if (rate.limited) return limited(rate);
  const existing = await db().user.findUnique({ where: { email: input.email } });
  if (existing?.emailVerifiedAt) {
    await sendEmail({
      to: input.email,
      subject: translate(authMessages, ctx.locale, "mailExistsSubject"),
      text: translate(authMessages, ctx.locale, "mailExistsBody", {
        signInUrl: `${ctx.origin}/inloggen`,
        resetUrl: `${ctx.origin}/wachtwoord-vergeten`,
      }),
    });
    return { status: "code-sent" };
  }
  const passwordHash = await hashPassword(input.password);
  await db().$transaction(async (tx) => {
    // An unverified account is only a claim: whoever proves the mailbox decides its password.
    const user = await tx.user.upsert({
      where: { email: input.email },
      create: { email: input.email, passwordHash, locale: ctx.locale },
      update: { passwordHash },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "account.signed_up",
      subjectType: "user",
      subjectId: user.id,
    });
  });
  await issueCode(input.email, "verify_email", ctx);
  return { status: "code-sent" };
}

export type SignedIn = { status: "signed-in"; sessionToken: string; userId: string };

export async function verifyEmail(
  input: { email: string; code: string },
  ctx: RequestContext,
): Promise<SignedIn | { status: "invalid" } | Limited> {
  const rate = await codeLimit(input.email, ctx);
  if (rate.limited) return limited(rate);
  if (!(await consumeCode(input.email, "verify_email", input.code))) return { status: "invalid" };
  return db().$transaction(async (tx) => {
    const user = await tx.user.update({
      where: { email: input.email },
      data: { emailVerifiedAt: new Date() },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "account.email_verified",
      subjectType: "user",
      subjectId: user.id,
    });
    await resetRateLimit(`code:email:${input.email}`);
    return {
      status: "signed-in" as const,
      sessionToken: await createSession(user.id, tx),
      userId: user.id,
    };
  });
}

async function codeLimit(email: string, ctx: RequestContext) {
  return hitRateLimits([
    [`code:email:${email}`, RATE_LIMITS.codePerEmail],
    [`code:ip:${ctx.ip}`, RATE_LIMITS.codePerIp],
  ]);
}

export async function signInWithPassword(
  input: { email: string; password: string },
  ctx: RequestContext,
): Promise<SignedIn | { status: "invalid" } | { status: "needs-verification" } | Limited> {
  const rate = await hitRateLimits([
    [`signin:email:${input.email}`, RATE_LIMITS.signInPerEmail],
    [`signin:ip:${ctx.ip}`, RATE_LIMITS.signInPerIp],
  ]);
  if (rate.limited) return limited(rate);
  const user = await db().user.findUnique({ where: { email: input.email } });
  if (!user?.passwordHash) {
    await verifyAgainstDummy(input.password);
    return { status: "invalid" };
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    // Kept for the account's owner and the security officer: repeated refusals show an attack.
    await recordAuditEvent(db(), {
      actorId: null,
      action: "account.sign_in_refused",
      subjectType: "user",
      subjectId: user.id,
      details: { method: "password" },
      result: "refused",
    });
    return { status: "invalid" };
  }
  await resetRateLimit(`signin:email:${input.email}`);
  if (!user.emailVerifiedAt) {
    await issueCode(input.email, "verify_email", ctx);
    return { status: "needs-verification" };
  }
  return signInUser(user.id, "password");
}

async function signInUser(userId: string, method: string): Promise<SignedIn> {
  return db().$transaction(async (tx) => {
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "account.signed_in",
      subjectType: "user",
      subjectId: userId,
      details: { method },
    });
    return { status: "signed-in" as const, sessionToken: await createSession(userId, tx), userId };
  });
}

export async function requestSignInCode(
  input: { email: string },
  ctx: RequestContext,
): Promise<{ status: "code-sent" } | Limited> {
  const rate = await mailLimit(input.email, ctx);
  if (rate.limited) return limited(rate);
  await issueCode(input.email, "sign_in", ctx);
  return { status: "code-sent" };
}

/** Residents need no password: a code proves the mailbox, and the first one creates the account. */
export async function signInWithCode(
  input: { email: string; code: string },
  ctx: RequestContext,
): Promise<SignedIn | { status: "invalid" } | Limited> {
  const rate = await codeLimit(input.email, ctx);
  if (rate.limited) return limited(rate);
  if (!(await consumeCode(input.email, "sign_in", input.code))) return { status: "invalid" };
  await resetRateLimit(`code:email:${input.email}`);
  const now = new Date();
  const user = await db().user.upsert({
    where: { email: input.email },
    create: { email: input.email, emailVerifiedAt: now, locale: ctx.locale },
    update: {},
  });
  if (!user.emailVerifiedAt) {
    await db().user.update({ where: { id: user.id }, data: { emailVerifiedAt: now } });
  }
  return signInUser(user.id, "email-code");
}

export async function requestPasswordReset(
  input: { email: string },
  ctx: RequestContext,
): Promise<{ status: "sent" } | Limited> {
  const rate = await mailLimit(input.email, ctx);
  if (rate.limited) return limited(rate);
  const user = await db().user.findUnique({ where: { email: input.email } });
  if (!user) return { status: "sent" };
  const id = encodeBase32LowerCaseNoPadding(randomBytes(15));
  const secret = encodeBase32LowerCaseNoPadding(randomBytes(20));
  await db().passwordReset.create({
    data: {
      id,
      userId: user.id,
      secretHash: hashSecret(secret),
      expiresAt: new Date(Date.now() + RESET_TTL_MS),
    },
  });
  await sendEmail({
    to: user.email,
    subject: translate(authMessages, ctx.locale, "mailResetSubject"),
    text: translate(authMessages, ctx.locale, "mailResetBody", {
      url: `${ctx.origin}/wachtwoord-herstellen/${id}.${secret}`,
    }),
  });
  return { status: "sent" };
}

async function findUsableReset(token: string) {
  const [id, secret, ...rest] = token.split(".");
  if (!id || !secret || rest.length || id.length > 64 || secret.length > 64) return null;
  const reset = await db().passwordReset.findUnique({ where: { id } });
  if (!reset || reset.usedAt || reset.expiresAt.getTime() < Date.now()) return null;
  if (!constantTimeEqual(hashSecret(secret), new Uint8Array(reset.secretHash))) return null;
  return reset;
}

export async function isResetTokenUsable(token: string): Promise<boolean> {
  return (await findUsableReset(token)) !== null;
}

/** Sets the new password, spends the link, and signs out every other session of the account. */
export async function resetPassword(input: {
  token: string;
  password: string;
}): Promise<SignedIn | { status: "invalid" }> {
  const reset = await findUsableReset(input.token);
  if (!reset) return { status: "invalid" };
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    const { count } = await tx.passwordReset.updateMany({
      where: { id: reset.id, usedAt: null },
      data: { usedAt: new Date() },
    });
    if (count !== 1) return { status: "invalid" as const };
    // Whoever reads the reset mail controls the mailbox, so this also proves the address.
    const user = await tx.user.update({
      where: { id: reset.userId },
      data: { passwordHash, emailVerifiedAt: new Date() },
    });
    await invalidateUserSessions(user.id, tx);
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "account.password_reset",
      subjectType: "user",
      subjectId: user.id,
    });
    return {
      status: "signed-in" as const,
      sessionToken: await createSession(user.id, tx),
      userId: user.id,
    };
  });
}

/**
 * Sets a new password after checking the current one (if the account has one), and signs out
 * every session, including stolen ones; the caller gets a fresh session.
 */
export async function changePassword(
  userId: string,
  input: { current?: string; password: string },
  ctx: RequestContext,
): Promise<SignedIn | { status: "wrong-password" } | Limited> {
  const user = await db().user.findUniqueOrThrow({ where: { id: userId } });
  if (user.passwordHash) {
    const rate = await hitRateLimits([
      [`signin:email:${user.email}`, RATE_LIMITS.signInPerEmail],
      [`signin:ip:${ctx.ip}`, RATE_LIMITS.signInPerIp],
    ]);
    if (rate.limited) return limited(rate);
    if (!(await verifyPassword(user.passwordHash, input.current ?? ""))) {
      return { status: "wrong-password" };
    }
    await resetRateLimit(`signin:email:${user.email}`);
  }
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } });
    await invalidateUserSessions(userId, tx);
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "account.password_changed",
      subjectType: "user",
      subjectId: userId,
    });
    return { status: "signed-in" as const, sessionToken: await createSession(userId, tx), userId };
  });
}

export async function hasPassword(userId: string): Promise<boolean> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true },
  });
  return user.passwordHash !== null;
}

export async function signOut(sessionId: string, userId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { id: sessionId } });
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "account.signed_out",
      subjectType: "user",
      subjectId: userId,
    });
  });
}
