import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as exportLoader } from "../../app/routes/account-gegevens";
import {
  action as deleteAction,
  loader as deleteLoader,
} from "../../app/routes/account-verwijderen";
import { loader as accountLoader } from "../../app/routes/account";
import { loader as buurtLoader } from "../../app/routes/buurt";
import { loader as buurtPinsLoader } from "../../app/routes/buurt-kaartpunten";
import { DEMO_PASSWORD } from "../../app/features/auth/demo-accounts.server";
import { hashPassword } from "../../app/features/auth/password.server";
import { authenticate } from "../../app/features/auth/session.server";
import { reportStory, toggleRecognised } from "../../app/features/stories/stories.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { signedInCookie } from "../support/demo-users";
import { formPost, get, isRedirectTo, routeArgs } from "../support/requests";

setupFreshDatabase();

const IP = "203.0.113.7";

const GLIPPER_DREEF = "BU03970101";
const PASSWORD = "een lange zin als wachtwoord";
let passwordHash: string;
let counter = 0;

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase({ demoStories: false });
  passwordHash = await hashPassword(PASSWORD);
});

/** A resident account (with a password unless `codeOnly`) and a session cookie for it. */
async function resident(options: { codeOnly?: boolean } = {}) {
  const email = `bewoner${++counter}@example.org`;
  const user = await db().user.create({
    data: {
      email,
      emailVerifiedAt: new Date(),
      passwordHash: options.codeOnly ? null : passwordHash,
      displayName: `Bewoner ${counter}`,
    },
  });
  return {
    id: user.id,
    email,
    displayName: user.displayName!,
    cookie: await signedInCookie(user.id),
  };
}

async function demoAccount(role: string) {
  const user = await db().user.findUniqueOrThrow({
    where: { email: `${role}@demo.buurtagenda.nl` },
  });
  return { id: user.id, email: user.email, cookie: await signedInCookie(user.id) };
}

type Status = "submitted" | "published" | "rejected" | "withdrawn";
async function story(tellerId: string | null, status: Status, text: string, extra = {}) {
  const row = await db().story.create({
    data: {
      gemeenteCode: "GM0397",
      buurtCode: GLIPPER_DREEF,
      title: text.slice(0, 30),
      text,
      channel: "online",
      tellerId,
      consentPublish: status === "published",
      consentQuote: false,
      status,
      themes: { create: [{ themeKey: "lighting" }] },
      ...extra,
    },
  });
  return row.id;
}

/** The public buurt page as a visitor sees it: published stories and the map pins. */
const buurtSection = (query = "") =>
  buurtLoader(routeArgs(get(`/buurt/${GLIPPER_DREEF}${query}`), { code: GLIPPER_DREEF }));
const buurtPage = async (query = "") => (await buurtSection(query)).stories;

async function download(cookie?: string) {
  return (await exportLoader(routeArgs(get("/account/gegevens", cookie)))) as Response;
}

type FormResult = { result: { error: Record<string, string[] | null> } };
const deleteAccount = (fields: Record<string, string>, cookie: string, ip?: string) =>
  deleteAction(routeArgs(formPost("/account/verwijderen", fields, cookie), {}, ip));

/** What we hold about a person, to compare before and after a refused deletion. */
async function holdings(userId: string) {
  return {
    user: await db().user.count({ where: { id: userId } }),
    sessions: await db().session.count({ where: { userId } }),
    roles: await db().roleAssignment.count({ where: { userId } }),
    stories: await db().story.count({ where: { tellerId: userId } }),
    reactions: await db().storyReaction.count({ where: { userId } }),
    deletedEvents: await db().auditEvent.count({
      where: { actorId: userId, action: "account.deleted" },
    }),
  };
}

describe("download my data", () => {
  it("needs sign-in", async () => {
    const refused = await exportLoader(routeArgs(get("/account/gegevens"))).catch((e) => e);
    expect(isRedirectTo(refused, /^\/inloggen\?terug=%2Faccount%2Fgegevens$/)).toBe(true);
  });

  it("holds the person's own stories in every state, reactions and reports, and nothing of another person", async () => {
    const fatima = await demoAccount("bewoner");
    const other = await resident();
    const published = await story(fatima.id, "published", "Het pad is donker bij De Glip.", {
      originalText: "Het pad bij Jan de buurman is donker.",
      showName: true,
      tellerName: "Fatima",
      lon: 4.6,
      lat: 52.35,
    });
    await story(fatima.id, "submitted", "Er staan te weinig bankjes.");
    await story(fatima.id, "rejected", "Koop nu goedkope fietsen!", {
      rejectionReason: "advertising",
      rejectionNote: "Dit is reclame.",
    });
    await story(fatima.id, "withdrawn", "Toch maar niet.");
    const othersPublished = await story(other.id, "published", "Mijn tuin staat vaak onder water.");
    await story(other.id, "submitted", "Geheim verhaal van een ander.");
    expect(await toggleRecognised(fatima.id, othersPublished, IP)).toBe("added");
    expect(await toggleRecognised(other.id, published, IP)).toBe("added");
    expect(await reportStory(fatima.id, othersPublished, "Dit gaat over mijn straat.", IP)).toBe(
      "reported",
    );
    await db().notificationLog.create({
      data: { key: `digest:${fatima.id}:2026-12-01`, userId: fatima.id, kind: "digest" },
    });
    // An organisation she acts for, and an invitation sent to her address.
    const agenda = await db().buurtagenda.create({
      data: {
        gemeenteCode: "GM0397",
        territoryYear: 2022,
        title: "Buurtagenda Glipper Dreef",
        publicDescription: "",
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2026-12-31"),
        createdById: other.id,
      },
    });
    const organisation = await db().organisation.create({
      data: {
        gemeenteCode: "GM0397",
        name: "Bewonersvereniging De Glip",
        kind: "residents_association",
      },
    });
    await db().organisationMember.create({
      data: { userId: fatima.id, organisationId: organisation.id },
    });
    await db().invitation.create({
      data: {
        id: "uitnodiging1",
        secretHash: new Uint8Array(32).fill(7),
        agendaId: agenda.id,
        email: fatima.email,
        role: "partner",
        invitedById: other.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });

    const response = await download(fatima.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="buurtagenda-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    const text = await response.text();
    const data = JSON.parse(text);
    expect(data.account).toMatchObject({
      id: fatima.id,
      email: fatima.email,
      locale: "nl",
      hasPassword: true,
    });
    expect(data.account.createdAt).toBeTruthy();
    expect(data.account.emailVerifiedAt).toBeTruthy();
    expect(data.roles).toMatchObject([
      { role: "bewoner", scopeType: "buurt", scopeId: GLIPPER_DREEF },
    ]);
    expect(data.stories.map((s: { status: string }) => s.status).sort()).toEqual([
      "published",
      "rejected",
      "submitted",
      "withdrawn",
    ]);
    expect(data.stories.find((s: { id: string }) => s.id === published)).toMatchObject({
      text: "Het pad is donker bij De Glip.",
      originalText: "Het pad bij Jan de buurman is donker.",
      themes: ["lighting"],
      buurtCode: GLIPPER_DREEF,
      channel: "online",
      lon: 4.6,
      lat: 52.35,
      showName: true,
      tellerName: "Fatima",
      consentPublish: true,
      consentQuote: false,
    });
    expect(data.stories.find((s: { status: string }) => s.status === "rejected")).toMatchObject({
      rejectionReason: "advertising",
      rejectionNote: "Dit is reclame.",
    });
    expect(data.reactions).toMatchObject([
      { storyId: othersPublished, storyTitle: "Mijn tuin staat vaak onder wat" },
    ]);
    expect(data.reports).toMatchObject([
      { storyId: othersPublished, reason: "Dit gaat over mijn straat." },
    ]);
    expect(data.organisationMemberships).toMatchObject([
      { organisationId: organisation.id, organisation: "Bewonersvereniging De Glip" },
    ]);
    expect(data.invitations).toMatchObject([
      {
        agendaId: agenda.id,
        agenda: "Buurtagenda Glipper Dreef",
        role: "partner",
        acceptedAt: null,
      },
    ]);
    expect(data.notifications).toMatchObject([{ kind: "digest" }]);
    expect(data.auditEvents.map((e: { action: string }) => e.action)).toContain("story.reported");
    expect(data.sessions.length).toBeGreaterThan(0);
    // Never a secret, and nothing of the other person.
    expect(text).not.toMatch(/passwordHash|secretHash|codeHash|argon2/i);
    expect(text).not.toContain(other.email);
    expect(text).not.toContain(other.id);
    expect(text).not.toContain("Geheim verhaal van een ander.");
    expect(text).not.toContain(other.displayName);
    // The download itself is on the record.
    expect(
      await db().auditEvent.count({
        where: { actorId: fatima.id, action: "account.data_exported" },
      }),
    ).toBe(1);
  });
});

describe("delete my account", () => {
  it("explains the choice, and refuses a missing choice with a message next to the field", async () => {
    const person = await resident();
    await story(person.id, "published", "Het speeltuintje is kapot.");
    const page = await deleteLoader(routeArgs(get("/account/verwijderen", person.cookie)));
    expect(page).toEqual({
      hasPassword: true,
      blockingRoles: [],
      stories: { published: 1, notPublished: 0 },
    });
    const before = await holdings(person.id);
    const missing = (await deleteAccount({ password: PASSWORD }, person.cookie)) as FormResult;
    expect(missing.result.error.stories).toEqual(["storiesChoiceRequired"]);
    const unknown = (await deleteAccount(
      { stories: "misschien", password: PASSWORD },
      person.cookie,
    )) as FormResult;
    expect(unknown.result.error.stories).toEqual(["storiesChoiceRequired"]);
    const noPassword = (await deleteAccount({ stories: "keep" }, person.cookie)) as FormResult;
    expect(noPassword.result.error.password).toEqual(["passwordRequired"]);
    expect(await holdings(person.id)).toEqual(before);
  });

  it("refuses a wrong password next to the field, changes nothing, and is rate-limited", async () => {
    const person = await resident();
    await story(person.id, "submitted", "De stoep is scheef.");
    const before = await holdings(person.id);
    const ip = "198.51.100.23";
    const wrong = (await deleteAccount(
      { stories: "delete", password: "niet mijn wachtwoord" },
      person.cookie,
      ip,
    )) as FormResult & { result: { initialValue: Record<string, unknown> } };
    expect(wrong.result.error.password).toEqual(["passwordWrong"]);
    // The choice stays; the password is not sent back.
    expect(wrong.result.initialValue.stories).toBe("delete");
    expect(wrong.result.initialValue.password).toBeUndefined();
    expect(await holdings(person.id)).toEqual(before);
    for (let i = 0; i < 4; i++) {
      await deleteAccount({ stories: "delete", password: "fout" }, person.cookie, ip);
    }
    // Over the limit, even the right password waits.
    const limited = (await deleteAccount(
      { stories: "delete", password: PASSWORD },
      person.cookie,
      ip,
    )) as FormResult & { retryMinutes: number };
    expect(limited.result.error[""]).toEqual(["rateLimited"]);
    expect(limited.retryMinutes).toBeGreaterThan(0);
    expect(await holdings(person.id)).toEqual(before);
  });

  it("refuses a staff account, server-side, with a message to ask the beheerder", async () => {
    const sanne = await demoAccount("gemeente");
    const page = await deleteLoader(routeArgs(get("/account/verwijderen", sanne.cookie)));
    expect(page.blockingRoles).toEqual(["gemeente"]);
    const before = await holdings(sanne.id);
    const refused = (await deleteAccount(
      { stories: "delete", password: DEMO_PASSWORD },
      sanne.cookie,
    )) as FormResult;
    expect(refused.result.error[""]).toEqual(["blocked"]);
    expect(await holdings(sanne.id)).toEqual(before);
    expect((await authenticate(get("/", sanne.cookie))).user?.id).toBe(sanne.id);
  });

  it("keeps published stories anonymously, deletes the rest, and signs the person out", async () => {
    const person = await resident();
    const neighbour = await resident();
    const kept = await story(person.id, "published", "De lantaarn bij het hofje is stuk.", {
      showName: true,
      tellerName: "Karim",
      originalText: "De lantaarn bij Piet op nummer 4 is stuk.",
    });
    const waiting = await story(person.id, "submitted", "Nog een verhaal dat wacht.");
    const rejected = await story(person.id, "rejected", "Afgewezen verhaal.", {
      rejectionReason: "other",
    });
    const neighbours = await story(neighbour.id, "published", "Er rijden te veel auto's hard.");
    await toggleRecognised(person.id, neighbours, IP);
    await toggleRecognised(neighbour.id, neighbours, IP);
    await toggleRecognised(neighbour.id, kept, IP);
    await reportStory(person.id, neighbours, "Dit klopt niet.", IP);
    await db().notificationLog.create({
      data: { key: `story.published:${kept}:1`, userId: person.id, kind: "story.published" },
    });
    const earlierEvents = await db().auditEvent.count({ where: { actorId: person.id } });
    expect(earlierEvents).toBeGreaterThan(0);
    const countOf = async (id: string) =>
      (await buurtPage()).find((s) => s.id === id)?.recognisedCount;
    expect(await countOf(neighbours)).toBe(2);

    const response = await deleteAccount({ stories: "keep", password: PASSWORD }, person.cookie);
    expect(isRedirectTo(response, /^\/\?account-verwijderd$/)).toBe(true);
    const setCookie = (response as Response).headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/sessie=;[^,]*Max-Age=0/);

    // The published story stays on the buurt page, without name and without an account.
    const shown = (await buurtPage()).find((s) => s.id === kept);
    expect(shown).toMatchObject({ text: "De lantaarn bij het hofje is stuk.", tellerName: "" });
    expect(shown!.recognisedCount).toBe(1);
    expect(await db().story.findUniqueOrThrow({ where: { id: kept } })).toMatchObject({
      tellerId: null,
      tellerName: "",
      showName: false,
      originalText: null,
      status: "published",
    });
    expect(await db().story.count({ where: { id: { in: [waiting, rejected] } } })).toBe(0);
    // Their reaction and report are gone; the neighbour's stay.
    expect(await countOf(neighbours)).toBe(1);
    expect(await db().storyReport.count({ where: { reporterId: person.id } })).toBe(0);
    expect(await db().notificationLog.count({ where: { userId: person.id } })).toBe(0);
    expect(await holdings(person.id)).toMatchObject({
      user: 0,
      sessions: 0,
      roles: 0,
      stories: 0,
      reactions: 0,
    });
    // The old cookie no longer works.
    expect((await authenticate(get("/", person.cookie))).user).toBeNull();
    const again = await accountLoader(routeArgs(get("/account", person.cookie))).catch((e) => e);
    expect(isRedirectTo(again, /^\/inloggen\?terug=%2Faccount$/)).toBe(true);
    // The audit trail keeps what happened, and says the account was deleted, without the email.
    const events = await db().auditEvent.findMany({ where: { actorId: person.id } });
    expect(events.length).toBeGreaterThan(earlierEvents);
    const deleted = events.find((e) => e.action === "account.deleted")!;
    expect(deleted).toMatchObject({ subjectType: "user", subjectId: person.id });
    expect(deleted.details).toMatchObject({
      publishedStories: "keep",
      storiesKept: 1,
      storiesDeleted: 2,
    });
    expect(JSON.stringify(events.map((e) => e.details))).not.toContain(person.email);
    expect(events.filter((e) => e.subjectId === kept).map((e) => e.action)).toEqual([
      "story.teller_account_deleted",
    ]);
  });

  it("deletes all stories when the person chooses so; a code-only account confirms with a tick", async () => {
    const person = await resident({ codeOnly: true });
    const published = await story(person.id, "published", "De bankjes zijn weg uit het park.");
    await story(person.id, "withdrawn", "Ingetrokken verhaal.");
    const other = await resident();
    const othersStory = await story(other.id, "published", "Het gras wordt nooit gemaaid.");
    await toggleRecognised(other.id, published, IP);
    const page = await deleteLoader(routeArgs(get("/account/verwijderen", person.cookie)));
    expect(page.hasPassword).toBe(false);
    const before = await holdings(person.id);
    const unticked = (await deleteAccount({ stories: "delete" }, person.cookie)) as FormResult;
    expect(unticked.result.error.confirm).toEqual(["confirmRequired"]);
    expect(await holdings(person.id)).toEqual(before);

    const response = await deleteAccount({ stories: "delete", confirm: "on" }, person.cookie);
    expect(isRedirectTo(response, /^\/\?account-verwijderd$/)).toBe(true);
    expect(await db().story.count({ where: { text: { contains: "bankjes zijn weg" } } })).toBe(0);
    expect(await db().story.count({ where: { text: "Ingetrokken verhaal." } })).toBe(0);
    expect(await db().storyReaction.count({ where: { storyId: published } })).toBe(0);
    const ids = (await buurtPage()).map((s) => s.id);
    expect(ids).not.toContain(published);
    expect(ids).toContain(othersStory);
    expect(await db().user.count({ where: { id: person.id } })).toBe(0);
    expect((await authenticate(get("/", person.cookie))).user).toBeNull();
  });
});

describe("the public buurt page", () => {
  it("never returns submitted, rejected or withdrawn stories, nor a published one without consent", async () => {
    const teller = await resident();
    const marker = "regenton";
    const pin = { lon: 4.62, lat: 52.35 };
    const shown = await story(teller.id, "published", `Gepubliceerd ${marker}`, pin);
    for (const status of ["submitted", "rejected", "withdrawn"] as const) {
      await story(teller.id, status, `Niet openbaar ${status} ${marker}`, pin);
    }
    await story(teller.id, "published", `Zonder toestemming ${marker}`, {
      ...pin,
      consentPublish: false,
    });
    const hidden = (
      await db().story.findMany({ where: { text: { contains: marker }, NOT: { id: shown } } })
    ).map((s) => s.id);
    expect(hidden).toHaveLength(4);
    for (const query of ["", `?zoek=${marker}`, "?thema=lighting"]) {
      const section = await buurtSection(query);
      const stories = section.stories.filter((s) => s.text.includes(marker));
      expect(stories.map((s) => s.id)).toEqual([shown]);
      const pins = (await (
        await buurtPinsLoader(
          routeArgs(get(`/buurt/${GLIPPER_DREEF}/kaartpunten${query}`), { code: GLIPPER_DREEF }),
        )
      ).json()) as { features: { properties: { id: string } }[] };
      const pinIds = pins.features.map((f) => f.properties.id);
      expect(pinIds).toContain(shown);
      expect(pinIds.filter((id) => hidden.includes(id))).toEqual([]);
    }
  });
});
