import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as startAction } from "../../app/routes/buurtagenda-starten";
import { action as urgencyAction } from "../../app/routes/buurtagenda-urgentie";
import {
  action as partiesAction,
  loader as partiesLoader,
} from "../../app/routes/buurtagenda-partijen";
import {
  action as workspaceAction,
  loader as workspaceLoader,
} from "../../app/routes/buurtagenda-werkruimte";
import { action as acceptAction } from "../../app/routes/uitnodiging";
import { loader as publicLoader } from "../../app/routes/buurtagenda";
import {
  action as detailsAction,
  loader as detailsLoader,
} from "../../app/routes/buurtagenda-gegevens";
import {
  action as organisationAction,
  loader as organisationLoader,
} from "../../app/routes/organisatie";
import {
  action as initiativesAction,
  loader as initiativesLoader,
} from "../../app/routes/buurtagenda-initiatieven";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { signedInCookie } from "../support/demo-users";
import { formPost, get, isRedirectTo, routeArgs } from "../support/requests";
import { startMailbox } from "../support/smtp-capture";

setupFreshDatabase();
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase({ demoStories: false });
  mailbox = await startMailbox();
  process.env.SMTP_URL = mailbox.url;
  for (const role of ["gemeente", "buurtplatform", "adviesraad", "partner", "bewoner"]) {
    const user = await db().user.findUniqueOrThrow({
      where: { email: `${role}@demo.buurtagenda.nl` },
    });
    cookies[role] = await signedInCookie(user.id);
  }
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await mailbox.close();
});

type Reply = { result: { error?: Record<string, string[]> } };
const errorsOf = (response: unknown) => (response as Reply).result.error ?? {};

async function statusOf(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
    return undefined;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    return (thrown as { init?: { status?: number } }).init?.status;
  }
}

function start(
  fields: Record<string, string | string[]>,
  cookie = cookies.gemeente,
  gemeente = "GM0397",
) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  const request = new Request(`http://localhost/gemeente/${gemeente}/buurtagenda-starten`, {
    method: "POST",
    body,
    headers: { Cookie: cookie! },
  });
  return startAction(routeArgs(request, { code: gemeente }));
}

const VALID = {
  title: "Glipper Dreef en De Glip",
  publicDescription: "Samen afspraken maken voor de buurt.",
  startsOn: "2026-09-01",
  endsOn: "2027-12-31",
  buurtCodes: ["BU03970101", "BU03970100"],
};

async function startValid(): Promise<string> {
  const response = await start(VALID);
  expect(isRedirectTo(response, /^\/buurtagenda\/[0-9a-f-]{36}\/werkruimte$/)).toBe(true);
  return /\/buurtagenda\/([0-9a-f-]{36})\//.exec(
    (response as Response).headers.get("Location")!,
  )![1]!;
}

describe("starting a buurtagenda", () => {
  it("creates the composite area, seven blocks and an audit event in one go", async () => {
    const id = await startValid();
    const agenda = await db().buurtagenda.findUniqueOrThrow({
      where: { id },
      include: { buurten: true, blocks: true, urgency: true },
    });
    expect(agenda.buurten.map((b) => b.buurtCode).sort()).toEqual(["BU03970100", "BU03970101"]);
    expect(agenda.territoryYear).toBe(2022);
    expect(agenda.blocks.map((b) => b.status)).toEqual(Array(7).fill("not_started"));
    expect(agenda.urgency).not.toBeNull();
    const events = await db().auditEvent.findMany({ where: { subjectId: id } });
    expect(events.map((e) => e.action)).toEqual(["agenda.started"]);
  });

  it.each([
    ["no buurten", { ...VALID, buurtCodes: [] }, "buurtCodes", "buurtenRequired"],
    [
      "buurten from two gemeenten",
      { ...VALID, buurtCodes: ["BU03970101", "BU03920101"] },
      "buurtCodes",
      "buurtenTwoGemeenten",
    ],
    ["an unknown buurt", { ...VALID, buurtCodes: ["BU03979999"] }, "buurtCodes", "buurtUnknown"],
    [
      "an end date before the start date",
      { ...VALID, endsOn: "2026-01-01" },
      "endsOn",
      "endBeforeStart",
    ],
    ["no title", { ...VALID, title: " " }, "title", "titleRequired"],
  ])("refuses %s and writes nothing", async (_, fields, field, error) => {
    const before = await db().buurtagenda.count();
    const response = await start(fields as Record<string, string | string[]>);
    expect(errorsOf(response)[field]).toEqual([error]);
    expect(await db().buurtagenda.count()).toBe(before);
  });

  it("refuses buurten of another gemeente than the page's", async () => {
    const response = await start({ ...VALID, buurtCodes: ["BU03920101"] });
    expect(errorsOf(response).buurtCodes).toEqual(["buurtenTwoGemeenten"]);
  });

  it("lets only municipal staff start one", async () => {
    for (const role of ["buurtplatform", "adviesraad", "partner", "bewoner"]) {
      expect(await statusOf(start(VALID, cookies[role]))).toBe(403);
    }
    const before = await db().buurtagenda.count();
    expect(await db().buurtagenda.count()).toBe(before);
  });
});

describe("block 1 and the block overview", () => {
  const post = (id: string, fields: Record<string, string>, role: string) =>
    urgencyAction(
      routeArgs(formPost(`/buurtagenda/${id}/urgentie`, fields, cookies[role]), { id }),
    );

  it("records the budget in whole euros and refuses negative and absurd amounts", async () => {
    const id = await startValid();
    for (const [budget, error] of [
      ["-5", "budgetNegative"],
      ["250.000.000", "budgetTooHigh"],
      ["vijftigduizend", "budgetInvalid"],
    ]) {
      const response = await post(id, { intent: "preconditions", budget: budget! }, "gemeente");
      expect(errorsOf(response).budget).toEqual([error]);
    }
    expect(
      (await db().urgency.findUniqueOrThrow({ where: { agendaId: id } })).budgetEuros,
    ).toBeNull();
    await post(
      id,
      { intent: "preconditions", budget: "€ 50.000", budgetSource: "Incidenteel" },
      "gemeente",
    );
    expect((await db().urgency.findUniqueOrThrow({ where: { agendaId: id } })).budgetEuros).toBe(
      50000,
    );
  });

  it("lets the platform edit the urgency but not the budget; the council changes nothing", async () => {
    const id = await startValid();
    await post(id, { intent: "statement", statement: "Het pad is donker." }, "buurtplatform");
    expect((await db().urgency.findUniqueOrThrow({ where: { agendaId: id } })).statement).toBe(
      "Het pad is donker.",
    );
    expect(
      await statusOf(post(id, { intent: "preconditions", budget: "1000" }, "buurtplatform")),
    ).toBe(403);
    for (const intent of ["statement", "preconditions", "support", "decision", "trigger"]) {
      expect(await statusOf(post(id, { intent, statement: "x", budget: "1" }, "adviesraad"))).toBe(
        403,
      );
    }
    const urgency = await db().urgency.findUniqueOrThrow({ where: { agendaId: id } });
    expect(urgency).toMatchObject({ statement: "Het pad is donker.", budgetEuros: null });
  });

  it("needs themes when continuing on named themes only", async () => {
    const id = await startValid();
    const response = await post(
      id,
      { intent: "decision", decision: "continue_on_themes" },
      "gemeente",
    );
    expect(errorsOf(response).decisionThemes).toEqual(["themesRequired"]);
    expect((await db().urgency.findUniqueOrThrow({ where: { agendaId: id } })).decision).toBeNull();
  });

  it("marks a block done and reopens it, each as an audit event, and shows what is missing", async () => {
    const id = await startValid();
    const setStatus = (status: string) =>
      workspaceAction(
        routeArgs(
          formPost(
            `/buurtagenda/${id}/werkruimte`,
            { intent: "status", block: "1", status },
            cookies.gemeente,
          ),
          { id },
        ),
      );
    await setStatus("done");
    let block = await db().buurtagendaBlock.findUniqueOrThrow({
      where: { agendaId_block: { agendaId: id, block: 1 } },
    });
    expect(block.status).toBe("done");
    expect(block.doneAt).not.toBeNull();
    await setStatus("in_progress");
    block = await db().buurtagendaBlock.findUniqueOrThrow({
      where: { agendaId_block: { agendaId: id, block: 1 } },
    });
    expect(block).toMatchObject({ status: "in_progress", doneAt: null, doneById: null });

    const overview = await workspaceLoader(
      routeArgs(get(`/buurtagenda/${id}/werkruimte`, cookies.adviesraad), { id }),
    );
    expect(overview.timeline.map((e) => e.action)).toEqual([
      "block.status_changed",
      "block.status_changed",
      "agenda.started",
    ]);
    expect(overview.blocks[0]!.missing).toContain("missingBudget");
    expect(overview.blocks[1]!.missing).toEqual(["missingScan"]);
    expect(overview.blocks[3]!.missing).toEqual(["missingStories"]);
    expect(overview.blocks[4]!.missing).toEqual(["missingFindings"]);
    expect(overview.blocks[5]!.missing).toEqual(["missingIdeas"]);
    expect(overview.blocks[6]!.missing).toEqual(["missingAgreements", "missingDocument"]);
    expect(overview.can["block.advance"]).toBe(false);
    expect(await statusOf(setStatusAs(id, "adviesraad"))).toBe(403);
  });

  it("gives a block an owner from the people who work on the agenda, and nobody else", async () => {
    const id = await startValid();
    const setOwner = (ownerId: string) =>
      workspaceAction(
        routeArgs(
          formPost(
            `/buurtagenda/${id}/werkruimte`,
            { intent: "owner", block: "3", ownerId },
            cookies.gemeente,
          ),
          { id },
        ),
      );
    const outsider = await db().user.findUniqueOrThrow({
      where: { email: "adviesraad@demo.buurtagenda.nl" },
    });
    expect(await statusOf(setOwner(outsider.id))).toBe(400);
    const platform = await db().user.findUniqueOrThrow({
      where: { email: "buurtplatform@demo.buurtagenda.nl" },
    });
    await setOwner(platform.id);
    const overview = await workspaceLoader(
      routeArgs(get(`/buurtagenda/${id}/werkruimte`, cookies.gemeente), { id }),
    );
    expect(overview.blocks[2]).toMatchObject({ ownerId: platform.id, owner: "Kees (demo)" });
    expect(overview.owners.map((o) => o.name)).toEqual(
      expect.arrayContaining(["Kees (demo)", "Sanne (demo)"]),
    );
    expect(overview.owners.map((o) => o.name)).not.toContain("Henk (demo)");
  });

  function setStatusAs(id: string, role: string) {
    return workspaceAction(
      routeArgs(
        formPost(
          `/buurtagenda/${id}/werkruimte`,
          { intent: "status", block: "2", status: "done" },
          cookies[role],
        ),
        { id },
      ),
    );
  }

  it("shows residents the public page only", async () => {
    const id = await startValid();
    const page = await publicLoader(routeArgs(get(`/buurtagenda/${id}`), { id }));
    expect(page.agenda.publicDescription).toBe(VALID.publicDescription);
    expect(page.canViewWorkspace).toBe(false);
    expect(JSON.stringify(page)).not.toMatch(/budget/i);
    const asResident = statusOf(
      workspaceLoader(routeArgs(get(`/buurtagenda/${id}/werkruimte`, cookies.bewoner), { id })),
    );
    expect(await asResident).toBe(403);
    await expect(
      workspaceLoader(routeArgs(get(`/buurtagenda/${id}/werkruimte`), { id })),
    ).rejects.toSatisfy((r: unknown) => isRedirectTo(r, /^\/inloggen\?terug=/));
  });
});

describe("block 3: parties and invitations", () => {
  const post = (id: string, fields: Record<string, string>, role = "gemeente") =>
    partiesAction(
      routeArgs(formPost(`/buurtagenda/${id}/partijen`, fields, cookies[role]), { id }),
    );

  async function inviteAndGetToken(id: string, email: string) {
    await post(id, { intent: "invite", email, role: "buurtplatform" });
    const mail = await mailbox.waitFor(email, /uitnodiging\//);
    return /uitnodiging\/([a-z0-9.]+)/.exec(mail.text)![1]!;
  }

  it("registers organisations, adds parties, and refuses duplicates", async () => {
    const id = await startValid();
    await post(id, {
      intent: "organisation",
      name: "Elan Wonen",
      kind: "housing_corporation",
      contactName: "Petra",
    });
    const duplicate = await post(id, {
      intent: "organisation",
      name: "Elan Wonen",
      kind: "housing_corporation",
    });
    expect(errorsOf(duplicate).name).toEqual(["organisationDuplicate"]);
    const organisation = await db().organisation.findFirstOrThrow({
      where: { name: "Elan Wonen" },
    });
    await post(id, {
      intent: "party",
      organisationId: organisation.id,
      participationRole: "decides",
    });
    const again = await post(id, {
      intent: "party",
      organisationId: organisation.id,
      participationRole: "advises",
    });
    expect(errorsOf(again).organisationId).toEqual(["alreadyParty"]);
    const data = await partiesLoader(
      routeArgs(get(`/buurtagenda/${id}/partijen`, cookies.adviesraad), { id }),
    );
    expect(data.parties).toMatchObject([
      { organisation: "Elan Wonen", participationRole: "decides", contact: "Petra" },
    ]);
    expect(data.can["party.manage"]).toBe(false);
  });

  it("refuses an invitation to an invalid email and writes nothing", async () => {
    const id = await startValid();
    const response = await post(id, {
      intent: "invite",
      email: "geen-adres",
      role: "buurtplatform",
    });
    expect(errorsOf(response).email).toEqual(["emailInvalid"]);
    expect(await db().invitation.count({ where: { agendaId: id } })).toBe(0);
  });

  it("grants the role on this agenda once, only to the invited address, and not after expiry", async () => {
    const id = await startValid();
    const email = `kees-${Date.now()}@example.org`;
    const token = await inviteAndGetToken(id, email);
    const kees = await db().user.create({ data: { email, emailVerifiedAt: new Date() } });
    const other = await db().user.create({
      data: { email: `ander-${Date.now()}@example.org`, emailVerifiedAt: new Date() },
    });
    const accept = async (userId: string, t = token) =>
      acceptAction(
        routeArgs(formPost(`/uitnodiging/${t}`, {}, await signedInCookie(userId)), {
          token: t,
        }),
      );

    expect(await accept(other.id)).toMatchObject({ status: "other-email" });
    expect(await db().roleAssignment.count({ where: { userId: other.id } })).toBe(0);

    const accepted = await accept(kees.id);
    expect(isRedirectTo(accepted, new RegExp(`/buurtagenda/${id}/werkruimte$`))).toBe(true);
    expect(
      await db().roleAssignment.findMany({
        where: { userId: kees.id },
        select: { role: true, scopeType: true, scopeId: true },
      }),
    ).toEqual([{ role: "buurtplatform", scopeType: "buurtagenda", scopeId: id }]);
    expect(await accept(kees.id)).toMatchObject({ status: "invalid" });

    const late = await inviteAndGetToken(id, `laat-${email}`);
    await db().invitation.updateMany({
      where: { email: `laat-${email}` },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const latecomer = await db().user.create({
      data: { email: `laat-${email}`, emailVerifiedAt: new Date() },
    });
    expect(await accept(latecomer.id, late)).toMatchObject({ status: "invalid" });
    expect(await db().roleAssignment.count({ where: { userId: latecomer.id } })).toBe(0);
  });

  it("refuses the council and partners posting to the party actions", async () => {
    const id = await startValid();
    for (const role of ["adviesraad", "partner"]) {
      expect(
        await statusOf(
          post(id, { intent: "organisation", name: `Org ${role}`, kind: "business" }, role),
        ),
      ).toBe(403);
    }
    expect(await db().organisation.count({ where: { name: { startsWith: "Org " } } })).toBe(0);
  });
});

describe("existing initiatives", () => {
  const post = (id: string, fields: Record<string, string>, role = "buurtplatform") =>
    initiativesAction(
      routeArgs(formPost(`/buurtagenda/${id}/initiatieven`, fields, cookies[role]), { id }),
    );

  it("records an initiative with a point inside the area and shows it on the map", async () => {
    const id = await startValid();
    const buurt = await db().buurt.findFirstOrThrow({ where: { code: "BU03970101" } });
    const response = await post(id, {
      title: "Koffieochtend in het buurthuis",
      organiser: "Bewoners Glipper Dreef",
      since: "2024-03",
      lon: String(buurt.centroidLon),
      lat: String(buurt.centroidLat),
    });
    expect((response as { saved: boolean }).saved).toBe(true);
    const page = await initiativesLoader(
      routeArgs(get(`/buurtagenda/${id}/initiatieven`, cookies.adviesraad), { id }),
    );
    expect(page.initiatives).toMatchObject([
      { title: "Koffieochtend in het buurthuis", since: "2024-03-01T00:00:00.000Z", onMap: true },
    ]);
    expect(page.points.features).toHaveLength(1);
    expect(page.can["initiative.manage"]).toBe(false);
  });

  it("refuses a point outside the area, half a point, and the council", async () => {
    const id = await startValid();
    const outside = await post(id, {
      title: "Elders",
      organiser: "Iemand",
      lon: "4.70",
      lat: "52.40",
    });
    expect(errorsOf(outside).lat).toEqual(["outsideArea"]);
    const half = await post(id, { title: "Half", organiser: "Iemand", lon: "4.62" });
    expect(errorsOf(half).lat).toEqual(["coordinateInvalid"]);
    expect(await statusOf(post(id, { title: "Raad", organiser: "Raad" }, "adviesraad"))).toBe(403);
    expect(await db().initiative.count({ where: { agendaId: id } })).toBe(0);
  });
});

describe("a partner and their own organisation", () => {
  it("lets the partner who accepted for a party edit that organisation, and nothing else", async () => {
    const id = await startValid();
    const postParties = (fields: Record<string, string>) =>
      partiesAction(
        routeArgs(formPost(`/buurtagenda/${id}/partijen`, fields, cookies.gemeente), { id }),
      );
    const stamp = Date.now();
    await postParties({ intent: "organisation", name: `WIJ ${stamp}`, kind: "welfare" });
    await postParties({ intent: "organisation", name: `Ander ${stamp}`, kind: "business" });
    const own = await db().organisation.findFirstOrThrow({ where: { name: `WIJ ${stamp}` } });
    const other = await db().organisation.findFirstOrThrow({ where: { name: `Ander ${stamp}` } });
    await postParties({ intent: "party", organisationId: own.id, participationRole: "co_creates" });
    const party = await db().agendaParty.findFirstOrThrow({
      where: { agendaId: id, organisationId: own.id },
    });

    const email = `partner-${stamp}@example.org`;
    await postParties({ intent: "invite", email, role: "partner", partyId: party.id });
    const token = /uitnodiging\/([a-z0-9.]+)/.exec(
      (await mailbox.waitFor(email, /uitnodiging\//)).text,
    )![1]!;
    const partner = await db().user.create({ data: { email, emailVerifiedAt: new Date() } });
    const cookie = await signedInCookie(partner.id);
    const accepted = await acceptAction(
      routeArgs(formPost(`/uitnodiging/${token}`, {}, cookie), { token }),
    );
    expect(isRedirectTo(accepted, /werkruimte$/)).toBe(true);
    expect(await db().organisationMember.count({ where: { userId: partner.id } })).toBe(1);

    const edit = (organisationId: string, fields: Record<string, string>, as = cookie) =>
      organisationAction(
        routeArgs(formPost(`/organisatie/${organisationId}`, fields, as), { id: organisationId }),
      );
    const saved = await edit(own.id, {
      name: `WIJ ${stamp}`,
      kind: "welfare",
      contactName: "Aisha",
      contactEmail: "aisha@wij.example",
    });
    expect((saved as { saved: boolean }).saved).toBe(true);
    const contact = await db().contactPerson.findFirstOrThrow({
      where: { organisationId: own.id },
    });
    expect(contact).toMatchObject({ name: "Aisha", email: "aisha@wij.example" });

    expect(await statusOf(edit(other.id, { name: "Overgenomen", kind: "business" }))).toBe(403);
    expect(
      await statusOf(edit(own.id, { name: "Door de raad", kind: "welfare" }, cookies.adviesraad)),
    ).toBe(403);
    const view = await organisationLoader(
      routeArgs(get(`/organisatie/${own.id}`, cookies.adviesraad), { id: own.id }),
    );
    expect(view.mayEdit).toBe(false);
    expect((await db().organisation.findUniqueOrThrow({ where: { id: other.id } })).name).toBe(
      `Ander ${stamp}`,
    );
    // The partner now sees the agenda, read-only for its blocks.
    const workspace = await workspaceLoader(
      routeArgs(get(`/buurtagenda/${id}/werkruimte`, cookie), { id }),
    );
    expect(workspace.can["block.advance"]).toBe(false);
  });
});

describe("changing an agenda's details", () => {
  const post = (id: string, fields: Record<string, string | string[]>, role: string) => {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    const request = new Request(`http://localhost/buurtagenda/${id}/gegevens`, {
      method: "POST",
      body,
      headers: { Cookie: cookies[role]! },
    });
    return detailsAction(routeArgs(request, { id }));
  };

  it("lets staff change title and area, within the gemeente; nobody else", async () => {
    const id = await startValid();
    const moved = await post(id, { ...VALID, buurtCodes: ["BU03920101"] }, "gemeente");
    expect(errorsOf(moved).buurtCodes).toEqual(["buurtenTwoGemeenten"]);
    expect(
      await statusOf(post(id, { ...VALID, title: "Door het platform" }, "buurtplatform")),
    ).toBe(403);

    const changed = await post(
      id,
      { ...VALID, title: "Nieuwe titel", buurtCodes: ["BU03970101"] },
      "gemeente",
    );
    expect(isRedirectTo(changed, /werkruimte$/)).toBe(true);
    const agenda = await db().buurtagenda.findUniqueOrThrow({
      where: { id },
      include: { buurten: true },
    });
    expect(agenda.title).toBe("Nieuwe titel");
    expect(agenda.buurten.map((b) => b.buurtCode)).toEqual(["BU03970101"]);
    const details = await detailsLoader(
      routeArgs(get(`/buurtagenda/${id}/gegevens`, cookies.gemeente), { id }),
    );
    expect(details.details).toMatchObject({ title: "Nieuwe titel", startsOn: "2026-09-01" });
  });
});

describe("changing a party", () => {
  it("records role, commitment and an invitation answered outside the app", async () => {
    const id = await startValid();
    const post = (fields: Record<string, string>, role = "gemeente") =>
      partiesAction(
        routeArgs(formPost(`/buurtagenda/${id}/partijen`, fields, cookies[role]), { id }),
      );
    await post({ intent: "organisation", name: `Politie ${id}`, kind: "police" });
    const organisation = await db().organisation.findFirstOrThrow({
      where: { name: `Politie ${id}` },
    });
    await post({ intent: "party", organisationId: organisation.id, participationRole: "informed" });
    const party = await db().agendaParty.findFirstOrThrow({ where: { agendaId: id } });
    const update = {
      intent: "updateParty",
      partyId: party.id,
      participationRole: "advises",
      invitationStatus: "declined",
      commitment: "Wijkagent komt naar de wandeling",
    };
    expect(await statusOf(post(update, "adviesraad"))).toBe(403);
    await post(update, "buurtplatform");
    expect(await db().agendaParty.findUniqueOrThrow({ where: { id: party.id } })).toMatchObject({
      participationRole: "advises",
      invitationStatus: "declined",
      commitment: "Wijkagent komt naar de wandeling",
    });
  });
});
