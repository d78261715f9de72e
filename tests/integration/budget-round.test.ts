import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import {
  action as roundsAction,
  loader as roundsLoader,
} from "../../app/routes/buurtagenda-wijkbegroting";
import {
  action as roundAction,
  loader as roundLoader,
} from "../../app/routes/buurtagenda-wijkbegroting-ronde";
import { loader as publicLoader } from "../../app/routes/buurtagenda";
import { startAgenda } from "../../app/features/agenda/agenda.server";
import { personalData } from "../../app/features/auth/privacy.server";
import { recountRound } from "../../app/features/budget/budget.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { dutchToday } from "../../app/shared/validation";
import { setupFreshDatabase } from "../support/database";
import { signInDemoRoles, signedInCookie } from "../support/demo-users";
import { formPost, get, isRedirectTo, routeArgs } from "../support/requests";

// The neighbourhood budget round (issue 9) through its real routes: staff open it, residents of
// the area vote (secretly, changeably), staff close it, the documented rule chooses, the chosen
// ideas become draft agreements, a recount equals the result, and deviations need a reason.

setupFreshDatabase();

const cookies: Record<string, string> = {};
const users: Record<string, string> = {};
let agendaId = "";
let otherAgendaId = "";
let roundId = "";
let partyId = "";
const ideas: Record<string, string> = {};
const residents: { id: string; cookie: string }[] = [];
const AREA = ["BU03970100", "BU03970101"];

const plusDays = (days: number) => {
  const d = new Date(`${dutchToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

async function idea(agenda: string, title: string, verdict: "fits" | "does_not_fit", cost: number) {
  const { id } = await db().idea.create({
    data: {
      agendaId: agenda,
      title,
      description: `${title}, beschreven`,
      origin: "resident",
      status: "published",
      publishedAt: new Date(),
      judgements: {
        create: {
          verdict,
          reason: verdict === "fits" ? "" : "Past niet",
          costEuros: cost,
          judgedById: users.gemeente!,
        },
      },
    },
  });
  return id;
}

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase({ demoStories: false });
  await signInDemoRoles(["bewoner", "buurtplatform", "gemeente", "adviesraad"], users, cookies);
  const details = { publicDescription: "x", startsOn: "2026-01-01", endsOn: "2027-12-31" };
  agendaId = await startAgenda(
    users.gemeente!,
    { ...details, title: "Glip", buurtCodes: AREA },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  otherAgendaId = await startAgenda(
    users.gemeente!,
    { ...details, title: "Centrum", buurtCodes: ["BU03970000"] },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  await db().urgency.update({ where: { agendaId }, data: { budgetEuros: 60_000 } });
  const organisation = await db().organisation.create({
    data: { gemeenteCode: "GM0397", name: "Gemeente Heemstede", kind: "municipality" },
  });
  partyId = (
    await db().agendaParty.create({
      data: { agendaId, organisationId: organisation.id, participationRole: "decides" },
    })
  ).id;
  ideas.bankjes = await idea(agendaId, "Bankjes bij de Glip", "fits", 20_000);
  ideas.licht = await idea(agendaId, "Betere verlichting", "fits", 30_000);
  ideas.speeltuin = await idea(agendaId, "Speeltuin", "fits", 25_000);
  ideas.kamer = await idea(agendaId, "Buurtkamer", "fits", 10_000);
  ideas.nee = await idea(agendaId, "Parkeergarage", "does_not_fit", 900_000);
  ideas.elders = await idea(otherAgendaId, "Elders", "fits", 5_000);
  for (const n of [1, 2, 3, 4]) {
    const user = await db().user.create({
      data: { email: `stemmer${n}@example.org`, emailVerifiedAt: new Date() },
    });
    residents.push({ id: user.id, cookie: await signedInCookie(user.id) });
  }
});

const openFields = () => ({
  intent: "open",
  title: "Wijkbegroting De Glip",
  amount: "50.000",
  method: "knapsack",
  opensOn: dutchToday(),
  closesOn: plusDays(14),
  ideas: [ideas.bankjes!, ideas.licht!, ideas.speeltuin!, ideas.kamer!],
});
const open = (fields: Record<string, string | string[]>, cookie?: string) =>
  roundsAction(
    routeArgs(formPost(`/buurtagenda/${agendaId}/wijkbegroting`, fields, cookie), { id: agendaId }),
  );
const onRound = (fields: Record<string, string | string[]>, cookie?: string, round = roundId) =>
  roundAction(
    routeArgs(formPost(`/buurtagenda/${agendaId}/wijkbegroting/${round}`, fields, cookie), {
      id: agendaId,
      round,
    }),
  );
const roundPageAs = (cookie?: string) =>
  roundLoader(
    routeArgs(get(`/buurtagenda/${agendaId}/wijkbegroting/${roundId}`, cookie), {
      id: agendaId,
      round: roundId,
    }),
  );
const vote = (cookie: string, choices: string[]) => onRound({ intent: "ballot", choices }, cookie);
type FormReply = { result: { error: Record<string, string[]> } };
type BallotReply = { ballot: { error: string; choices: string[] } };

describe("opening a round", () => {
  it("is for staff only", async () => {
    for (const who of ["bewoner", "buurtplatform", "adviesraad"]) {
      await expect(open(openFields(), cookies[who])).rejects.toMatchObject({
        init: { status: 403 },
      });
    }
    expect(await db().budgetRound.count()).toBe(0);
  });

  it("refuses a missing amount, one over block 1's budget, a backwards period, too few or foreign ideas", async () => {
    const cases: [Record<string, string | string[]>, Record<string, string[]>][] = [
      [{ amount: "" }, { amount: ["amountRequired"] }],
      [{ amount: "vijftig" }, { amount: ["amountInvalid"] }],
      [{ amount: "70.000" }, { amount: ["amountOverBudget"] }],
      [{ closesOn: plusDays(-1) }, { closesOn: ["periodBackwards"] }],
      [{ opensOn: plusDays(-3), closesOn: plusDays(3) }, { opensOn: ["opensInPast"] }],
      [{ ideas: [ideas.bankjes!] }, { ideas: ["ideasTooFew"] }],
      [{ ideas: [ideas.bankjes!, ideas.nee!] }, { ideas: ["ideaForeign"] }],
      [{ ideas: [ideas.bankjes!, ideas.elders!] }, { ideas: ["ideaForeign"] }],
      [{ ideas: [ideas.bankjes!, "not-an-id"] }, { ideas: ["ideaForeign"] }],
    ];
    for (const [change, errors] of cases) {
      const reply = (await open({ ...openFields(), ...change }, cookies.gemeente)) as FormReply;
      expect(reply.result.error, JSON.stringify(change)).toMatchObject(errors);
    }
    expect(await db().budgetRound.count()).toBe(0);
  });

  it("opens with four ideas and € 50,000, their costs frozen from the judgement", async () => {
    const response = await open(openFields(), cookies.gemeente);
    expect(isRedirectTo(response, /\/wijkbegroting\/[0-9a-f-]{36}\?geopend=1$/)).toBe(true);
    const round = await db().budgetRound.findFirstOrThrow({ include: { ideas: true } });
    roundId = round.id;
    expect(round.amountEuros).toBe(50_000);
    expect(round.ideas.map((i) => i.costEuros).toSorted()).toEqual([
      10_000, 20_000, 25_000, 30_000,
    ]);
    const list = await roundsLoader(
      routeArgs(get(`/buurtagenda/${agendaId}/wijkbegroting`), { id: agendaId }),
    );
    expect(list.rounds).toMatchObject([{ title: "Wijkbegroting De Glip", phase: "open" }]);
    // Block 1 had 60,000: a second round can only take the 10,000 left.
    const second = (await open(
      { ...openFields(), amount: "20.000" },
      cookies.gemeente,
    )) as FormReply;
    expect(second.result.error).toMatchObject({ amount: ["amountOverBudget"] });
  });
});

describe("voting", () => {
  it("asks a signed-out visitor to sign in and writes nothing", async () => {
    const response = await vote("", [ideas.bankjes!]).catch((e: unknown) => e);
    expect(isRedirectTo(response, /\/inloggen/)).toBe(true);
    expect(await db().budgetBallot.count()).toBe(0);
  });

  it("refuses a person without a buurt, from outside the area, over budget or with a foreign idea", async () => {
    const [first] = residents;
    expect(((await vote(first!.cookie, [ideas.bankjes!])) as BallotReply).ballot.error).toBe(
      "noHomeBuurt",
    );
    await onRound({ intent: "home-buurt", buurt: "BU03970000" }, first!.cookie);
    expect(((await vote(first!.cookie, [ideas.bankjes!])) as BallotReply).ballot.error).toBe(
      "outsideArea",
    );
    const unknown = (await onRound(
      { intent: "home-buurt", buurt: "BU99999999" },
      first!.cookie,
    )) as { homeBuurt: { error: Record<string, string[]> } };
    expect(unknown.homeBuurt.error).toMatchObject({ buurt: ["buurtUnknown"] });
    await onRound({ intent: "home-buurt", buurt: AREA[0]! }, first!.cookie);
    const over = (await vote(first!.cookie, [ideas.licht!, ideas.speeltuin!])) as BallotReply;
    // What the person ticked comes back, so nothing they chose is lost.
    expect(over.ballot).toEqual({
      error: "ballotOverBudget",
      choices: [ideas.licht!, ideas.speeltuin!],
    });
    const foreign = (await vote(first!.cookie, [ideas.bankjes!, ideas.elders!])) as BallotReply;
    expect(foreign.ballot.error).toBe("ballotUnknownIdea");
    const empty = (await vote(first!.cookie, [])) as BallotReply;
    expect(empty.ballot.error).toBe("ballotEmpty");
    expect(await db().budgetBallot.count()).toBe(0);
    expect(await db().budgetVoter.count()).toBe(0);
  });

  it("takes one ballot per account, changeable, and shows the voter their own choice", async () => {
    const [a, b, c] = residents;
    await onRound({ intent: "home-buurt", buurt: AREA[1]! }, b!.cookie);
    await onRound({ intent: "home-buurt", buurt: AREA[1]! }, c!.cookie);
    expect(isRedirectTo(await vote(a!.cookie, [ideas.speeltuin!]), /gestemd=1/)).toBe(true);
    // a changes their mind: only the new ballot counts.
    expect(isRedirectTo(await vote(a!.cookie, [ideas.licht!, ideas.bankjes!]), /veranderd=1/)).toBe(
      true,
    );
    await vote(b!.cookie, [ideas.licht!, ideas.kamer!]);
    await vote(c!.cookie, [ideas.speeltuin!, ideas.kamer!]);
    expect(await db().budgetBallot.count()).toBe(3);
    expect(await db().budgetVoter.count()).toBe(3);
    const page = await roundPageAs(a!.cookie);
    expect(page.me).toMatchObject({ hasVoted: true });
    expect(page.me!.choices.toSorted()).toEqual([ideas.licht!, ideas.bankjes!].toSorted());
    // No running result while voting is open, only the number of voters per buurt.
    expect(page.results).toEqual([]);
    expect(page.turnout.map((t) => t.voters)).toEqual(expect.arrayContaining([1, 2]));
  });

  it("keeps who voted apart from what was voted", async () => {
    const columns = async (table: string) =>
      (
        await db().$queryRaw<{ column_name: string }[]>`
          SELECT column_name FROM information_schema.columns WHERE table_name = ${table}`
      )
        .map((c) => c.column_name)
        .toSorted();
    expect(await columns("budget_ballot")).toEqual(["id", "round_id", "sealed_voter"]);
    expect(await columns("budget_ballot_choice")).toEqual(["ballot_id", "idea_id"]);
    expect(await columns("budget_voter")).not.toContain("ballot_id");
    const seals = (await db().budgetBallot.findMany()).map((b) => b.sealedVoter);
    for (const resident of residents) {
      expect(seals.some((seal) => seal.includes(resident.id))).toBe(false);
    }
    // The audit says that someone voted, never what.
    const events = await db().auditEvent.findMany({
      where: { action: { startsWith: "budget.ballot" } },
    });
    expect(events).toHaveLength(4);
    for (const e of events) expect(JSON.stringify(e.details)).not.toContain(ideas.licht!);
  });

  it("lists the rounds a person voted in in their data export, not what they voted", async () => {
    const data = await personalData(residents[0]!.id, "nl");
    expect(data.budgetRoundsVotedIn).toMatchObject([{ roundId, buurtCode: AREA[0] }]);
    expect(data.account).toMatchObject({ homeBuurtCode: AREA[0] });
    expect(JSON.stringify(data.budgetRoundsVotedIn)).not.toContain(ideas.licht!);
  });
});

describe("closing and counting", () => {
  it("is for staff only and needs an owner from the agenda's parties", async () => {
    await expect(
      onRound({ intent: "close", owner: partyId }, residents[0]!.cookie),
    ).rejects.toMatchObject({ init: { status: 403 } });
    const foreign = (await onRound(
      { intent: "close", owner: "00000000-0000-4000-8000-000000000000" },
      cookies.gemeente,
    )) as { close: { error: Record<string, string[]> } };
    expect(foreign.close.error).toMatchObject({ owner: ["ownerRequired"] });
    expect((await db().budgetRound.findUniqueOrThrow({ where: { id: roundId } })).closedAt).toBe(
      null,
    );
  });

  it("chooses greedy by votes within the amount and makes draft agreements of the winners", async () => {
    // votes: licht 2, kamer 2, bankjes 1, speeltuin 1.
    // kamer (10k) before licht (30k) on the tie: both fit (10k left); bankjes (20k) does not;
    // speeltuin (25k) neither.
    const response = await onRound({ intent: "close", owner: partyId }, cookies.gemeente);
    expect(isRedirectTo(response, /geteld=2#uitslag$/)).toBe(true);
    const page = await roundPageAs();
    expect(page.round.phase).toBe("closed");
    const title = new Map(page.ideas.map((i) => [i.ideaId, i.title]));
    expect(page.results.map((r) => [title.get(r.ideaId), r.votes, r.outcome])).toEqual([
      ["Buurtkamer", 2, "chosen"],
      ["Betere verlichting", 2, "chosen"],
      ["Bankjes bij de Glip", 1, "over_budget"],
      ["Speeltuin", 1, "over_budget"],
    ]);
    expect(page.results[0]!.tiedWith).toEqual([ideas.licht]);
    expect(page.turnout).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ buurtCode: AREA[0], voters: 1 }),
        expect.objectContaining({ buurtCode: AREA[1], voters: 2 }),
      ]),
    );
    const agreements = await db().agreement.findMany({
      where: { agendaId },
      include: { ideas: true },
      orderBy: { title: "asc" },
    });
    expect(agreements.map((a) => [a.title, a.costEuros, a.status, a.ownerPartyId])).toEqual([
      ["Betere verlichting", 30_000, "planned", partyId],
      ["Buurtkamer", 10_000, "planned", partyId],
    ]);
    expect(agreements[0]!.ideas.map((i) => i.ideaId)).toEqual([ideas.licht]);
    expect(agreements[0]!.budgetSource).toBe("Wijkbegroting: Wijkbegroting De Glip");
    // Draft: the public page shows only agreements of a published text, so not these yet.
    const publicPage = await publicLoader(
      routeArgs(get(`/buurtagenda/${agendaId}`), { id: agendaId }),
    );
    expect(publicPage.liveAgreements).toEqual({});
    expect(publicPage.votingRounds).toMatchObject([{ id: roundId, phase: "closed" }]);
  });

  it("refuses a ballot and a second count after closing", async () => {
    const late = (await vote(residents[1]!.cookie, [ideas.bankjes!])) as BallotReply;
    expect(late.ballot.error).toBe("roundClosed");
    const again = (await onRound({ intent: "close", owner: partyId }, cookies.gemeente)) as {
      close: { error: Record<string, string[]> };
    };
    expect(again.close.error).toMatchObject({ "": ["alreadyClosed"] });
    expect(await db().agreement.count({ where: { agendaId } })).toBe(2);
  });

  it("publishes a result that equals a recount, by the function and by the command", async () => {
    const recount = await recountRound(roundId);
    expect(recount!.differences).toEqual([]);
    const stored = await db().budgetResult.findMany({
      where: { roundId },
      orderBy: { rank: "asc" },
    });
    expect(recount!.recount.map((r) => [r.ideaId, r.votes, r.rank, r.chosen])).toEqual(
      stored.map((r) => [r.ideaId, r.votes, r.rank, r.chosen]),
    );
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "scripts/budget-recount.ts", roundId],
      { cwd: PROJECT_ROOT, env: { ...process.env } },
    );
    expect(stdout).toContain("The recount equals the published result.");
    expect(stdout).toMatch(/1\. Buurtkamer: 2 votes, chosen/);
  });

  it("notices a stored result that no longer matches the ballots, and refuses to edit it", async () => {
    await expect(
      db().budgetResult.update({
        where: { roundId_ideaId: { roundId, ideaId: ideas.bankjes! } },
        data: { chosen: true },
      }),
    ).rejects.toThrow();
    // A ballot changed behind the system's back: the recount says where.
    const ballot = await db().budgetBallotChoice.findFirstOrThrow({
      where: { ideaId: ideas.kamer!, ballot: { roundId } },
    });
    await db().budgetBallotChoice.delete({
      where: { ballotId_ideaId: { ballotId: ballot.ballotId, ideaId: ideas.kamer! } },
    });
    const recount = await recountRound(roundId);
    expect(recount!.differences.length).toBeGreaterThan(0);
    expect(recount!.differences).toContain(ideas.kamer);
    const command: { code?: number; stderr?: string } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "scripts/budget-recount.ts", roundId],
      { cwd: PROJECT_ROOT, env: { ...process.env } },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(command.code).toBe(1);
    expect(command.stderr).toMatch(
      /The recount differs from the published result for: .*Buurtkamer/,
    );
    // The council checks the count from the round page and is told it differs; a resident may not.
    const recountOnPage = (cookie?: string) => onRound({ intent: "recount" }, cookie);
    await expect(recountOnPage(residents[0]!.cookie)).rejects.toMatchObject({
      init: { status: 403 },
    });
    expect(isRedirectTo(await recountOnPage(cookies.adviesraad), /hertelling=anders/)).toBe(true);
    await db().budgetBallotChoice.create({
      data: { ballotId: ballot.ballotId, ideaId: ideas.kamer! },
    });
    expect((await recountRound(roundId))!.differences).toEqual([]);
    expect(isRedirectTo(await recountOnPage(cookies.buurtplatform), /hertelling=gelijk/)).toBe(
      true,
    );
    const checks = await db().auditEvent.findMany({
      where: { action: "budget.recounted", subjectId: agendaId },
      orderBy: { createdAt: "asc" },
    });
    expect(checks.map((c) => (c.details as { matches: boolean }).matches)).toEqual([false, true]);
  });
});

describe("deviating from the result", () => {
  const deviate = (fields: Record<string, string>, cookie = cookies.gemeente) =>
    onRound({ intent: "deviate", ...fields }, cookie);

  it("needs a reason, and is for staff only", async () => {
    const noReason = (await deviate({ idea: ideas.bankjes!, include: "ja", reason: " " })) as {
      deviate: { error: Record<string, string[]> };
    };
    expect(noReason.deviate.error).toMatchObject({ reason: ["reasonRequired"] });
    await expect(
      deviate({ idea: ideas.bankjes!, include: "ja", reason: "Wil ik" }, cookies.buurtplatform),
    ).rejects.toMatchObject({ init: { status: 403 } });
    const pointless = (await deviate({
      idea: ideas.licht!,
      include: "ja",
      reason: "Is al gekozen",
    })) as { deviate: { error: Record<string, string[]> } };
    expect(pointless.deviate.error).toMatchObject({ include: ["deviationPointless"] });
    expect(await db().budgetDeviation.count()).toBe(0);
  });

  it("records a public reason, adds or drops the draft agreement, and keeps the counted result", async () => {
    expect(
      isRedirectTo(
        await deviate({
          idea: ideas.bankjes!,
          include: "ja",
          reason: "De woningcorporatie betaalt de helft.",
        }),
        /afgeweken=1/,
      ),
    ).toBe(true);
    expect(
      isRedirectTo(
        await deviate({
          idea: ideas.licht!,
          include: "nee",
          reason: "Liander vervangt de lantaarns al in 2027.",
        }),
        /afgeweken=1/,
      ),
    ).toBe(true);
    const agreements = await db().agreement.findMany({
      where: { agendaId },
      orderBy: { title: "asc" },
    });
    expect(agreements.map((a) => [a.title, a.status])).toEqual([
      ["Bankjes bij de Glip", "planned"],
      ["Betere verlichting", "dropped"],
      ["Buurtkamer", "planned"],
    ]);
    const update = await db().agreementUpdate.findFirstOrThrow({
      where: { agreement: { title: "Betere verlichting", agendaId } },
    });
    expect(update.note).toBe("Liander vervangt de lantaarns al in 2027.");
    // Seen by anyone, signed out too.
    const page = await roundPageAs();
    expect(page.deviations.map((d) => [d.include, d.reason])).toEqual([
      [true, "De woningcorporatie betaalt de helft."],
      [false, "Liander vervangt de lantaarns al in 2027."],
    ]);
    expect(page.results.find((r) => r.ideaId === ideas.bankjes)).toMatchObject({ chosen: false });
    expect((await recountRound(roundId))!.differences).toEqual([]);
  });
});
