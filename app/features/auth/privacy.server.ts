import { auditEventsByActor, recordAuditEvent } from "../../shared/audit.server";
import { db, type Db } from "../../shared/db.server";
import { forgetNotificationsOf, notificationsSentTo } from "../../shared/email/send-once.server";
import { translate, type Locale } from "../../shared/i18n/i18n";
import { personalPartyData, removeMembershipsOf } from "../agenda/parties.server";
import {
  eraseStoryDataOf,
  personalStoryData,
  tellerStoryCounts,
  type PublishedStoriesChoice,
} from "../stories/stories.server";
import { followedAgendas } from "../document/followers.server";
import { eraseIdeaDataOf, personalIdeaData } from "../ideas/ideas.server";
import { budgetRoundsVotedIn } from "../budget/budget.server";
import { rolesBlockingSelfDeletion } from "./account-deletion";
import type { Limited, RequestContext } from "./accounts.server";
import { verifyPassword } from "./password.server";
import type { Role } from "./permissions";
import { privacyMessages } from "./privacy.messages";
import { RATE_LIMITS, hitRateLimits, resetRateLimit } from "./rate-limit.server";

// A person's right to their data (AVG art. 15, 17 and 20): download everything we hold about
// them, and delete their account. Each feature gives its own part; this file assembles it and
// owns the account tables. See docs/decisions/0013-privacy-export-and-deletion.md.

/** The calendar day in the Netherlands, e.g. "2026-12-01", for the download's file name. */
export function exportDate(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(now);
}

/**
 * Everything we hold about one person, as plain JSON: never a password hash, session secret or
 * link secret, and nothing about other people. Records an audit event for the download.
 */
export async function personalData(userId: string, locale: Locale, now = new Date()) {
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      displayName: true,
      locale: true,
      homeBuurtCode: true,
      createdAt: true,
      emailVerifiedAt: true,
      passwordHash: true,
      roles: {
        orderBy: { createdAt: "asc" },
        select: { role: true, scopeType: true, scopeId: true, createdAt: true },
      },
      sessions: {
        orderBy: { createdAt: "asc" },
        select: { createdAt: true, lastVerifiedAt: true },
      },
      passwordResets: {
        orderBy: { createdAt: "asc" },
        select: { createdAt: true, expiresAt: true, usedAt: true },
      },
    },
  });
  const [codes, stories, parties, notifications, auditEvents, ideas, following, budget] =
    await Promise.all([
      db().emailCode.findMany({
        where: { email: user.email },
        select: { purpose: true, createdAt: true, expiresAt: true },
      }),
      personalStoryData(userId),
      personalPartyData(user),
      notificationsSentTo(userId),
      auditEventsByActor(db(), userId),
      personalIdeaData(userId),
      followedAgendas(userId),
      budgetRoundsVotedIn(userId),
    ]);
  await recordAuditEvent(db(), {
    actorId: userId,
    action: "account.data_exported",
    subjectType: "user",
    subjectId: userId,
  });
  const { passwordHash, roles, sessions, passwordResets, ...account } = user;
  return {
    about: translate(privacyMessages, locale, "exportAbout", { date: exportDate(now) }),
    exportedAt: now,
    account: { ...account, hasPassword: passwordHash !== null },
    roles,
    sessions,
    passwordResets,
    emailCodes: codes,
    stories: stories.stories,
    reactions: stories.reactions,
    reports: stories.reports,
    ideas: ideas.ideas,
    ideaSupports: ideas.ideaSupports,
    following,
    // Which budget rounds the person voted in; what they voted is not linked to them (decision 0022).
    budgetRoundsVotedIn: budget,
    notifications,
    organisationMemberships: parties.memberships,
    invitations: parties.invitations,
    auditEvents,
  };
}

/** What the delete page needs to say before the person chooses. */
export async function accountDeletionView(userId: string) {
  const [user, stories] = await Promise.all([
    db().user.findUniqueOrThrow({
      where: { id: userId },
      select: { passwordHash: true, roles: { select: { role: true } } },
    }),
    tellerStoryCounts(userId),
  ]);
  return {
    hasPassword: user.passwordHash !== null,
    blockingRoles: rolesBlockingSelfDeletion(user.roles),
    stories,
  };
}

export type DeleteAccountOutcome =
  | {
      status: "deleted";
      storiesKept: number;
      storiesDeleted: number;
      reactionsRemoved: number;
      reportsRemoved: number;
    }
  | { status: "has-roles"; roles: Role[] }
  | { status: "wrong-password" }
  | Limited;

/**
 * Deletes the account and everything tied to it in one transaction. Refused for accounts with a
 * role beyond resident. The audit trail keeps the person's events (its actor id then points at
 * no one) and gets a final `account.deleted` event without the email address.
 */
export async function deleteAccount(
  userId: string,
  input: { stories: PublishedStoriesChoice; password?: string },
  ctx: RequestContext & { draftToken: string | null },
): Promise<DeleteAccountOutcome> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, passwordHash: true, roles: { select: { role: true } } },
  });
  const blocking = rolesBlockingSelfDeletion(user.roles);
  if (blocking.length) return { status: "has-roles", roles: blocking };
  if (user.passwordHash) {
    // The same budget as signing in and changing the password.
    const rate = await hitRateLimits([
      [`signin:email:${user.email}`, RATE_LIMITS.signInPerEmail],
      [`signin:ip:${ctx.ip}`, RATE_LIMITS.signInPerIp],
    ]);
    if (rate.limited) return { status: "rate-limited", retryAfterSeconds: rate.retryAfterSeconds };
    if (!(await verifyPassword(user.passwordHash, input.password ?? ""))) {
      return { status: "wrong-password" };
    }
    await resetRateLimit(`signin:email:${user.email}`);
  }
  return db().$transaction(async (tx) => {
    // A role granted between the check above and now still counts.
    const roles = await tx.roleAssignment.findMany({ where: { userId }, select: { role: true } });
    const lateBlocking = rolesBlockingSelfDeletion(roles);
    if (lateBlocking.length) return { status: "has-roles" as const, roles: lateBlocking };
    const erased = await eraseAccount(
      tx,
      { id: userId, email: user.email },
      {
        publishedStories: input.stories,
        draftToken: ctx.draftToken,
      },
    );
    await recordAuditEvent(tx, {
      actorId: userId,
      action: "account.deleted",
      subjectType: "user",
      subjectId: userId,
      details: { publishedStories: input.stories, ...auditDetailsOf(erased) },
    });
    return { status: "deleted" as const, ...erased.stories };
  });
}

/** What an erasure did, flat, as the audit trail has recorded it since decision 0013. */
export function auditDetailsOf(erased: Awaited<ReturnType<typeof eraseAccount>>) {
  return { ...erased.stories, ...erased.ideas, memberships: erased.memberships };
}

/**
 * Removes an account and everything tied to it, inside the caller's transaction: by the person
 * (deleteAccount) or, after long inactivity, by the retention job. Published stories and ideas
 * are deleted or kept anonymously as chosen. Returns what happened, for the audit event.
 */
export async function eraseAccount(
  tx: Db,
  user: { id: string; email: string },
  choice: { publishedStories: PublishedStoriesChoice; draftToken: string | null },
) {
  const userId = user.id;
  const stories = await eraseStoryDataOf(tx, userId, choice);
  const ideas = await eraseIdeaDataOf(tx, userId, choice.publishedStories);
  const memberships = await removeMembershipsOf(tx, userId);
  await forgetNotificationsOf(tx, userId);
  await tx.session.deleteMany({ where: { userId } });
  await tx.passwordReset.deleteMany({ where: { userId } });
  await tx.roleAssignment.deleteMany({ where: { userId } });
  await tx.emailCode.deleteMany({ where: { email: user.email } });
  // Counters keyed by the address or the account; they would expire within the hour anyway.
  await tx.rateLimit.deleteMany({
    where: {
      key: {
        in: [
          `signin:email:${user.email}`,
          `code:email:${user.email}`,
          `mail:email:${user.email}`,
          `story:account:${userId}`,
          `react:${userId}`,
          `2fa:user:${userId}`,
        ],
      },
    },
  });
  await tx.user.delete({ where: { id: userId } });
  return { stories, ideas, memberships };
}
