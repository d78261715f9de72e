import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";

// The counters that triggers keep (decision 0033): stories per buurt in every status but
// withdrawn and, of those, published with consent; and each idea's newest verdict. The app never
// writes them, so every way a story or a judgement changes must keep them right.

setupFreshDatabase();

const GLIP = "BU03970100";
const DREEF = "BU03970101";
let userId = "";
let agendaId = "";

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase({ demoStories: false });
  userId = (await db().user.create({ data: { email: "teller@example.org" } })).id;
  agendaId = (
    await db().buurtagenda.create({
      data: {
        gemeenteCode: "GM0397",
        territoryYear: 2022,
        title: "Glip",
        publicDescription: "x",
        startsOn: new Date("2026-01-01"),
        endsOn: new Date("2027-12-31"),
        createdById: userId,
      },
    })
  ).id;
});

const counted = async (buurtCode: string) =>
  (await db().buurtStoryCount.findUnique({ where: { buurtCode } }))?.stories ?? 0;
/** Stories counted, and of those published with consent (what the public lists show). */
const both = async (buurtCode: string) => {
  const row = await db().buurtStoryCount.findUnique({ where: { buurtCode } });
  return [row?.stories ?? 0, row?.published ?? 0];
};

const story = (buurtCode: string, status: "submitted" | "published" | "withdrawn") =>
  db().story.create({
    data: {
      gemeenteCode: "GM0397",
      buurtCode,
      text: "Het pad is donker.",
      channel: "online",
      status,
      consentPublish: true,
      consentQuote: false,
    },
  });

describe("stories counted per buurt", () => {
  it("follows every insert, moderation, withdrawal, move and deletion", async () => {
    const waiting = await story(GLIP, "submitted");
    await story(GLIP, "published");
    await story(GLIP, "withdrawn");
    expect(await counted(GLIP)).toBe(2);

    await db().story.update({ where: { id: waiting.id }, data: { status: "published" } });
    expect(await counted(GLIP)).toBe(2);
    await db().story.update({ where: { id: waiting.id }, data: { status: "withdrawn" } });
    expect(await counted(GLIP)).toBe(1);
    await db().story.update({ where: { id: waiting.id }, data: { status: "submitted" } });
    expect(await counted(GLIP)).toBe(2);

    await db().story.update({ where: { id: waiting.id }, data: { buurtCode: DREEF } });
    expect([await counted(GLIP), await counted(DREEF)]).toEqual([1, 1]);

    await db().story.deleteMany({ where: { buurtCode: { in: [GLIP, DREEF] } } });
    expect([await counted(GLIP), await counted(DREEF)]).toEqual([0, 0]);
  });

  it("counts the published stories with consent apart, through publication, consent and moves", async () => {
    const told = await story(GLIP, "submitted");
    expect(await both(GLIP)).toEqual([1, 0]);
    await db().story.update({ where: { id: told.id }, data: { status: "published" } });
    expect(await both(GLIP)).toEqual([1, 1]);
    await db().story.update({ where: { id: told.id }, data: { consentPublish: false } });
    expect(await both(GLIP)).toEqual([1, 0]);
    await db().story.update({ where: { id: told.id }, data: { consentPublish: true } });
    await db().story.update({ where: { id: told.id }, data: { buurtCode: DREEF } });
    expect([await both(GLIP), await both(DREEF)]).toEqual([
      [0, 0],
      [1, 1],
    ]);
    await db().story.update({ where: { id: told.id }, data: { status: "withdrawn" } });
    expect(await both(DREEF)).toEqual([0, 0]);
    await db().story.update({ where: { id: told.id }, data: { status: "published" } });
    await db().story.delete({ where: { id: told.id } });
    expect(await both(DREEF)).toEqual([0, 0]);
  });

  it("agrees with a count of the stories after many changes in one transaction", async () => {
    await db().$transaction(async (tx) => {
      for (let i = 0; i < 30; i++) {
        await tx.story.create({
          data: {
            gemeenteCode: "GM0397",
            buurtCode: i % 2 ? GLIP : DREEF,
            text: `Verhaal ${i}`,
            channel: "walk",
            status: i % 5 === 0 ? "withdrawn" : "submitted",
            consentPublish: true,
            consentQuote: true,
          },
        });
      }
      await tx.story.updateMany({
        where: { buurtCode: GLIP, status: "submitted" },
        data: { status: "withdrawn" },
      });
      await tx.story.updateMany({
        where: { buurtCode: DREEF, status: "submitted", text: { endsWith: "2" } },
        data: { status: "published" },
      });
    });
    for (const buurtCode of [GLIP, DREEF]) {
      const real = await db().story.count({ where: { buurtCode, status: { not: "withdrawn" } } });
      const listed = await db().story.count({
        where: { buurtCode, status: "published", consentPublish: true },
      });
      expect(await both(buurtCode)).toEqual([real, listed]);
    }
  });
});

describe("each idea's newest verdict", () => {
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
  const judge = (
    ideaId: string,
    verdict: "fits" | "does_not_fit" | "needs_decision",
    days: number,
  ) =>
    db().feasibilityJudgement.create({
      data: { ideaId, verdict, reason: "Uitleg.", judgedById: userId, createdAt: daysAgo(days) },
    });
  const latest = async (id: string) =>
    (await db().idea.findUniqueOrThrow({ where: { id } })).latestVerdict;

  it("is the verdict with the newest date, whatever order the judgements come in", async () => {
    const idea = await db().idea.create({
      data: { agendaId, title: "Bankje", description: "x", origin: "resident" },
    });
    expect(await latest(idea.id)).toBeNull();
    const newest = await judge(idea.id, "does_not_fit", 1);
    await judge(idea.id, "fits", 10); // entered later, judged earlier
    expect(await latest(idea.id)).toBe("does_not_fit");
    await db().feasibilityJudgement.update({
      where: { id: newest.id },
      data: { createdAt: daysAgo(20) },
    });
    expect(await latest(idea.id)).toBe("fits");
    await db().feasibilityJudgement.deleteMany({ where: { ideaId: idea.id, verdict: "fits" } });
    expect(await latest(idea.id)).toBe("does_not_fit");
    await db().feasibilityJudgement.deleteMany({ where: { ideaId: idea.id } });
    expect(await latest(idea.id)).toBeNull();
  });

  it("does not stand in the way when an idea and its judgements are deleted", async () => {
    const idea = await db().idea.create({
      data: { agendaId, title: "Moestuin", description: "x", origin: "resident" },
    });
    await judge(idea.id, "needs_decision", 3);
    await db().idea.delete({ where: { id: idea.id } });
    expect(await db().feasibilityJudgement.count({ where: { ideaId: idea.id } })).toBe(0);
  });
});
