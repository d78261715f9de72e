import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  action as evaluationsAction,
  loader as evaluationsLoader,
} from "../../app/routes/buurtagenda-evaluaties";
import { loader as publicLoader } from "../../app/routes/buurtagenda";
import { startAgenda } from "../../app/features/agenda/agenda.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { signInDemoRoles } from "../support/demo-users";
import { formPost, get, isRedirectTo, routeArgs } from "../support/requests";

// Evaluations (issue 8): after a project and yearly, written by the platform and staff, linked to
// the agreements they cover; the council adds its view; public ones show on the public page.

setupFreshDatabase();

const cookies: Record<string, string> = {};
const users: Record<string, string> = {};
let agendaId = "";
let agreementId = "";
let foreignAgreementId = "";

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase({ demoStories: false });
  await signInDemoRoles(
    ["bewoner", "buurtplatform", "gemeente", "partner", "adviesraad"],
    users,
    cookies,
  );
  const details = { publicDescription: "x", startsOn: "2026-01-01", endsOn: "2026-12-31" };
  agendaId = await startAgenda(
    users.gemeente!,
    { ...details, title: "Glip", buurtCodes: ["BU03970100", "BU03970101"] },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  const otherAgendaId = await startAgenda(
    users.gemeente!,
    { ...details, title: "Centrum", buurtCodes: ["BU03970000"] },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  const organisation = await db().organisation.create({
    data: { gemeenteCode: "GM0397", name: "WIJ Heemstede", kind: "welfare" },
  });
  for (const [agenda, title] of [
    [agendaId, "Koffieochtenden"],
    [otherAgendaId, "Elders"],
  ] as const) {
    const party = await db().agendaParty.create({
      data: { agendaId: agenda, organisationId: organisation.id, participationRole: "decides" },
    });
    const { id } = await db().agreement.create({
      data: {
        agendaId: agenda,
        title,
        ownerPartyId: party.id,
        startsOn: new Date("2026-02-01"),
        dueOn: new Date("2026-06-30"),
        status: "done",
        createdById: users.gemeente!,
      },
    });
    if (agenda === agendaId) agreementId = id;
    else foreignAgreementId = id;
  }
});

const valid = () => ({
  intent: "evaluation",
  kind: "project",
  title: "Koffieochtenden 2026",
  periodFrom: "2026-02-01",
  periodTo: "2026-06-30",
  forResidents: "Twintig ouderen kwamen elke week.",
  forOrganisations: "WIJ leerde nieuwe mensen kennen.",
  forMunicipality: "Minder vragen bij het Wmo-loket.",
  bottlenecks: "De ruimte was soms te klein.",
  changes: "We zoeken een grotere ruimte.",
  agreements: [agreementId],
});
const post = (fields: Record<string, string | string[]>, cookie?: string) =>
  evaluationsAction(
    routeArgs(formPost(`/buurtagenda/${agendaId}/evaluaties`, fields, cookie), { id: agendaId }),
  );
const page = (cookie = cookies.adviesraad) =>
  evaluationsLoader(
    routeArgs(get(`/buurtagenda/${agendaId}/evaluaties`, cookie), { id: agendaId }),
  );
type Reply = { evaluation: { error: Record<string, string[]> } };

describe("an evaluation", () => {
  it("refuses a project without agreements, a backwards period and a foreign agreement", async () => {
    const noAgreements = (await post(
      { ...valid(), agreements: [] },
      cookies.buurtplatform,
    )) as Reply;
    expect(noAgreements.evaluation.error).toMatchObject({ agreements: ["agreementsRequired"] });
    const backwards = (await post(
      { ...valid(), periodTo: "2026-01-15" },
      cookies.buurtplatform,
    )) as Reply;
    expect(backwards.evaluation.error).toMatchObject({ periodTo: ["periodBackwards"] });
    const empty = (await post({ ...valid(), bottlenecks: " " }, cookies.buurtplatform)) as Reply;
    expect(empty.evaluation.error).toMatchObject({ bottlenecks: ["bottlenecksRequired"] });
    const foreign = (await post(
      { ...valid(), agreements: [agreementId, foreignAgreementId] },
      cookies.buurtplatform,
    )) as Reply;
    expect(foreign.evaluation.error).toMatchObject({ agreements: ["agreementForeign"] });
    expect(await db().evaluation.count()).toBe(0);
  });

  it("is written by the platform and staff only", async () => {
    for (const who of ["bewoner", "partner", "adviesraad"]) {
      await expect(post(valid(), cookies[who])).rejects.toMatchObject({ init: { status: 403 } });
    }
    await expect(post(valid())).rejects.toSatisfy((r: unknown) => isRedirectTo(r, /\/inloggen/));
    expect(await db().evaluation.count()).toBe(0);
  });

  it("lists what it brought, the agreements it covers, and audits the writing", async () => {
    const saved = await post(valid(), cookies.buurtplatform);
    expect(isRedirectTo(saved, /\/evaluaties\?opgeslagen=1#evaluatie-[0-9a-f-]{36}$/)).toBe(true);
    const yearly = await post(
      {
        ...valid(),
        kind: "yearly",
        title: "Jaar 2026",
        periodFrom: "2026-01-01",
        periodTo: "2026-12-31",
        agreements: [],
        isPublic: "on",
      },
      cookies.gemeente,
    );
    expect(isRedirectTo(yearly, /opgeslagen=1/)).toBe(true);
    const { items, can } = await page();
    expect(can).toEqual({ "evaluation.write": false, "review.write": true });
    expect(items.map((i) => [i.kind, i.title, i.isPublic])).toEqual([
      ["yearly", "Jaar 2026", true],
      ["project", "Koffieochtenden 2026", false],
    ]);
    expect(items[1]!.agreements).toEqual([
      { id: agreementId, title: "Koffieochtenden", status: "done" },
    ]);
    expect(items[1]!.forMunicipality).toBe("Minder vragen bij het Wmo-loket.");
    expect(
      await db().auditEvent.count({
        where: { action: "evaluation.written", subjectId: agendaId },
      }),
    ).toBe(2);
  });

  it("takes the council's view from the council only, signed and dated", async () => {
    const [yearly] = (await page()).items;
    const view = (text: string, cookie: string | undefined) =>
      post({ intent: "council-view", evaluationId: yearly!.id, view: text }, cookie);
    await expect(view("Mooi werk.", cookies.buurtplatform)).rejects.toMatchObject({
      init: { status: 403 },
    });
    const empty = (await view("  ", cookies.adviesraad)) as {
      view: { error: Record<string, string[]> };
    };
    expect(empty.view.error).toMatchObject({ view: ["viewRequired"] });
    expect(
      isRedirectTo(
        await view("De raad ziet dat ouderen meer meedoen.", cookies.adviesraad),
        /mening=1/,
      ),
    ).toBe(true);
    const [after] = (await page(cookies.buurtplatform)).items;
    expect(after).toMatchObject({
      councilView: "De raad ziet dat ouderen meer meedoen.",
      councilViewBy: expect.any(String),
    });
    expect(after!.councilViewAt).not.toBeNull();
    await expect(
      post(
        { intent: "council-view", evaluationId: "00000000-0000-4000-8000-000000000000", view: "x" },
        cookies.adviesraad,
      ),
    ).rejects.toMatchObject({ init: { status: 404 } });
  });

  it("shows only public evaluations on the public page, without names or unpublished agreements", async () => {
    const view = await publicLoader(routeArgs(get(`/buurtagenda/${agendaId}`), { id: agendaId }));
    expect(view.evaluations.map((e) => e.title)).toEqual(["Jaar 2026"]);
    expect(view.evaluations[0]).toMatchObject({
      councilView: "De raad ziet dat ouderen meer meedoen.",
      councilViewBy: null,
      agreements: [],
    });
  });
});
