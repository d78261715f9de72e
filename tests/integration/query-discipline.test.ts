import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_AGENDA_TITLE } from "../../app/features/agenda/demo-agenda.server";
import { loader as buurtLoader } from "../../app/routes/buurt";
import { loader as buurtPointsLoader } from "../../app/routes/buurt-kaartpunten";
import { loader as agendaLoader } from "../../app/routes/buurtagenda";
import { loader as agreementsLoader } from "../../app/routes/buurtagenda-afspraken";
import { loader as agendaPointsLoader } from "../../app/routes/buurtagenda-kaartpunten";
import { loader as versionLoader } from "../../app/routes/buurtagenda-versie";
import { loader as workspaceLoader } from "../../app/routes/buurtagenda-werkruimte";
import { loader as gemeenteLoader } from "../../app/routes/gemeente";
import { loader as dashboardLoader } from "../../app/routes/gemeente-dashboard";
import { loader as moderationLoader } from "../../app/routes/moderatie";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { signInDemoRoles } from "../support/demo-users";
import { get, routeArgs } from "../support/requests";

// Query discipline (issue 10): the number of SQL statements a main page sends must not grow
// with the number of stories, agreements or buurten on it. Counted at the pg driver, under
// Prisma, so raw queries, transactions and Prisma's own statements all count.

setupFreshDatabase();
const users: Record<string, string> = {};
const cookies: Record<string, string> = {};
let agendaId: string;
const BUURT = "BU03970101"; // in the demo agenda's area

beforeAll(async () => {
  await seedDatabase();
  await signInDemoRoles(["gemeente", "buurtplatform", "adviesraad"], users, cookies);
  agendaId = (await db().buurtagenda.findFirstOrThrow({ where: { title: DEMO_AGENDA_TITLE } })).id;
});

/** How many statements `work` sends to PostgreSQL. */
async function countQueries(work: () => Promise<unknown>): Promise<number> {
  const original = pg.Client.prototype.query;
  let count = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    count++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = original;
  }
  return count;
}

const PAGES: Record<string, () => Promise<unknown>> = {
  "buurt page": () => buurtLoader(routeArgs(get(`/buurt/${BUURT}`), { code: BUURT })),
  "buurt map points": () =>
    buurtPointsLoader(routeArgs(get(`/buurt/${BUURT}/kaartpunten`), { code: BUURT })),
  "public buurtagenda page": () =>
    agendaLoader(routeArgs(get(`/buurtagenda/${agendaId}`), { id: agendaId })),
  "buurtagenda map points": () =>
    agendaPointsLoader(routeArgs(get(`/buurtagenda/${agendaId}/kaartpunten`), { id: agendaId })),
  "published agenda version": () =>
    versionLoader(
      routeArgs(get(`/buurtagenda/${agendaId}/versie/1`), { id: agendaId, number: "1" }),
    ),
  workspace: () =>
    workspaceLoader(
      routeArgs(get(`/buurtagenda/${agendaId}/werkruimte`, cookies.gemeente), { id: agendaId }),
    ),
  "agreements list": () =>
    agreementsLoader(
      routeArgs(get(`/buurtagenda/${agendaId}/afspraken`, cookies.gemeente), { id: agendaId }),
    ),
  "moderation queue": () => moderationLoader(routeArgs(get("/moderatie", cookies.buurtplatform))),
  "council dashboard": () =>
    dashboardLoader(
      routeArgs(get("/gemeente/GM0397/dashboard", cookies.adviesraad), { code: "GM0397" }),
    ),
};

async function countAll(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [page, load] of Object.entries(PAGES)) {
    await load(); // warm: first-use work (a prepared client, the territory cache) is not the page
    counts[page] = await countQueries(load);
  }
  return counts;
}

/** Stories and agreements up to about a thousand each, like a busy agenda after a year. */
async function growTo(total: number) {
  const sample = await db().agreement.findFirstOrThrow({ where: { agendaId } });
  const stories = await db().story.count({ where: { buurtCode: BUURT } });
  const agreements = await db().agreement.count({ where: { agendaId } });
  const story = (i: number, status: "published" | "submitted") => ({
    gemeenteCode: "GM0397",
    buurtCode: BUURT,
    agendaId,
    title: `Verhaal ${i}`,
    text: `Bij de speeltuin is het 's avonds donker, verhaal nummer ${i}.`,
    channel: "online" as const,
    consentPublish: true,
    consentQuote: i % 2 === 0,
    status,
    lon: 4.63 + (i % 50) / 10_000,
    lat: 52.3 + (i % 40) / 10_000,
  });
  const published = Array.from({ length: Math.max(0, total - stories) }, (_, i) =>
    story(stories + i, i % 2 === 0 ? "published" : "submitted"),
  );
  await db().story.createMany({ data: published });
  await db().agreement.createMany({
    data: Array.from({ length: Math.max(0, total - agreements) }, (_, i) => ({
      agendaId,
      title: `Afspraak ${agreements + i}`,
      ownerPartyId: sample.ownerPartyId,
      startsOn: sample.startsOn,
      dueOn: sample.dueOn,
      createdById: sample.createdById,
      status: i % 3 === 0 ? ("in_progress" as const) : ("planned" as const),
    })),
  });
}

describe("SQL statements per main page do not grow with the data", () => {
  it("sends as many statements for 1,000 stories and agreements as for a few", async () => {
    await growTo(10);
    const few = await countAll();
    await growTo(1_000);
    expect(await db().story.count({ where: { buurtCode: BUURT } })).toBeGreaterThanOrEqual(1_000);
    expect(await db().agreement.count({ where: { agendaId } })).toBeGreaterThanOrEqual(1_000);
    const many = await countAll();
    console.log("SQL statements per page (few → 1,000 items):", JSON.stringify({ few, many }));
    expect(many).toEqual(few);
    // And none of them is chatty to begin with.
    for (const [page, count] of Object.entries(many)) {
      expect(count, page).toBeLessThanOrEqual(40);
    }
  });
});

describe("SQL statements per gemeente page do not grow with its buurten", () => {
  it("sends as many for the gemeente with the most buurten as for the one with the fewest", async () => {
    const sizes = await db().buurt.groupBy({ by: ["gemeenteCode"], _count: { code: true } });
    const gemeenten = sizes
      .map((g) => ({ code: g.gemeenteCode, buurten: g._count.code }))
      .sort((x, y) => x.buurten - y.buurten);
    const fewest = gemeenten[0]!;
    const most = gemeenten.at(-1)!;
    expect(most.buurten).toBeGreaterThan(fewest.buurten * 2);
    const page = (code: string) => () =>
      gemeenteLoader(routeArgs(get(`/gemeente/${code}`), { code }));
    await page(fewest.code)();
    await page(most.code)();
    const counts = {
      [`${fewest.code} (${fewest.buurten} buurten)`]: await countQueries(page(fewest.code)),
      [`${most.code} (${most.buurten} buurten)`]: await countQueries(page(most.code)),
    };
    console.log("SQL statements on the gemeente page:", JSON.stringify(counts));
    const [a, b] = Object.values(counts);
    expect(b).toBe(a);
  });
});
