import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  anonymiseInactiveAccounts,
  pruneAuditTrail,
  warnInactiveAccounts,
} from "../../app/features/auth/retention.server";
import { createSession } from "../../app/features/auth/session.server";
import { recordAuditEvent, withAuditOrigin } from "../../app/shared/audit.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { startMailbox } from "../support/smtp-capture";

setupFreshDatabase();
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
beforeAll(async () => {
  await seedDatabase({ demoStories: false });
  mailbox = await startMailbox();
  process.env.SMTP_URL = mailbox.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await mailbox.close();
});
afterEach(() => {
  delete process.env.AUDIT_RETENTION_MONTHS;
  delete process.env.INACTIVE_ACCOUNT_MONTHS;
});

const DAY = 24 * 60 * 60 * 1000;
const monthsAgo = (months: number, from = new Date()) =>
  new Date(from.getTime() - months * 30.5 * DAY);
let counter = 0;

async function eventAt(createdAt: Date, action: string) {
  // Inserting is what the trail allows; the timestamp is set as an import of old events would.
  return db().auditEvent.create({
    data: { actorId: null, action, subjectType: "test", subjectId: "1", createdAt },
  });
}

async function resident(lastSeenAt: Date, options: { verified?: boolean; role?: "gemeente" } = {}) {
  const user = await db().user.create({
    data: {
      email: `slaper${++counter}-${Date.now()}@example.org`,
      emailVerifiedAt: options.verified === false ? null : new Date(),
      lastSeenAt,
    },
  });
  if (options.role) {
    await db().roleAssignment.create({
      data: { userId: user.id, role: options.role, scopeType: "gemeente", scopeId: "GM0397" },
    });
  }
  return user;
}

describe("audit trail: what, on what, result, origin, who and when; kept 12 months", () => {
  it("records the origin and client address of a request, and refusals as refused", async () => {
    await withAuditOrigin({ origin: "web", ip: "203.0.113.44" }, () =>
      recordAuditEvent(db(), {
        actorId: null,
        action: "test.web",
        subjectType: "test",
        subjectId: "web",
      }),
    );
    await recordAuditEvent(db(), {
      actorId: null,
      action: "test.script",
      subjectType: "test",
      subjectId: "script",
      result: "refused",
    });
    const events = await db().auditEvent.findMany({
      where: { action: { in: ["test.web", "test.script"] } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.action, e.origin, e.ip, e.result])).toEqual([
      ["test.web", "web", "203.0.113.44", "success"],
      ["test.script", "script", null, "refused"],
    ]);
    expect(events.every((e) => e.createdAt instanceof Date)).toBe(true);
  });

  it("deletes events past the retention period, and only the nightly job may delete", async () => {
    const old = await eventAt(monthsAgo(13), "test.old");
    const recent = await eventAt(monthsAgo(11), "test.recent");
    // Outside the job the trail stays append-only, old events included.
    await expect(db().auditEvent.delete({ where: { id: old.id } })).rejects.toThrow(/append-only/);

    expect(await pruneAuditTrail()).toBeGreaterThanOrEqual(1);
    expect(await db().auditEvent.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db().auditEvent.findUnique({ where: { id: recent.id } })).not.toBeNull();
    const pruned = await db().auditEvent.findFirst({
      where: { action: "audit.pruned" },
      orderBy: { id: "desc" },
    });
    expect(pruned?.details).toMatchObject({ olderThanMonths: 12 });

    process.env.AUDIT_RETENTION_MONTHS = "6";
    await pruneAuditTrail();
    expect(await db().auditEvent.findUnique({ where: { id: recent.id } })).toBeNull();
  });

  it("never lets the job delete the last month, whatever the setting", async () => {
    const week = await eventAt(new Date(Date.now() - 7 * DAY), "test.week");
    process.env.AUDIT_RETENTION_MONTHS = "1";
    // A clock far ahead makes the event look old to the job; the database still refuses.
    await expect(pruneAuditTrail(new Date(Date.now() + 60 * DAY))).rejects.toThrow(/append-only/);
    expect(await db().auditEvent.findUnique({ where: { id: week.id } })).not.toBeNull();
  });
});

describe("inactive accounts: warned, then anonymised", () => {
  it("warns a resident after two years without a visit, once, and anonymises them a month later", async () => {
    const sleeper = await resident(monthsAgo(25));
    const active = await resident(monthsAgo(3));
    const staff = await resident(monthsAgo(30), { role: "gemeente" });
    const story = await db().story.create({
      data: {
        gemeenteCode: "GM0397",
        buurtCode: "BU03970101",
        text: "De bankjes bij het water zijn weg.",
        channel: "online",
        tellerId: sleeper.id,
        tellerName: "Piet",
        showName: true,
        consentPublish: true,
        consentQuote: false,
        status: "published",
        themes: { create: [{ themeKey: "lighting" }] },
      },
    });

    expect(await warnInactiveAccounts()).toBeGreaterThanOrEqual(1);
    const mail = await mailbox.waitFor(sleeper.email, /Log dan voor .* één keer in: http/);
    expect(mail.subject).toBe("Uw account bij Buurtagenda wordt verwijderd");
    expect(mailbox.received.some((m) => m.to.includes(active.email))).toBe(false);
    expect(mailbox.received.some((m) => m.to.includes(staff.email))).toBe(false);
    const warned = await db().user.findUniqueOrThrow({ where: { id: sleeper.id } });
    expect(warned.inactivityWarnedAt).not.toBeNull();
    // A second night sends nothing new.
    const before = mailbox.received.length;
    await warnInactiveAccounts();
    expect(mailbox.received.filter((m) => m.to.includes(sleeper.email))).toHaveLength(1);
    expect(mailbox.received.length).toBeGreaterThanOrEqual(before);

    // Within the warning period nothing is removed.
    await anonymiseInactiveAccounts(new Date(Date.now() + 10 * DAY));
    expect(await db().user.findUnique({ where: { id: sleeper.id } })).not.toBeNull();

    expect(await anonymiseInactiveAccounts(new Date(Date.now() + 31 * DAY))).toBeGreaterThanOrEqual(
      1,
    );
    expect(await db().user.findUnique({ where: { id: sleeper.id } })).toBeNull();
    const kept = await db().story.findUniqueOrThrow({ where: { id: story.id } });
    expect(kept).toMatchObject({ tellerId: null, status: "published", showName: false });
    expect(await db().user.findUnique({ where: { id: active.id } })).not.toBeNull();
    expect(await db().user.findUnique({ where: { id: staff.id } })).not.toBeNull();
    const event = await db().auditEvent.findFirst({
      where: { action: "account.anonymised_inactive", subjectId: sleeper.id },
    });
    expect(event).toMatchObject({ actorId: null, result: "success" });
  });

  it("keeps an account whose owner signs in after the warning", async () => {
    const sleeper = await resident(monthsAgo(26));
    await warnInactiveAccounts();
    await mailbox.waitFor(sleeper.email, /Log dan voor/);
    await createSession(sleeper.id);
    const back = await db().user.findUniqueOrThrow({ where: { id: sleeper.id } });
    expect(back.inactivityWarnedAt).toBeNull();
    await anonymiseInactiveAccounts(new Date(Date.now() + 40 * DAY));
    expect(await db().user.findUnique({ where: { id: sleeper.id } })).not.toBeNull();
  });

  it("takes the period from the configuration, and removes unconfirmed accounts without mail", async () => {
    process.env.INACTIVE_ACCOUNT_MONTHS = "6";
    const unconfirmed = await resident(monthsAgo(7), { verified: false });
    await warnInactiveAccounts();
    const warned = await db().user.findUniqueOrThrow({ where: { id: unconfirmed.id } });
    expect(warned.inactivityWarnedAt).not.toBeNull();
    expect(mailbox.received.some((m) => m.to.includes(unconfirmed.email))).toBe(false);
    await anonymiseInactiveAccounts(new Date(Date.now() + 31 * DAY));
    expect(await db().user.findUnique({ where: { id: unconfirmed.id } })).toBeNull();
  });
});
