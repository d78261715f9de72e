import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { randomBytes } from "node:crypto";
import { db, type Db } from "../../shared/db.server";
import { readCookie } from "../../shared/http";
import type { Assignment } from "./permissions";
import { assignmentsInForce, needsSecondFactor } from "./second-factor";
import { oncePerRequest } from "../../shared/request-scope.server";

// Sessions after the Lucia guide (docs/decisions/0003-sessions-lucia-design.md): the cookie holds
// "<id>.<secret>", each 120 random bits; the database keeps only SHA-256(secret), compared in
// constant time. Sliding expiry after 10 days without activity.

export const SESSION_COOKIE = "sessie";
const INACTIVITY_TIMEOUT_MS = 10 * 24 * 60 * 60 * 1000;
const ACTIVITY_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export interface CurrentUser {
  id: string;
  email: string;
  displayName: string | null;
  /** The roles this session may use (staff roles only after the second factor). */
  assignments: Assignment[];
  organisationIds: string[];
  /**
   * "verify": staff roles wait for the TOTP code; "enrol": they wait for the person to set up
   * an authenticator first. The roles waiting are in `withheldAssignments`.
   */
  secondFactor: "passed" | "not-needed" | "verify" | "enrol";
  withheldAssignments: Assignment[];
}

function randomToken(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(15));
}

export function hashSecret(secret: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(sha256(new TextEncoder().encode(secret)));
}

/**
 * A new session. Signing in never passes the second factor by itself: that is a step of its
 * own (second-factor.server.ts), which sets `secondFactorAt`.
 */
export async function createSession(
  userId: string,
  tx: Db = db(),
  options: { secondFactorPassed?: boolean } = {},
): Promise<string> {
  const id = randomToken();
  const secret = randomToken();
  await tx.session.create({
    data: {
      id,
      userId,
      secretHash: hashSecret(secret),
      secondFactorAt: options.secondFactorPassed ? new Date() : null,
    },
  });
  await markSeen(tx, userId);
  return `${id}.${secret}`;
}

/** A visit: inactivity counts from here again, and a warning about it no longer stands. */
async function markSeen(tx: Db, userId: string): Promise<void> {
  await tx.user.update({
    where: { id: userId },
    data: { lastSeenAt: new Date(), inactivityWarnedAt: null },
  });
}

export function sessionCookie(token: string): string {
  const maxAge = Math.floor(INACTIVITY_TIMEOUT_MS / 1000);
  return `${SESSION_COOKIE}=${token}; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age=${maxAge}`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age=0`;
}

export interface Authentication {
  user: CurrentUser | null;
  sessionId: string | null;
  /** A Set-Cookie value to send: a refreshed expiry, or a cleared cookie for a bad token. */
  setCookie: string | null;
}

const AUTHENTICATION = Symbol("authentication");

/** Validates the session cookie once per request (for all of its loaders). */
export function authenticate(request: Request): Promise<Authentication> {
  return oncePerRequest(request, AUTHENTICATION, () =>
    validate(readCookie(request, SESSION_COOKIE)),
  );
}

async function validate(token: string | null): Promise<Authentication> {
  if (!token) return { user: null, sessionId: null, setCookie: null };
  const invalid = { user: null, sessionId: null, setCookie: clearedSessionCookie() };
  const [id, secret, ...rest] = token.split(".");
  if (!id || !secret || rest.length > 0 || id.length > 64 || secret.length > 64) return invalid;

  const session = await db().session.findUnique({
    where: { id },
    include: {
      user: {
        select: {
          id: true,
          email: true,
          displayName: true,
          emailVerifiedAt: true,
          totpEnabledAt: true,
          roles: { select: { role: true, scopeType: true, scopeId: true } },
          memberships: { select: { organisationId: true } },
        },
      },
    },
  });
  if (!session || !constantTimeEqual(hashSecret(secret), new Uint8Array(session.secretHash))) {
    return invalid;
  }
  const now = Date.now();
  if (now - session.lastVerifiedAt.getTime() >= INACTIVITY_TIMEOUT_MS) {
    await db().session.deleteMany({ where: { id } });
    return invalid;
  }
  let setCookie: string | null = null;
  if (now - session.lastVerifiedAt.getTime() >= ACTIVITY_CHECK_INTERVAL_MS) {
    await db().session.update({ where: { id }, data: { lastVerifiedAt: new Date(now) } });
    await markSeen(db(), session.userId);
    setCookie = sessionCookie(token);
  }
  const { user } = session;
  const { inForce, withheld } = assignmentsInForce(user.roles, session.secondFactorAt !== null);
  return {
    user: {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      assignments: inForce,
      organisationIds: user.memberships.map((m) => m.organisationId),
      secondFactor: withheld.length
        ? user.totpEnabledAt
          ? "verify"
          : "enrol"
        : needsSecondFactor(user.roles)
          ? "passed"
          : "not-needed",
      withheldAssignments: withheld,
    },
    sessionId: session.id,
    setCookie,
  };
}

export async function invalidateSession(sessionId: string): Promise<void> {
  await db().session.deleteMany({ where: { id: sessionId } });
}

export async function invalidateUserSessions(userId: string, tx: Db = db()): Promise<void> {
  await tx.session.deleteMany({ where: { userId } });
}
