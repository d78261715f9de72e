import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  action as practicesAction,
  loader as practicesLoader,
} from "../../app/routes/buurtagenda-goede-voorbeelden";
import { loader as libraryLoader } from "../../app/routes/goede-voorbeelden";
import { startAgenda } from "../../app/features/agenda/agenda.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { signInDemoRoles } from "../support/demo-users";
import { formPost, get, isRedirectTo, routeArgs } from "../support/requests";

// Good practices (issue 9): the platform and staff mark a finished agreement or a whole agenda
// as an example; the public library finds them across gemeenten, only from published agendas.

setupFreshDatabase();

const cookies: Record<string, string> = {};
const users: Record<string, string> = {};
let agendaId = "";
let doneId = "";
let plannedId = "";
let foreignId = "";

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase({ demoStories: false });
  await signInDemoRoles(["bewoner", "buurtplatform", "gemeente", "adviesraad"], users, cookies);
  const details = { publicDescription: "x", startsOn: "2026-01-01", endsOn: "2026-12-31" };
  agendaId = await startAgenda(
    users.gemeente!,
    { ...details, title: "Samen in de Glip", buurtCodes: ["BU03970100", "BU03970101"] },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  const otherId = await startAgenda(
    users.gemeente!,
    { ...details, title: "Centrum", buurtCodes: ["BU03970000"] },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  const organisation = await db().organisation.create({
    data: { gemeenteCode: "GM0397", name: "WIJ Heemstede", kind: "welfare" },
  });
  const agreement = async (agenda: string, title: string, status: "done" | "planned") => {
    const party = await db().agendaParty.upsert({
      where: { agendaId_organisationId: { agendaId: agenda, organisationId: organisation.id } },
      create: { agendaId: agenda, organisationId: organisation.id, participationRole: "decides" },
      update: {},
    });
    return (
      await db().agreement.create({
        data: {
          agendaId: agenda,
          title,
          ownerPartyId: party.id,
          startsOn: new Date("2026-02-01"),
          dueOn: new Date("2026-06-30"),
          costEuros: 12_000,
          status,
          createdById: users.gemeente!,
        },
      })
    ).id;
  };
  doneId = await agreement(agendaId, "Lantaarnpalen in het Glippad", "done");
  plannedId = await agreement(agendaId, "Bankjes", "planned");
  foreignId = await agreement(otherId, "Elders klaar", "done");
});

const valid = () => ({
  intent: "mark",
  subject: doneId,
  title: "Samen met bewoners betere straatverlichting",
  whatWorked: "Een avondwandeling met bewoners liet zien waar het donker was.",
  whatDidNot: "De netbeheerder had lange levertijden.",
  themes: ["lighting"],
});
const post = (fields: Record<string, string | string[]>, cookie?: string) =>
  practicesAction(
    routeArgs(formPost(`/buurtagenda/${agendaId}/goede-voorbeelden`, fields, cookie), {
      id: agendaId,
    }),
  );
const library = (query = "") => libraryLoader(routeArgs(get(`/goede-voorbeelden${query}`)));
type Reply = { result: { error: Record<string, string[]> } };

describe("marking a good practice", () => {
  it("is for the platform and staff only", async () => {
    for (const who of ["bewoner", "adviesraad"]) {
      await expect(post(valid(), cookies[who])).rejects.toMatchObject({ init: { status: 403 } });
    }
  });

  it("refuses an unfinished or foreign agreement, an unknown theme and empty lessons", async () => {
    const cases: [Record<string, string | string[]>, Record<string, string[]>][] = [
      [{ subject: plannedId }, { subject: ["subjectForeign"] }],
      [{ subject: foreignId }, { subject: ["subjectForeign"] }],
      [{ subject: "../etc" }, { subject: ["subjectForeign"] }],
      [{ themes: ["lighting", "nonsense"] }, { themes: ["themeUnknown"] }],
      [{ whatDidNot: " " }, { whatDidNot: ["whatDidNotRequired"] }],
    ];
    for (const [change, errors] of cases) {
      const reply = (await post({ ...valid(), ...change }, cookies.buurtplatform)) as Reply;
      expect(reply.result.error, JSON.stringify(change)).toMatchObject(errors);
    }
    expect(await db().goodPractice.count()).toBe(0);
  });

  it("marks a finished agreement with its cost and the kind of area from CBS figures", async () => {
    const response = await post(valid(), cookies.buurtplatform);
    expect(isRedirectTo(response, /opgeslagen=1#voorbeeld-/)).toBe(true);
    const page = await practicesLoader(
      routeArgs(get(`/buurtagenda/${agendaId}/goede-voorbeelden`, cookies.adviesraad), {
        id: agendaId,
      }),
    );
    expect(page.items).toMatchObject([
      {
        title: "Samen met bewoners betere straatverlichting",
        costEuros: 12_000,
        themes: ["lighting"],
        agreement: { title: "Lantaarnpalen in het Glippad" },
        shared: false,
      },
    ]);
    // Heemstede has no buurt figures for residents and land: its own 27,593 on 917 ha is 3,009/km².
    expect(page.items[0]!.areaKind).toBe("middle");
    // Marking the same agreement again changes the example instead of adding one.
    await post({ ...valid(), title: "Betere straatverlichting, samen" }, cookies.gemeente);
    expect(await db().goodPractice.count()).toBe(1);
  });
});

describe("the library", () => {
  it("shares nothing of a buurtagenda that has no published version", async () => {
    expect((await library("?q=verlichting")).items).toEqual([]);
  });

  it("finds a published example by Dutch words, theme, gemeente and cost, as text", async () => {
    await db().agendaVersion.create({
      data: {
        agendaId,
        number: 1,
        revision: 1,
        content: { type: "doc", content: [] },
        records: {},
        publishedById: users.gemeente!,
      },
    });
    // The theme's Dutch name and stemmed words of the lessons make it findable.
    for (const q of ["verlichting", "straatverlichting", "bewoner netbeheerder", "Glippad"]) {
      const found = await library(`?q=${encodeURIComponent(q)}`);
      expect(
        found.items.map((i) => i.title),
        q,
      ).toEqual(["Betere straatverlichting, samen"]);
    }
    expect((await library("?q=speeltuin")).items).toEqual([]);
    expect(
      (await library("?thema=lighting&gemeente=GM0397&kosten=10000-50000")).items,
    ).toHaveLength(1);
    expect((await library("?gemeente=GM1883")).items).toEqual([]);
    expect((await library("?kosten=tot-10000")).items).toEqual([]);
    // Nonsense in the URL falls back to no filter instead of an error.
    expect((await library("?gebied=<script>&kosten=veel&gemeente=x")).items).toHaveLength(1);
    const all = await library();
    expect(all.gemeenten.map((g) => g.code)).toEqual(
      expect.arrayContaining(["GM0392", "GM0397", "GM1883"]),
    );
  });

  it("drops an agreement's example when the agreement is no longer done", async () => {
    await db().agreement.update({ where: { id: doneId }, data: { status: "in_progress" } });
    expect((await library("?q=verlichting")).items).toEqual([]);
    await db().agreement.update({ where: { id: doneId }, data: { status: "done" } });
  });
});
