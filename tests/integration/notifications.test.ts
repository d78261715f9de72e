import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as moderationAction } from "../../app/routes/moderatie";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { backgroundOrigin } from "../../app/shared/env.server";
import {
  QUEUES,
  enqueueInTransaction,
  queue,
  startQueueWorker,
} from "../../app/shared/queue.server";
import { setupFreshDatabase } from "../support/database";
import { signedInCookie } from "../support/demo-users";
import { formPost, routeArgs } from "../support/requests";
import { startMailbox, type CapturedMail } from "../support/smtp-capture";

// Mail about stories goes through the real queue (pg-boss on this file's database), the real
// worker and a real SMTP server. The database is cloned from a template with only our
// migrations, so the first queued job also installs pg-boss's schema.

setupFreshDatabase();

const ORIGIN = "https://buurtagenda.example.nl";
// Kees (buurtplatform) moderates wijk WK039701: De Glip and Glipper Dreef; Sanne (gemeente)
// the whole gemeente GM0397.
const GLIPPER_DREEF = "BU03970101";
const DE_GLIP = "BU03970100";
const CENTRUM = "BU03970000";
const EMAIL = {
  bewoner: "bewoner@demo.buurtagenda.nl",
  buurtplatform: "buurtplatform@demo.buurtagenda.nl",
  gemeente: "gemeente@demo.buurtagenda.nl",
  adviesraad: "adviesraad@demo.buurtagenda.nl",
  beheerder: "beheerder@demo.buurtagenda.nl",
};
const ids: Record<string, string> = {};
let kees = "";
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase({ demoStories: false });
  for (const [role, email] of Object.entries(EMAIL)) {
    ids[role] = (await db().user.findUniqueOrThrow({ where: { email } })).id;
  }
  kees = await signedInCookie(ids.buurtplatform!);
  mailbox = await startMailbox();
  process.env.SMTP_URL = mailbox.url;
  process.env.APP_URL = ORIGIN;
  stopWorker = await startQueueWorker({ pollingIntervalSeconds: 0.5 });
});

afterAll(async () => {
  await stopWorker?.();
  await mailbox?.close();
  delete process.env.SMTP_URL;
  delete process.env.APP_URL;
});

const moderate = (fields: Record<string, string>) =>
  moderationAction(routeArgs(formPost("/moderatie", fields, kees)));

async function newStory(data: {
  title?: string;
  text?: string;
  buurtCode?: string;
  tellerId?: string | null;
  status?: "submitted" | "published";
  createdAt?: Date;
}) {
  const story = await db().story.create({
    data: {
      gemeenteCode: "GM0397",
      buurtCode: data.buurtCode ?? GLIPPER_DREEF,
      title: data.title ?? "",
      text: data.text ?? "Bij de bushalte is het 's avonds erg donker.",
      channel: data.tellerId === null ? "walk" : "online",
      tellerId: data.tellerId === undefined ? ids.bewoner : data.tellerId,
      recordedById: data.tellerId === null ? ids.buurtplatform : null,
      consentPublish: true,
      consentQuote: false,
      status: data.status ?? "submitted",
      createdAt: data.createdAt,
    },
  });
  return story.id;
}

/** Polls until `ok` holds (a condition, not a fixed sleep); fails after 10 s. */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function storyJobs(storyId: string) {
  return db().$queryRaw<{ id: string; state: string; retry_count: number }[]>`
    SELECT id::text AS id, state::text AS state, retry_count FROM pgboss.job
    WHERE name = ${QUEUES.storyNotification} AND data->>'storyId' = ${storyId}
    ORDER BY created_on`;
}

/** The story's jobs, once the worker has finished all of them. */
function finishedJobs(storyId: string, count: number) {
  return until(
    () => storyJobs(storyId),
    (jobs) => jobs.length === count && jobs.every((j) => j.state === "completed"),
    `${count} completed job(s) for story ${storyId}`,
  );
}

const mailsTo = (address: string, matching: RegExp): CapturedMail[] =>
  mailbox.received.filter((m) => m.to.includes(address) && matching.test(m.text));

describe("the teller hears about their story", () => {
  it("gets one Dutch mail after approval through /moderatie, with the title and a link, never the text", async () => {
    const id = await newStory({
      title: "Donker pad",
      text: "Het pad naar de bushalte is donker, zegt Jan van nummer 12.",
    });
    expect(await moderate({ story: id, intent: "approve" })).toMatchObject({ done: "approved" });
    const mail = await mailbox.waitFor(EMAIL.bewoner, /‘Donker pad’/);
    expect(mail.subject).toBe("Uw verhaal staat op de website");
    expect(mail.text).toContain("Het staat nu op de website.");
    expect(mail.text).toContain(`${ORIGIN}/buurt/${GLIPPER_DREEF}#verhaal-${id}`);
    expect(mail.text).toContain(`${ORIGIN}/mijn-verhalen`);
    expect(mail.text).not.toContain("bushalte");
    await finishedJobs(id, 1);
    expect(mailsTo(EMAIL.bewoner, /‘Donker pad’/)).toHaveLength(1);
  });

  it("hears nothing when a reported story is approved again", async () => {
    const id = await newStory({ title: "Bankjes", status: "published" });
    await db().storyReport.create({
      data: { storyId: id, reporterId: ids.adviesraad!, reason: "Klopt niet" },
    });
    expect(await moderate({ story: id, intent: "approve" })).toMatchObject({ done: "approved" });
    expect(await storyJobs(id)).toEqual([]);
  });

  it("is told the reason in plain words and the moderator's note when a story is not published", async () => {
    const id = await newStory({ title: "Buren" });
    expect(
      await moderate({
        story: id,
        intent: "reject",
        reason: "personal_data",
        note: "Schrijf het zonder huisnummer, dan plaatsen we het graag.",
      }),
    ).toMatchObject({ done: "rejected" });
    const mail = await mailbox.waitFor(EMAIL.bewoner, /‘Buren’/);
    expect(mail.subject).toBe("Uw verhaal staat niet op de website");
    expect(mail.text).toContain(
      "De reden: er staan namen, adressen of andere persoonlijke gegevens in.",
    );
    expect(mail.text).toContain("Schrijf het zonder huisnummer, dan plaatsen we het graag.");
    expect(mail.text).toContain(`${ORIGIN}/mijn-verhalen`);
  });

  it("is told that a moderator edited the story so nobody can be recognised", async () => {
    const id = await newStory({ title: "Speeltuin", text: "Mevrouw De Vries op nummer 4 klaagt." });
    expect(
      await moderate({ story: id, intent: "anonymise", text: "[naam] op [adres] klaagt." }),
    ).toMatchObject({ done: "anonymised" });
    const mail = await mailbox.waitFor(EMAIL.bewoner, /‘Speeltuin’/);
    expect(mail.subject).toBe("Een moderator heeft uw verhaal aangepast");
    expect(mail.text).toContain("Zo kan niemand herkend worden.");
    expect(mail.text).toContain(`‘Mijn verhalen’: ${ORIGIN}/mijn-verhalen`);
    expect(mail.text).not.toMatch(/De Vries|\[naam\]/);
  });

  it("writes in English to a teller who chose English", async () => {
    const user = await db().user.create({
      data: { email: "lena@example.org", locale: "en", emailVerifiedAt: new Date() },
    });
    const id = await newStory({ title: "Dark path", tellerId: user.id });
    await moderate({ story: id, intent: "reject", reason: "advertising", note: "" });
    const mail = await mailbox.waitFor("lena@example.org", /‘Dark path’/);
    expect(mail.subject).toBe("Your story is not on the website");
    expect(mail.text).toContain("The reason: it is advertising.");
    expect(mail.text).not.toContain("The moderator added");
  });

  it("queues nothing for a recorded story without a teller account", async () => {
    const id = await newStory({ title: "Wandeling", tellerId: null });
    expect(
      await moderate({ story: id, intent: "anonymise", text: "Op de wandeling zei [naam] dit." }),
    ).toMatchObject({ done: "anonymised" });
    expect(await moderate({ story: id, intent: "approve" })).toMatchObject({ done: "approved" });
    expect(await storyJobs(id)).toEqual([]);
  });

  it("sends one mail when the queue delivers the same job a second time", async () => {
    const id = await newStory({ title: "Fietsenstalling" });
    await moderate({ story: id, intent: "approve" });
    const [job] = await finishedJobs(id, 1);
    expect(mailsTo(EMAIL.bewoner, /‘Fietsenstalling’/)).toHaveLength(1);
    // As after a worker that died between the mail and marking the job done: pg-boss hands the
    // same job out again, and the real worker runs it again.
    await db().$executeRaw`
      UPDATE pgboss.job SET state = 'retry', completed_on = NULL WHERE id = ${job!.id}::uuid`;
    await until(
      () => storyJobs(id),
      ([again]) => again?.state === "completed" && again.retry_count === 1,
      "the job to run a second time",
    );
    expect(mailsTo(EMAIL.bewoner, /‘Fietsenstalling’/)).toHaveLength(1);
    expect(
      await db().notificationLog.count({ where: { key: `story.published:${id}:${job!.id}` } }),
    ).toBe(1);
  });
});

describe("jobs are queued inside the caller's transaction", () => {
  it("exists only once the transaction commits", async () => {
    const id = await newStory({ title: "Vuilnis" });
    await db().$transaction(async (tx) => {
      await enqueueInTransaction(tx, QUEUES.storyNotification, { kind: "published", storyId: id });
      // Another connection does not see the job yet.
      expect(await storyJobs(id)).toEqual([]);
    });
    expect(await storyJobs(id)).toHaveLength(1);
  });

  it("leaves no job when the transaction rolls back", async () => {
    const id = await newStory({ title: "Stoep" });
    await expect(
      db().$transaction(async (tx) => {
        await enqueueInTransaction(tx, QUEUES.storyNotification, {
          kind: "published",
          storyId: id,
        });
        throw new Error("the moderation failed after queueing");
      }),
    ).rejects.toThrow("the moderation failed after queueing");
    expect(await storyJobs(id)).toEqual([]);
  });
});

describe("the moderators' morning digest", () => {
  async function runDigest() {
    const boss = await queue();
    const id = await boss.send(QUEUES.moderationDigest, {});
    await until(
      () => boss.getJobById(QUEUES.moderationDigest, id!),
      (job) => job?.state === "completed",
      "the digest job",
    );
  }
  const digests = (address: string) =>
    mailbox.received.filter((m) => m.to.includes(address) && /\/moderatie/.test(m.text));

  beforeAll(async () => {
    // Start from an empty moderation queue.
    await db().story.deleteMany();
  });

  it("is scheduled every morning, Dutch time", async () => {
    const schedules = await (await queue()).getSchedules();
    expect(schedules).toContainEqual(
      expect.objectContaining({
        name: QUEUES.moderationDigest,
        cron: "0 7 * * *",
        timezone: "Europe/Amsterdam",
      }),
    );
  });

  it("sends nothing when nothing waits", async () => {
    await runDigest();
    expect(digests(EMAIL.buurtplatform)).toEqual([]);
    expect(digests(EMAIL.gemeente)).toEqual([]);
  });

  it("counts what waits in each moderator's own area, and mails once a day", async () => {
    await newStory({ buurtCode: GLIPPER_DREEF, createdAt: new Date("2026-11-28T08:15:00Z") });
    await newStory({ buurtCode: DE_GLIP, createdAt: new Date("2026-11-29T08:15:00Z") });
    // Published long ago, reported on 27 November: it waits since the report.
    const reported = await newStory({
      buurtCode: DE_GLIP,
      status: "published",
      createdAt: new Date("2026-10-01T08:00:00Z"),
    });
    await db().storyReport.create({
      data: {
        storyId: reported,
        reporterId: ids.adviesraad!,
        reason: "Er staat een naam in",
        createdAt: new Date("2026-11-27T10:00:00Z"),
      },
    });
    // Centrum lies in wijk WK039700: Sanne's, not Kees's.
    await newStory({ buurtCode: CENTRUM, createdAt: new Date("2026-11-20T08:15:00Z") });

    await runDigest();
    const [toKees] = digests(EMAIL.buurtplatform);
    expect(digests(EMAIL.buurtplatform)).toHaveLength(1);
    expect(toKees!.subject).toBe("Verhalen wachten op controle (3)");
    expect(toKees!.text).toContain("- 2 nieuwe verhalen\n- 1 gemeld verhaal");
    expect(toKees!.text).toContain("Het oudste verhaal wacht sinds 27 november 2026");
    expect(toKees!.text).toContain(`${ORIGIN}/moderatie`);

    const [toSanne] = digests(EMAIL.gemeente);
    expect(digests(EMAIL.gemeente)).toHaveLength(1);
    expect(toSanne!.subject).toBe("Verhalen wachten op controle (4)");
    expect(toSanne!.text).toContain("- 3 nieuwe verhalen\n- 1 gemeld verhaal");
    expect(toSanne!.text).toContain("Het oudste verhaal wacht sinds 20 november 2026");

    // Residents, the council and the administrator do not moderate.
    for (const address of [EMAIL.bewoner, EMAIL.adviesraad, EMAIL.beheerder]) {
      expect(digests(address)).toEqual([]);
    }

    // A second run the same day (a retry, or a second worker) sends nothing new.
    await runDigest();
    expect(digests(EMAIL.buurtplatform)).toHaveLength(1);
    expect(digests(EMAIL.gemeente)).toHaveLength(1);
  });
});

describe("links in mail without a request", () => {
  it("use APP_URL, and http://localhost:3000 in development when it is unset", () => {
    expect(backgroundOrigin()).toBe(ORIGIN);
    const { APP_URL, PORT } = process.env;
    delete process.env.APP_URL;
    delete process.env.PORT;
    try {
      expect(backgroundOrigin()).toBe("http://localhost:3000");
    } finally {
      process.env.APP_URL = APP_URL;
      if (PORT !== undefined) process.env.PORT = PORT;
    }
  });
});
