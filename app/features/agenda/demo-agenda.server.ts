import { db } from "../../shared/db.server";
import { isProduction } from "../../shared/env.server";
import { stopQueue } from "../../shared/queue.server";
import { dutchToday } from "../../shared/validation";
import type { CurrentUser } from "../auth/session.server";
import { DEFAULT_SCAN_INDICATORS } from "../scan/catalogue";
import { freezeScan, startScan } from "../scan/buurtscan.server";
import { saveAgreement } from "../document/agreements.server";
import { checkDocument, type DocNode } from "../document/document";
import { publish, saveDraft, signOff } from "../document/document.server";
import { follow } from "../document/followers.server";
import { createFinding, valueRef } from "../linking/findings.server";
import { markPractice } from "../practices/practices.server";
import { WHOLE_AGENDA } from "../practices/practices.schema";
import { reportProgress } from "../progress/progress.server";
import {
  addTrigger,
  checkArea,
  getAgendaResource,
  saveDecision,
  savePreconditions,
  saveStatement,
  saveSupport,
  setBlockOwner,
  setBlockStatus,
  startAgenda,
  type AgendaResource,
} from "./agenda.server";
import { addParty, createOrganisation, updateParty } from "./parties.server";

// One invented demo buurtagenda (issue 8), so the council's dashboard has something to show on a
// fresh install: Heemstede's composite area De Glip + Glipper Dreef, stuck in block 4 for forty
// days, a published version with three agreements (one overdue), a draft change after it to
// advise on, the demo resident following it, and the agenda as an example in the library of
// good practices. Everything in it is made up and says so: the title ends in "(demo)" and the
// public description calls it an invented example. Only loaded outside production, like the demo
// accounts and stories it is built on, and only once.
//
// It is made with the features' own commands, as the people would have made it, so it holds
// what real use holds (audit trail, frozen scan, sign-off, frozen version, queued mail). Those
// commands each run their own transaction and accept none, so this is a sequence of them; if one
// fails, the half-made agenda is removed again so that a next seed can try afresh.

export const DEMO_AGENDA_TITLE = "Samen in de Glip (demo)";
export const DEMO_AGENDA_GEMEENTE = "GM0397";
const DEMO_BUURTEN = ["BU03970100", "BU03970101"]; // De Glip, Glipper Dreef en Staatsliedenbuurt
const DEMO_OWNER = "gemeente@demo.buurtagenda.nl";
const DEMO_PLATFORM = "buurtplatform@demo.buurtagenda.nl";
const DEMO_PARTNER = "partner@demo.buurtagenda.nl";
const DEMO_FOLLOWER = "bewoner@demo.buurtagenda.nl";
const WIJ = "WIJ Heemstede";
const RESIDENTS = "Bewonerscommissie Glipper Dreef (demo)";
const DEMO_BUDGET = "Incidenteel budget sociaal domein (demo)";

/** How long block 4 has not moved: the dashboard shows the agenda stuck there this long. */
export const DEMO_STUCK_DAYS = 40;

const DAY = 24 * 60 * 60 * 1000;

/** The calendar day `days` from the seed's day (negative: in the past), as YYYY-MM-DD. */
function day(days: number, now: Date): string {
  return dutchToday(new Date(now.getTime() + days * DAY));
}

function ago(days: number, now: Date): Date {
  return new Date(now.getTime() - days * DAY);
}

/** The ids that are there (a finding without its evidence is left out). */
const present = (...ids: (string | null)[]) => ids.filter((id): id is string => id !== null);

/** The demo agenda, when it was made before: looked up by its title and the demo owner. */
export async function findDemoAgenda() {
  const owner = await db().user.findUnique({ where: { email: DEMO_OWNER }, select: { id: true } });
  if (!owner) return null;
  return db().buurtagenda.findFirst({
    where: { gemeenteCode: DEMO_AGENDA_GEMEENTE, title: DEMO_AGENDA_TITLE, createdById: owner.id },
    select: { id: true },
  });
}

/**
 * Adds the demo buurtagenda once; returns 1 when it made it, 0 when it was there already, in
 * production, or when the demo accounts or Heemstede's buurten are missing.
 */
export async function seedDemoAgenda(now = new Date()): Promise<number> {
  if (isProduction()) return 0;
  if (await findDemoAgenda()) return 0;
  const people = await demoPeople();
  if (!people) return 0;
  const area = await checkArea(DEMO_BUURTEN);
  if (area.status !== "ok") return 0;
  const agendaId = await startAgenda(
    people.sanne.id,
    {
      title: DEMO_AGENDA_TITLE,
      publicDescription:
        "Voorbeeld met verzonnen inhoud (demo). Bewoners, WIJ Heemstede en de gemeente werken " +
        "samen aan minder eenzaamheid en minder geldzorgen in De Glip en Glipper Dreef.",
      startsOn: day(-120, now),
      endsOn: day(245, now),
      buurtCodes: DEMO_BUURTEN,
    },
    area,
  );
  try {
    await fill(agendaId, people, now);
  } catch (error) {
    // Agreements first: they hold on to their owning party.
    await db().agreement.deleteMany({ where: { agendaId } });
    await db().buurtagenda.delete({ where: { id: agendaId } });
    throw error;
  } finally {
    // Publishing and progress queue their mail, which starts this process's queue. The seed runs
    // before any worker (npm start, npm run dev, npm run db:seed, a test's beforeAll): stop it
    // again, or `npm run db:seed` would never end. The jobs wait in the database for a worker.
    await stopQueue();
  }
  return 1;
}

type DemoPeople = NonNullable<Awaited<ReturnType<typeof demoPeople>>>;

async function demoPeople() {
  const users = await db().user.findMany({
    where: { email: { in: [DEMO_OWNER, DEMO_PLATFORM, DEMO_PARTNER, DEMO_FOLLOWER] } },
    select: { id: true, email: true },
  });
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const [sanne, kees, partner, fatima] = [
    DEMO_OWNER,
    DEMO_PLATFORM,
    DEMO_PARTNER,
    DEMO_FOLLOWER,
  ].map((email) => byEmail.get(email));
  if (!sanne || !kees || !partner || !fatima) return null;
  return { sanne, kees, partner, fatima };
}

/**
 * A person as a signed-in session sees them (second factor passed): roles and the
 * organisations they act for.
 */
async function asSignedIn(userId: string): Promise<CurrentUser> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      displayName: true,
      roles: { select: { role: true, scopeType: true, scopeId: true } },
      memberships: { select: { organisationId: true } },
    },
  });
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    assignments: user.roles,
    organisationIds: user.memberships.map((m) => m.organisationId),
    secondFactor: "passed",
    withheldAssignments: [],
  };
}

function ok<T extends { ok: boolean }>(outcome: T | null, what: string): Extract<T, { ok: true }> {
  if (!outcome?.ok) throw new Error(`Demo agenda: ${what} failed (${JSON.stringify(outcome)})`);
  return outcome as Extract<T, { ok: true }>;
}

async function fill(agendaId: string, people: DemoPeople, now: Date) {
  const { sanne, kees, partner, fatima } = people;
  const resource = (await getAgendaResource(agendaId))!;

  // Block 1: why here, why now, the preconditions, support and the decision to go on.
  await saveStatement(
    sanne.id,
    agendaId,
    "In De Glip en Glipper Dreef wonen veel ouderen alleen, en steeds meer gezinnen komen moeilijk " +
      "rond. Bewoners en WIJ Heemstede zien het elke week. (Verzonnen voorbeeld.)",
  );
  await addTrigger(sanne.id, agendaId, {
    kind: "focus_area",
    note: "Samen aangewezen als aandachtsgebied na de voorselectie op eenzaamheid en rondkomen.",
  });
  await addTrigger(sanne.id, agendaId, {
    kind: "professional_signals",
    note: "WIJ Heemstede meldt meer vragen over schulden en over eenzaamheid bij 75-plussers.",
  });
  await savePreconditions(sanne.id, agendaId, {
    budget: 50_000,
    budgetSource: DEMO_BUDGET,
    legalLimits: "",
    technicalLimits: "",
    notOpenForDiscussion: "De busroute: die is van de provincie.",
    capacityHoursPerMonth: 16,
  });
  for (const [group, level] of [
    ["civil_service", "sufficient"],
    ["politics", "sufficient"],
    ["organisations", "strong"],
    ["residents", "doubtful"],
  ] as const) {
    await saveSupport(sanne.id, agendaId, {
      group,
      level,
      note: group === "residents" ? "Nog weinig bewoners bereikt buiten de flat." : "",
    });
  }
  await saveDecision(sanne.id, agendaId, {
    decision: "continue",
    decisionThemes: "",
    decisionNote: "We gaan door met beide buurten samen.",
  });

  // Block 2: the buurtscan with the default indicators, frozen (this closes block 2).
  ok(await startScan(sanne.id, agendaId, [...DEFAULT_SCAN_INDICATORS]), "starting the scan");
  ok(await freezeScan(sanne.id, agendaId, 1), "freezing the scan");

  // Block 3: WIJ Heemstede decides, with the demo partner acting for it; residents co-create.
  const wij = await organisation(sanne.id, agendaId, WIJ, "welfare");
  const residents = await organisation(sanne.id, agendaId, RESIDENTS, "residents_association");
  // As an accepted invitation leaves them (see partyWithMember in tests/support/demo-users.ts).
  await db().organisationMember.upsert({
    where: { userId_organisationId: { userId: partner.id, organisationId: wij } },
    create: { userId: partner.id, organisationId: wij },
    update: {},
  });
  const parties: Record<string, string> = {};
  for (const [organisationId, role, commitment] of [
    [wij, "decides", "Welzijnswerkers in de buurt, een koffieochtend en een spreekuur."],
    [residents, "co_creates", "Bewoners die meedenken en bankjes en ontmoeting helpen regelen."],
  ] as const) {
    await addParty(sanne.id, agendaId, resource.gemeenteCode, {
      organisationId,
      participationRole: role,
      commitment,
    });
    const party = await db().agendaParty.findUniqueOrThrow({
      where: { agendaId_organisationId: { agendaId, organisationId } },
    });
    await updateParty(sanne.id, agendaId, {
      partyId: party.id,
      participationRole: role,
      invitationStatus: "accepted",
      commitment,
    });
    parties[organisationId] = party.id;
  }

  // Block 5: two findings from the demo stories (and, for money worries, the frozen figures).
  const loneliness = await finding(sanne.id, resource, {
    title: "Ouderen zijn vaak alleen",
    description:
      "Bewoners vertellen dat ontmoetingsplekken verdwenen zijn; ouderen komen weinig buiten.",
    themes: ["loneliness"],
    stories: ["Alleen sinds mijn man overleed", "Koffieochtend gestopt", "Niemand belt nog"],
    indicator: null,
  });
  const money = await finding(sanne.id, resource, {
    title: "Geldzorgen in veel gezinnen",
    description: "De cijfers en de verhalen zeggen hetzelfde: veel bewoners komen moeilijk rond.",
    themes: ["livelihood_debts"],
    stories: ["Rondkomen", "Schulden door een boete", "Voedselbank"],
    indicator: "rivm_moeite_met_rondkomen_18plus_pct",
  });

  // Block 7: three agreements; the coffee morning was due two weeks ago and is not done yet.
  const agreement = async (input: {
    title: string;
    description: string;
    owner: string;
    startsOn: string;
    dueOn: string;
    cost: number | null;
    budgetSource: string;
    findings: string[];
    indicators?: string[];
  }) =>
    ok(
      await saveAgreement(sanne.id, resource, {
        status: "planned",
        ideas: [],
        indicators: [],
        ...input,
      }),
      `agreement ${input.title}`,
    ).id;
  const coffee = await agreement({
    title: "Koffieochtend in de Glip weer starten",
    description: "Elke week een koffieochtend voor ouderen, met vrijwilligers uit de buurt.",
    owner: parties[wij]!,
    startsOn: day(-90, now),
    dueOn: day(-14, now),
    cost: 6_000,
    budgetSource: DEMO_BUDGET,
    findings: present(loneliness),
  });
  const consultation = await agreement({
    title: "Spreekuur geldzorgen in het buurthuis",
    description: "Elke twee weken een spreekuur van WIJ Heemstede over rondkomen en schulden.",
    owner: parties[wij]!,
    startsOn: day(-60, now),
    dueOn: day(120, now),
    cost: 18_000,
    budgetSource: "Meerjarige budgetsubsidie WIJ Heemstede",
    findings: present(money),
    indicators: ["rivm_moeite_met_rondkomen_18plus_pct"],
  });
  const benches = await agreement({
    title: "Bankjes op het grasveld bij de flat",
    description: "Drie bankjes, waar bewoners samen de plek voor kiezen.",
    owner: parties[residents]!,
    startsOn: day(30, now),
    dueOn: day(180, now),
    cost: 4_500,
    budgetSource: DEMO_BUDGET,
    findings: present(loneliness),
  });

  // The text, signed off by WIJ Heemstede (the only deciding party) and published as version 1.
  const quote = await db().story.findFirst({
    where: {
      isDemo: true,
      title: "Koffieochtend gestopt",
      buurtCode: { in: DEMO_BUURTEN },
      status: "published",
      consentPublish: true,
      consentQuote: true,
    },
    select: { id: true },
  });
  const heading = (text: string): DocNode => ({
    type: "heading",
    attrs: { level: 2 },
    content: [{ type: "text", text }],
  });
  const paragraph = (text: string): DocNode => ({
    type: "paragraph",
    content: [{ type: "text", text }],
  });
  const published: DocNode[] = [
    heading("Waarom dit gebied, en waarom nu?"),
    paragraph(
      "Dit is een verzonnen voorbeeld (demo). In De Glip en Glipper Dreef wonen veel ouderen " +
        "alleen en komen veel gezinnen moeilijk rond.",
    ),
    heading("Wat vertelden bewoners?"),
    ...present(loneliness, money).map((findingId) => ({
      type: "findingEmbed",
      attrs: { findingId },
    })),
    ...(quote ? [{ type: "storyQuote", attrs: { storyId: quote.id } }] : []),
    heading("Wat gaan we samen doen?"),
    { type: "agreementEmbed", attrs: { agreementId: coffee } },
    { type: "agreementEmbed", attrs: { agreementId: consultation } },
    { type: "agreementEmbed", attrs: { agreementId: benches } },
    heading("Hoe houden we het bij?"),
    paragraph("WIJ Heemstede meldt elke maand de voortgang; na een jaar kijken we samen terug."),
  ];
  const first = ok(
    await saveDraft(sanne.id, resource, documentOf(published), 0),
    "saving the text",
  );
  const signer = await asSignedIn(partner.id);
  const answer = await signOff(signer, resource, {
    partyId: parties[wij]!,
    revision: first.revision,
    decision: "approved",
    reason: "",
  });
  if (answer !== "saved") throw new Error(`Demo agenda: sign-off failed (${answer})`);
  ok(await publish(sanne.id, resource, first.revision), "publishing version 1");

  // After publication the owner reports progress; the coffee morning is late.
  for (const [agreementId, note, daysAgo] of [
    [coffee, "Er is een ruimte in de kerk; we zoeken nog twee vrijwilligers.", 30],
    [consultation, "Het eerste spreekuur was druk: elf bewoners kwamen langs.", 10],
  ] as const) {
    const outcome = await reportProgress(signer, resource, agreementId, {
      intent: "progress",
      status: "in_progress",
      note,
      link: "",
      happenedOn: day(-daysAgo, now),
    });
    if (outcome !== "saved") throw new Error(`Demo agenda: progress failed (${outcome})`);
  }

  // A change to the draft after version 1: what the council gives its advice on.
  ok(
    await saveDraft(
      kees.id,
      resource,
      documentOf([
        ...published.slice(0, -1),
        paragraph(
          "Nieuw in dit concept: jongeren helpen mee op de koffieochtend. We vragen de " +
            "adviesraad hoe we ouderen bereiken die weinig buiten komen.",
        ),
        ...published.slice(-1),
      ]),
      first.revision,
    ),
    "saving the draft change",
  );

  // The published agenda as an example in the library of good practices (issue 9), so a
  // wijkplatform elsewhere finds what Heemstede did about loneliness on a fresh install.
  ok(
    await markPractice(kees.id, resource, {
      intent: "mark",
      subject: WHOLE_AGENDA,
      title: "Verhalen ophalen met een wijkwandeling tegen eenzaamheid (demo)",
      whatWorked:
        "Verzonnen voorbeeld (demo). Op de wijkwandeling met WIJ Heemstede vertelden ouderen " +
        "veel meer dan op een avond in het buurthuis. Hun verhalen en de cijfers van de " +
        "buurtscan wezen samen op eenzaamheid; daardoor kwam de koffieochtend er snel.",
      whatDidNot:
        "Gezinnen met geldzorgen bereikten we nauwelijks op de wandeling. Een volgende keer " +
        "vragen we de school en de voedselbank om mee te doen.",
      themes: ["loneliness", "livelihood_debts"],
    }),
    "marking the good practice",
  );

  // Owners of the blocks; blocks 1–3 done, block 4 open since long, 5–7 under way.
  for (const block of [1, 2, 3, 5, 6, 7]) await setBlockOwner(sanne.id, agendaId, block, sanne.id);
  await setBlockOwner(sanne.id, agendaId, 4, kees.id);
  for (const block of [1, 3]) await setBlockStatus(sanne.id, agendaId, block, "done");
  await setBlockStatus(kees.id, agendaId, 4, "in_progress");
  for (const block of [5, 6, 7]) await setBlockStatus(sanne.id, agendaId, block, "in_progress");

  // The demo resident follows the agenda.
  await follow(agendaId, fatima.id, true);

  // The history is made today; the blocks' dates are set back to when it would have happened,
  // so the dashboard shows block 4 stuck for DEMO_STUCK_DAYS days.
  const changedDaysAgo: Record<number, number> = {
    1: 100,
    2: 75,
    3: 55,
    4: DEMO_STUCK_DAYS,
    5: 20,
    6: 15,
    7: 2,
  };
  await db().$transaction(async (tx) => {
    for (const [block, daysAgo] of Object.entries(changedDaysAgo)) {
      const where = { agendaId_block: { agendaId, block: Number(block) } };
      const row = await tx.buurtagendaBlock.findUniqueOrThrow({ where, select: { status: true } });
      const at = ago(daysAgo, now);
      await tx.buurtagendaBlock.update({
        where,
        data: { updatedAt: at, ...(row.status === "done" ? { doneAt: at } : {}) },
      });
    }
  });
}

function documentOf(content: DocNode[]): DocNode {
  // Through the same check as a browser's save: what is stored is the schema's own JSON.
  const checked = checkDocument(JSON.stringify({ type: "doc", content }));
  if (!checked.ok) throw new Error(`Demo agenda: the text is invalid (${checked.error})`);
  return checked.doc;
}

/** An organisation of the gemeente's register: the one there is, or a new one. */
async function organisation(
  actorId: string,
  agendaId: string,
  name: string,
  kind: "welfare" | "residents_association",
): Promise<string> {
  const made = await createOrganisation(actorId, agendaId, DEMO_AGENDA_GEMEENTE, {
    name,
    kind,
    contactName: "",
    contactPhone: "",
  });
  if (made.status === "created") return made.id;
  const existing = await db().organisation.findUniqueOrThrow({
    where: { gemeenteCode_name: { gemeenteCode: DEMO_AGENDA_GEMEENTE, name } },
    select: { id: true },
  });
  return existing.id;
}

/**
 * A public finding with demo stories (by title) and, optionally, one frozen figure per buurt;
 * null when none of that evidence is there (demo stories moderated away): then it is left out.
 */
async function finding(
  actorId: string,
  resource: AgendaResource,
  input: {
    title: string;
    description: string;
    themes: string[];
    stories: string[];
    indicator: string | null;
  },
): Promise<string | null> {
  const stories = await db().story.findMany({
    where: {
      isDemo: true,
      title: { in: input.stories },
      buurtCode: { in: resource.buurtCodes },
      status: "published",
    },
    select: { id: true },
  });
  const scan = await db().buurtScan.findFirstOrThrow({
    where: { agendaId: resource.agendaId, frozenAt: { not: null } },
    select: { id: true },
  });
  const values = input.indicator
    ? await db().buurtScanValue.findMany({
        where: {
          scanId: scan.id,
          indicatorKey: input.indicator,
          areaCode: { in: resource.buurtCodes },
        },
        select: { scanId: true, areaCode: true, indicatorKey: true },
      })
    : [];
  if (stories.length === 0 && values.length === 0) return null;
  return ok(
    await createFinding(actorId, resource, {
      intent: "finding",
      title: input.title,
      description: input.description,
      isPublic: true,
      themes: input.themes,
      stories: stories.map((s) => s.id),
      values: values.map(valueRef),
    }),
    `finding ${input.title}`,
  ).id;
}
