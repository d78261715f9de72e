import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { action as listAction, loader as listLoader } from "../../app/routes/buurtagenda-afspraken";
import {
  action as agreementAction,
  loader as agreementLoader,
} from "../../app/routes/buurtagenda-afspraak";
import { action as partiesAction } from "../../app/routes/buurtagenda-partijen";
import { startAgenda } from "../../app/features/agenda/agenda.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { signInDemoRoles } from "../support/demo-users";
import { formPost, get, isRedirectTo, routeArgs } from "../support/requests";

// Agreements of block 7 (issue 7): owner from block 3, dates, cost, links to findings and ideas
// of the same buurtagenda, a list to sort and filter, and the evidence chain down to stories and
// frozen figures.

setupFreshDatabase();

const cookies: Record<string, string> = {};
const users: Record<string, string> = {};
let agendaId = "";
let otherAgendaId = "";
const party: Record<string, string> = {};
let findingId = "";
let foreignFindingId = "";
let ideaId = "";
let storyId = "";

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase({ demoStories: false });
  await signInDemoRoles(["bewoner", "buurtplatform", "gemeente", "partner"], users, cookies);
  const details = { publicDescription: "x", startsOn: "2027-01-01", endsOn: "2027-12-31" };
  agendaId = await startAgenda(
    users.gemeente!,
    { ...details, title: "Glip", buurtCodes: ["BU03970100", "BU03970101"] },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  otherAgendaId = await startAgenda(
    users.gemeente!,
    { ...details, title: "Centrum", buurtCodes: ["BU03970000"] },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  for (const [key, name, agenda] of [
    ["gemeente", "Gemeente Heemstede", agendaId],
    ["wij", "WIJ Heemstede", agendaId],
    ["elders", "Winkeliersvereniging", otherAgendaId],
  ] as const) {
    const organisation = await db().organisation.create({
      data: { gemeenteCode: "GM0397", name, kind: "welfare" },
    });
    party[key] = (
      await db().agendaParty.create({
        data: { agendaId: agenda, organisationId: organisation.id, participationRole: "decides" },
      })
    ).id;
  }
  const story = await db().story.create({
    data: {
      gemeenteCode: "GM0397",
      buurtCode: "BU03970101",
      title: "Donker pad",
      text: "Het pad naar de bushalte is donker.",
      channel: "online",
      status: "published",
      consentPublish: true,
      consentQuote: true,
    },
  });
  storyId = story.id;
  findingId = (
    await db().finding.create({
      data: {
        agendaId,
        title: "Het pad is donker",
        description: "Veel mensen vinden het pad eng.",
        createdById: users.gemeente!,
        stories: { create: [{ storyId }] },
      },
    })
  ).id;
  foreignFindingId = (
    await db().finding.create({
      data: {
        agendaId: otherAgendaId,
        title: "Elders",
        description: "x",
        createdById: users.gemeente!,
      },
    })
  ).id;
  ideaId = (
    await db().idea.create({
      data: {
        agendaId,
        title: "Lampen langs het pad",
        description: "x",
        origin: "resident",
        status: "published",
        findings: { create: [{ findingId }] },
        judgements: {
          create: [{ verdict: "fits", costEuros: 12_000, judgedById: users.gemeente! }],
        },
      },
    })
  ).id;
});

const post = (fields: Record<string, string | string[]>, cookie = cookies.gemeente) =>
  listAction(
    routeArgs(formPost(`/buurtagenda/${agendaId}/afspraken`, fields, cookie), { id: agendaId }),
  );
const list = (query = "", cookie = cookies.gemeente) =>
  listLoader(
    routeArgs(get(`/buurtagenda/${agendaId}/afspraken${query}`, cookie), { id: agendaId }),
  );
type Reply = { result: { error: Record<string, string[]> } };
const valid = () => ({
  title: "Meer licht op het pad",
  owner: party.gemeente!,
  startsOn: "2027-02-01",
  dueOn: "2027-06-30",
  cost: "12.000",
  budgetSource: "Budget buurtagenda",
  findings: [findingId],
  ideas: [ideaId],
});

describe("an agreement", () => {
  it("needs an owner of this agenda, a due date after its start and no negative cost", async () => {
    const noOwner = (await post({ ...valid(), owner: "" })) as Reply;
    expect(noOwner.result.error).toMatchObject({ owner: ["ownerRequired"] });
    const backwards = (await post({ ...valid(), dueOn: "2027-01-15" })) as Reply;
    expect(backwards.result.error).toMatchObject({ dueOn: ["dueBeforeStart"] });
    const impossible = (await post({ ...valid(), startsOn: "2027-02-31" })) as Reply;
    expect(impossible.result.error).toMatchObject({ startsOn: ["dateInvalid"] });
    const negative = (await post({ ...valid(), cost: "-1" })) as Reply;
    expect(negative.result.error).toMatchObject({ cost: ["costNegative"] });
    const foreignOwner = (await post({ ...valid(), owner: party.elders! })) as Reply;
    expect(foreignOwner.result.error).toMatchObject({ owner: ["ownerRequired"] });
    const foreignFinding = (await post({ ...valid(), findings: [foreignFindingId] })) as Reply;
    expect(foreignFinding.result.error).toMatchObject({ findings: ["linkForeign"] });
    expect(await db().agreement.count()).toBe(0);
  });

  it("is written by the platform and staff only", async () => {
    for (const who of ["bewoner", "partner"]) {
      await expect(post(valid(), cookies[who])).rejects.toMatchObject({ init: { status: 403 } });
    }
    expect(await db().agreement.count()).toBe(0);
  });

  it("shows its evidence chain: findings with their stories, and ideas with the verdict", async () => {
    const response = await post(valid());
    expect(isRedirectTo(response, /\/afspraken\/[0-9a-f-]{36}\?opgeslagen=1$/)).toBe(true);
    const id = /afspraken\/([0-9a-f-]{36})/.exec(
      (response as Response).headers.get("Location")!,
    )![1]!;
    const page = await agreementLoader(
      routeArgs(get(`/buurtagenda/${agendaId}/afspraken/${id}`, cookies.partner), {
        id: agendaId,
        agreement: id,
      }),
    );
    expect(page.agreement).toMatchObject({
      title: "Meer licht op het pad",
      owner: "Gemeente Heemstede",
      costEuros: 12_000,
      status: "planned",
    });
    expect(page.agreement.findings[0]!.stories.map((s) => s.id)).toEqual([storyId]);
    expect(page.agreement.ideas).toEqual([
      expect.objectContaining({ id: ideaId, verdict: "fits" }),
    ]);
    // The partner reads it; only the platform and staff get the change form.
    expect(page.canDraft).toBe(false);
    const changed = await agreementAction(
      routeArgs(
        formPost(
          `/buurtagenda/${agendaId}/afspraken/${id}`,
          { ...valid(), status: "in_progress", findings: [] },
          cookies.buurtplatform,
        ),
        { id: agendaId, agreement: id },
      ),
    );
    expect(isRedirectTo(changed, /\?opgeslagen=1$/)).toBe(true);
    expect(await db().agreementFinding.count({ where: { agreementId: id } })).toBe(0);
    expect((await db().agreement.findUniqueOrThrow({ where: { id } })).status).toBe("in_progress");
  });

  it("keeps its owner: a party that owns agreements cannot be removed", async () => {
    const refused = await partiesAction(
      routeArgs(
        formPost(
          `/buurtagenda/${agendaId}/partijen`,
          { intent: "removeParty", partyId: party.gemeente! },
          cookies.gemeente,
        ),
        { id: agendaId },
      ),
    );
    expect(refused).toMatchObject({ refused: "partyOwnsAgreements" });
    expect(await db().agendaParty.count({ where: { id: party.gemeente! } })).toBe(1);
  });
});

describe("the agreement list", () => {
  it("sorts by date, cost or owner and filters by status and owner", async () => {
    await post({
      ...valid(),
      title: "Koffieochtend",
      owner: party.wij!,
      startsOn: "2027-01-10",
      dueOn: "2027-03-01",
      cost: "",
      findings: [],
      ideas: [],
    });
    await post({ ...valid(), title: "Bankjes", dueOn: "2027-09-01", cost: "30.000", ideas: [] });
    const titles = async (query: string) => (await list(query)).agreements.map((a) => a.title);
    expect(await titles("")).toEqual(["Koffieochtend", "Meer licht op het pad", "Bankjes"]);
    expect(await titles("?sorteer=kosten")).toEqual([
      "Bankjes",
      "Meer licht op het pad",
      "Koffieochtend",
    ]);
    expect(await titles(`?eigenaar=${party.wij}`)).toEqual(["Koffieochtend"]);
    expect(await titles("?status=in_progress")).toEqual(["Meer licht op het pad"]);
    // A strange parameter is ignored, not an error page.
    expect(await titles("?sorteer=<script>&status=x")).toHaveLength(3);
    await expect(list("", cookies.bewoner)).rejects.toMatchObject({ init: { status: 403 } });
  });
});
