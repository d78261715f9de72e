import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as ideasAction, loader as ideasLoader } from "../../app/routes/buurtagenda-ideeen";
import { action as ideaAction, loader as ideaLoader } from "../../app/routes/buurtagenda-idee";
import {
  action as registerAction,
  loader as registerLoader,
} from "../../app/routes/gemeente-beleid";
import {
  action as changeAction,
  loader as changeLoader,
} from "../../app/routes/gemeente-beleid-wijzigen";
import { loader as workspaceLoader } from "../../app/routes/buurtagenda-werkruimte";
import { startAgenda } from "../../app/features/agenda/agenda.server";
import { deleteAccount, personalData } from "../../app/features/auth/privacy.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { startQueueWorker } from "../../app/shared/queue.server";
import { handleIdeaJudgements } from "../../app/features/ideas/idea-notifications.server";
import { setupFreshDatabase } from "../support/database";
import { signInDemoRoles, signedInCookie } from "../support/demo-users";
import { formPost, get, isRedirectTo, routeArgs } from "../support/requests";
import { startMailbox } from "../support/smtp-capture";

// Block 6 (issue 6): ideas about findings, support, merging, the gemeente's policy register,
// feasibility judgements with their history and the budget check, and the mail to the proposer
// and supporters through the real queue and a real SMTP server.

setupFreshDatabase();

const DE_GLIP = "BU03970100";
const GLIPPER_DREEF = "BU03970101";
const ORIGIN = "https://buurtagenda.example.nl";
const users: Record<string, string> = {};
const cookies: Record<string, string> = {};
let agendaId = "";
let otherAgendaId = "";
let findingId = "";
let secondFindingId = "";
let foreignFindingId = "";
let internalFindingId = "";
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase({ demoStories: false });
  await signInDemoRoles(["bewoner", "buurtplatform", "gemeente", "adviesraad"], users, cookies);
  // Two more residents with verified addresses, to support ideas.
  for (const name of ["anna", "bram", "cor"]) {
    const user = await db().user.create({
      data: { email: `${name}@example.org`, emailVerifiedAt: new Date(), locale: "nl" },
    });
    users[name] = user.id;
    cookies[name] = await signedInCookie(user.id);
  }
  const details = { publicDescription: "x", startsOn: "2027-01-01", endsOn: "2027-12-31" };
  agendaId = await startAgenda(
    users.gemeente!,
    { ...details, title: "Glip", buurtCodes: [DE_GLIP, GLIPPER_DREEF] },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  otherAgendaId = await startAgenda(
    users.gemeente!,
    { ...details, title: "Centrum", buurtCodes: ["BU03970000"] },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  await db().urgency.update({ where: { agendaId }, data: { budgetEuros: 50_000 } });
  const finding = (agenda: string, title: string, isPublic = true) =>
    db().finding.create({
      data: {
        agendaId: agenda,
        title,
        description: `${title}.`,
        isPublic,
        createdById: users.gemeente!,
      },
    });
  findingId = (await finding(agendaId, "Het pad naar de bus is donker")).id;
  secondFindingId = (await finding(agendaId, "Ouderen zijn vaak alleen")).id;
  foreignFindingId = (await finding(otherAgendaId, "Te weinig fietsenrekken")).id;
  internalFindingId = (await finding(agendaId, "Concept: veel schulden in De Glip", false)).id;
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

type Reply = { result?: { error?: Record<string, string[]> } };
const list = (cookie?: string, id = agendaId) =>
  ideasLoader(routeArgs(get(`/buurtagenda/${id}/ideeen`, cookie), { id }));
const propose = (fields: Record<string, string | string[]>, cookie = cookies.bewoner) =>
  ideasAction(
    routeArgs(formPost(`/buurtagenda/${agendaId}/ideeen`, { intent: "idea", ...fields }, cookie), {
      id: agendaId,
    }),
  );
const page = (idea: string, cookie?: string) =>
  ideaLoader(
    routeArgs(get(`/buurtagenda/${agendaId}/ideeen/${idea}`, cookie), { id: agendaId, idea }),
  );
const act = (idea: string, fields: Record<string, string | string[]>, cookie?: string) =>
  ideaAction(
    routeArgs(formPost(`/buurtagenda/${agendaId}/ideeen/${idea}`, fields, cookie), {
      id: agendaId,
      idea,
    }),
  );
const register = (cookie?: string, code = "GM0397") =>
  registerLoader(routeArgs(get(`/gemeente/${code}/beleid`, cookie), { code }));
const addInstrument = (
  fields: Record<string, string>,
  cookie = cookies.gemeente,
  code = "GM0397",
) => registerAction(routeArgs(formPost(`/gemeente/${code}/beleid`, fields, cookie), { code }));

/** A resident's idea, published by the platform; returns its id. */
async function publishedIdea(title: string, cookie = cookies.bewoner, findings = [findingId]) {
  const response = await propose({ title, description: `${title}, graag.`, findings }, cookie);
  const id = /ideeen\/([0-9a-f-]{36})/.exec((response as Response).headers.get("Location")!)![1]!;
  const idea = await db().idea.findUniqueOrThrow({ where: { id } });
  if (idea.status === "submitted") await act(id, { intent: "publish" }, cookies.buurtplatform);
  return id;
}

async function instrumentId(title: RegExp) {
  const all = await db().policyInstrument.findMany({ where: { gemeenteCode: "GM0397" } });
  return all.find((i) => title.test(i.title))!.id;
}

describe("the policy register", () => {
  it("holds the instruments Heemstede's documents name, for everyone to read", async () => {
    const seen = await register();
    expect(seen.canManage).toBe(false);
    expect(seen.instruments.map((i) => [i.title, i.kind, i.startYear, i.endYear])).toEqual(
      expect.arrayContaining([
        ["Beleidsplan Sociaal Domein 2020-2023", "policy_plan", 2020, 2023],
        [
          "GALA 2023-2026: Samen werken aan een gezond en actief Heemstede",
          "programme",
          2023,
          2026,
        ],
        ["Meerjarige budgetsubsidie WIJ Heemstede", "subsidy", null, null],
        ["Prestatieafspraken met de woningcorporaties", "corporation_agreement", null, null],
      ]),
    );
    expect(seen.instruments).toHaveLength(4);
    expect((await register(cookies.gemeente)).canManage).toBe(true);
    await expect(register(undefined, "GM9999")).rejects.toMatchObject({ init: { status: 404 } });
  });

  it("refuses a period backwards, a javascript: link and a title twice; writes nothing", async () => {
    const before = await db().policyInstrument.count();
    const bad = (await addInstrument({
      title: "Speelruimteplan",
      kind: "policy_plan",
      startYear: "2026",
      endYear: "2024",
      url: "javascript:alert(1)",
    })) as Reply;
    expect(bad.result?.error).toMatchObject({ url: ["urlInvalid"] });
    const backwards = (await addInstrument({
      title: "Speelruimteplan",
      kind: "policy_plan",
      startYear: "2026",
      endYear: "2024",
    })) as Reply;
    expect(backwards.result?.error).toMatchObject({ endYear: ["periodInvalid"] });
    const twice = (await addInstrument({
      title: "Beleidsplan Sociaal Domein 2020-2023",
      kind: "policy_plan",
    })) as Reply;
    expect(twice.result?.error).toMatchObject({ title: ["instrumentExists"] });
    expect(await db().policyInstrument.count()).toBe(before);
  });

  it("is kept by the gemeente only: residents and the platform are refused", async () => {
    for (const who of ["bewoner", "buurtplatform"]) {
      await expect(
        addInstrument({ title: "Iets", kind: "subsidy" }, cookies[who]),
      ).rejects.toMatchObject({ init: { status: 403 } });
    }
    const added = await addInstrument({
      title: "Speelruimteplan",
      kind: "policy_plan",
      startYear: "2024",
      endYear: "2028",
      department: "Openbare ruimte",
      url: "https://www.heemstede.nl/speelruimteplan",
    });
    expect(isRedirectTo(added, /\/gemeente\/GM0397\/beleid\?opgeslagen=1$/)).toBe(true);
    const id = await instrumentId(/^Speelruimteplan$/);
    const args = (fields?: Record<string, string>) =>
      routeArgs(
        fields
          ? formPost(`/gemeente/GM0397/beleid/${id}`, fields, cookies.gemeente)
          : get(`/gemeente/GM0397/beleid/${id}`, cookies.gemeente),
        { code: "GM0397", instrument: id },
      );
    expect((await changeLoader(args())).instrument.department).toBe("Openbare ruimte");
    await changeAction(args({ title: "Speelruimteplan", kind: "programme", endYear: "2030" }));
    expect(await db().policyInstrument.findUniqueOrThrow({ where: { id } })).toMatchObject({
      kind: "programme",
      startYear: null,
      endYear: 2030,
    });
  });
});

describe("proposing an idea", () => {
  it("needs a finding of this buurtagenda; a forged one is refused and nothing is written", async () => {
    const none = (await propose({ title: "Meer licht", description: "Lampen." })) as Reply;
    expect(none.result?.error).toMatchObject({ findings: ["ideaFindingRequired"] });
    const foreign = (await propose({
      title: "Meer licht",
      description: "Lampen.",
      findings: [findingId, foreignFindingId],
    })) as Reply;
    expect(foreign.result?.error).toMatchObject({ findings: ["findingForeign"] });
    const empty = (await propose({ title: " ", description: "", findings: [findingId] })) as Reply;
    expect(empty.result?.error).toMatchObject({
      title: ["ideaTitleRequired"],
      description: ["ideaDescriptionRequired"],
    });
    expect(await db().idea.count()).toBe(0);
  });

  it("shows residents only the findings staff marked public, and refuses the others", async () => {
    const titles = async (cookie?: string) => (await list(cookie)).findings.map((f) => f.title);
    expect(await titles()).not.toContain("Concept: veel schulden in De Glip");
    expect(await titles(cookies.bewoner)).not.toContain("Concept: veel schulden in De Glip");
    expect(await titles(cookies.gemeente)).toContain("Concept: veel schulden in De Glip");
    const forged = (await propose({
      title: "Schuldhulp",
      description: "Spreekuur.",
      findings: [internalFindingId],
    })) as Reply;
    expect(forged.result?.error).toMatchObject({ findings: ["findingForeign"] });
    expect(await db().idea.count({ where: { title: "Schuldhulp" } })).toBe(0);
  });

  it("sends a visitor to sign in", async () => {
    await expect(
      propose({ title: "x", description: "y", findings: [findingId] }, ""),
    ).rejects.toSatisfy((r: unknown) => isRedirectTo(r, /\/inloggen/));
  });

  it("waits for the platform: only the proposer and the platform see it until it is published", async () => {
    const response = await propose({
      title: "Lampen langs het pad",
      description: "Zet lampen langs het pad naar de bushalte.",
      findings: [findingId],
    });
    expect(isRedirectTo(response, /\/ideeen\/[0-9a-f-]{36}\?verstuurd=1$/)).toBe(true);
    const idea = await db().idea.findFirstOrThrow({ where: { title: "Lampen langs het pad" } });
    expect(idea).toMatchObject({ status: "submitted", origin: "resident" });
    expect((await list()).ideas).toHaveLength(0);
    expect((await list(cookies.anna)).ideas).toHaveLength(0);
    expect((await list(cookies.bewoner)).ideas.map((i) => [i.title, i.own, i.status])).toEqual([
      ["Lampen langs het pad", true, "submitted"],
    ]);
    await expect(page(idea.id)).rejects.toMatchObject({ init: { status: 404 } });
    expect((await page(idea.id, cookies.bewoner)).idea.status).toBe("submitted");
    // A resident cannot publish it; the platform can.
    await expect(act(idea.id, { intent: "publish" }, cookies.bewoner)).rejects.toMatchObject({
      init: { status: 403 },
    });
    await act(idea.id, { intent: "publish" }, cookies.buurtplatform);
    expect((await list()).ideas.map((i) => i.title)).toEqual(["Lampen langs het pad"]);
  });

  it("is public at once when the platform proposes it", async () => {
    await propose(
      { title: "Koffieochtend", description: "Elke week koffie.", findings: [secondFindingId] },
      cookies.buurtplatform,
    );
    expect(await db().idea.findFirstOrThrow({ where: { title: "Koffieochtend" } })).toMatchObject({
      status: "published",
      origin: "platform",
    });
  });

  it("can be rejected with a note the proposer reads", async () => {
    await propose(
      { title: "Reclame", description: "Koop bij ons.", findings: [findingId] },
      cookies.cor,
    );
    const idea = await db().idea.findFirstOrThrow({ where: { title: "Reclame" } });
    const noNote = (await act(idea.id, { intent: "reject", note: "" }, cookies.buurtplatform)) as {
      reject: { error: Record<string, string[]> };
    };
    expect(noNote.reject.error).toMatchObject({ note: ["rejectNoteRequired"] });
    await act(idea.id, { intent: "reject", note: "Dit is reclame." }, cookies.buurtplatform);
    expect((await page(idea.id, cookies.cor)).idea).toMatchObject({
      status: "rejected",
      rejectionNote: "Dit is reclame.",
    });
    await expect(page(idea.id, cookies.anna)).rejects.toMatchObject({ init: { status: 404 } });
  });
});

describe("support", () => {
  it("is one per account: a second support is refused, and it can be withdrawn", async () => {
    const id = await publishedIdea("Bankjes bij de flat");
    expect(await act(id, { intent: "support" }, cookies.anna)).toEqual({ support: "added" });
    expect(await act(id, { intent: "support" }, cookies.anna)).toEqual({ support: "already" });
    expect(await db().ideaSupport.count({ where: { ideaId: id } })).toBe(1);
    expect((await page(id, cookies.anna)).idea).toMatchObject({
      supportCount: 1,
      supportedByViewer: true,
    });
    expect(await act(id, { intent: "unsupport" }, cookies.anna)).toEqual({ support: "removed" });
    expect((await page(id)).idea.supportCount).toBe(0);
  });

  it("is refused on an idea that is not published, and for visitors", async () => {
    await propose({ title: "Nog niet", description: "Wacht.", findings: [findingId] }, cookies.cor);
    const waiting = await db().idea.findFirstOrThrow({ where: { title: "Nog niet" } });
    await expect(act(waiting.id, { intent: "support" }, cookies.anna)).rejects.toMatchObject({
      init: { status: 404 },
    });
    const id = await publishedIdea("Meer groen");
    await expect(act(id, { intent: "support" }, "")).rejects.toSatisfy((r: unknown) =>
      isRedirectTo(r, /\/inloggen/),
    );
  });
});

describe("the feasibility judgement", () => {
  it("is the gemeente's: residents, the platform and the council are refused", async () => {
    const id = await publishedIdea("Drempels");
    for (const who of ["bewoner", "buurtplatform", "adviesraad"]) {
      await expect(
        act(id, { intent: "judge", verdict: "fits" }, cookies[who]),
      ).rejects.toMatchObject({ init: { status: 403 } });
    }
    expect(await db().feasibilityJudgement.count({ where: { ideaId: id } })).toBe(0);
  });

  it("refuses 'does not fit' without a reason, a negative cost and another gemeente's plan", async () => {
    const id = await publishedIdea("Zebrapad op de provinciale weg");
    const judge = (fields: Record<string, string | string[]>) =>
      act(id, { intent: "judge", ...fields }, cookies.gemeente) as Promise<{
        judge: { error: Record<string, string[]> };
      }>;
    expect((await judge({ verdict: "does_not_fit", reason: "  " })).judge.error).toMatchObject({
      reason: ["reasonRequired"],
    });
    expect((await judge({ verdict: "fits", cost: "-500" })).judge.error).toMatchObject({
      cost: ["costNegative"],
    });
    expect((await judge({ verdict: "needs_decision" })).judge.error).toMatchObject({
      decisionBy: ["decisionByRequired"],
    });
    expect((await judge({})).judge.error).toMatchObject({ verdict: ["verdictRequired"] });
    const haarlem = await db().policyInstrument.create({
      data: { gemeenteCode: "GM0392", title: "Haarlems plan", kind: "policy_plan" },
    });
    expect((await judge({ verdict: "fits", instruments: [haarlem.id] })).judge.error).toMatchObject(
      { instruments: ["instrumentForeign"] },
    );
    expect(await db().feasibilityJudgement.count({ where: { ideaId: id } })).toBe(0);
  });

  it("keeps every judgement, answers the proposer and supporters on the page and by mail", async () => {
    const id = await publishedIdea("Lampen bij de bushalte", cookies.bewoner);
    await act(id, { intent: "support" }, cookies.anna);
    const gala = await instrumentId(/^GALA/);
    const first = await act(
      id,
      {
        intent: "judge",
        verdict: "needs_decision",
        decisionBy: "Het college",
        decisionDue: "2027-03-01",
      },
      cookies.gemeente,
    );
    expect(isRedirectTo(first, /\?beoordeeld=1#antwoord$/)).toBe(true);
    await act(
      id,
      {
        intent: "judge",
        verdict: "fits",
        reason: "Past in het GALA: veilig bewegen in de buurt.",
        instruments: [gala],
        cost: "€ 12.500",
        budgetSource: "Incidenteel budget buurtagenda",
      },
      cookies.gemeente,
    );
    const seen = (await page(id, cookies.bewoner)).idea;
    expect(seen.current).toMatchObject({
      verdict: "fits",
      costEuros: 12_500,
      reason: "Past in het GALA: veilig bewegen in de buurt.",
      instruments: [expect.objectContaining({ title: expect.stringMatching(/^GALA/) })],
    });
    // Residents read the answer, not the staff member's name or the earlier judgements.
    expect(seen.current?.judgedBy).toBeNull();
    expect(seen.history).toEqual([]);
    const staff = (await page(id, cookies.gemeente)).idea;
    expect(staff.history.map((j) => j.verdict)).toEqual(["fits", "needs_decision"]);
    expect(staff.history[1]).toMatchObject({ decisionBy: "Het college" });
    expect(staff.history[0]!.judgedBy).toBeTruthy();
    // The newest judgement is mailed to the proposer and the supporter.
    const toProposer = await mailbox.waitFor(
      "bewoner@demo.buurtagenda.nl",
      /Past binnen de mogelijkheden/,
    );
    expect(toProposer.text).toContain("U gaf het idee ‘Lampen bij de bushalte’.");
    expect(toProposer.text).toContain("Waarom: Past in het GALA");
    expect(toProposer.text).toContain(`${ORIGIN}/buurtagenda/${agendaId}/ideeen/${id}`);
    const toSupporter = await mailbox.waitFor("anna@example.org", /Past binnen de mogelijkheden/);
    expect(toSupporter.text).toContain("U steunt het idee ‘Lampen bij de bushalte’.");
  });

  it("never mails an answer that a newer judgement replaced", async () => {
    const id = await publishedIdea("Bloembakken", cookies.bram);
    const old = await db().feasibilityJudgement.create({
      data: { ideaId: id, verdict: "does_not_fit", reason: "Oud.", judgedById: users.gemeente! },
    });
    await db().feasibilityJudgement.create({
      data: {
        ideaId: id,
        verdict: "needs_decision",
        decisionBy: "Het college",
        judgedById: users.gemeente!,
        createdAt: new Date(Date.now() + 1000),
      },
    });
    const before = mailbox.received.length;
    const job = { id: "job-old", name: "idea-judged", data: { judgementId: old.id } };
    await handleIdeaJudgements([job] as Parameters<typeof handleIdeaJudgements>[0]);
    expect(mailbox.received.length).toBe(before);
  });

  it("checks the cost of the ideas that fit against block 1's budget, and warns when exceeded", async () => {
    const before = (await list(cookies.gemeente)).budget!;
    expect(before).toMatchObject({ budgetEuros: 50_000, fitsCostEuros: 12_500, exceeded: false });
    const id = await publishedIdea("Nieuwe speeltuin");
    await act(id, { intent: "judge", verdict: "fits", cost: "40.000" }, cookies.gemeente);
    const after = (await list(cookies.gemeente)).budget!;
    expect(after).toMatchObject({
      fitsCount: 2,
      fitsCostEuros: 52_500,
      remainingEuros: -2_500,
      exceeded: true,
    });
    // The budget check is internal; residents see the ideas and the answers only.
    expect((await list(cookies.bewoner)).budget).toBeNull();
    expect((await list()).budget).toBeNull();
  });
});

describe("merging duplicates", () => {
  it("keeps the supporters of both, adds the proposer, and sends the old address on", async () => {
    const original = await publishedIdea("Meer verlichting", cookies.bewoner);
    const duplicate = await publishedIdea("Lantaarns op het pad", cookies.cor, [secondFindingId]);
    await act(original, { intent: "support" }, cookies.anna);
    await act(duplicate, { intent: "support" }, cookies.anna);
    await act(duplicate, { intent: "support" }, cookies.bram);
    await expect(
      act(duplicate, { intent: "merge", into: original }, cookies.bewoner),
    ).rejects.toMatchObject({ init: { status: 403 } });
    const merged = await act(duplicate, { intent: "merge", into: original }, cookies.buurtplatform);
    // Bram and Cor (the proposer) moved; Anna supported both and counts once.
    expect(isRedirectTo(merged, new RegExp(`/ideeen/${original}\\?samengevoegd=2$`))).toBe(true);
    const supporters = await db().ideaSupport.findMany({ where: { ideaId: original } });
    expect(new Set(supporters.map((s) => s.userId))).toEqual(
      new Set([users.anna, users.bram, users.cor]),
    );
    const findings = await db().ideaFinding.findMany({ where: { ideaId: original } });
    expect(new Set(findings.map((f) => f.findingId))).toEqual(
      new Set([findingId, secondFindingId]),
    );
    await expect(page(duplicate)).rejects.toSatisfy((r: unknown) =>
      isRedirectTo(r, new RegExp(`/ideeen/${original}$`)),
    );
    expect((await list()).ideas.map((i) => i.title)).not.toContain("Lantaarns op het pad");
  });

  it("refuses an idea of another buurtagenda or the idea itself, and changes nothing", async () => {
    const id = await publishedIdea("Fietsenrekken");
    const elsewhere = await db().idea.create({
      data: {
        agendaId: otherAgendaId,
        title: "Elders",
        description: "x",
        origin: "platform",
        status: "published",
        findings: { create: [{ findingId: foreignFindingId }] },
      },
    });
    for (const into of [elsewhere.id, id, "niet-een-id"]) {
      const refused = (await act(id, { intent: "merge", into }, cookies.buurtplatform)) as {
        merge: { error: Record<string, string[]> };
      };
      expect(refused.merge.error).toMatchObject({ into: ["mergeTargetInvalid"] });
    }
    expect((await db().idea.findUniqueOrThrow({ where: { id } })).status).toBe("published");
  });
});

describe("the workspace and the person's own data", () => {
  it("shows blocks 5 and 6 with what they still miss", async () => {
    const workspace = await workspaceLoader(
      routeArgs(get(`/buurtagenda/${agendaId}/werkruimte`, cookies.gemeente), { id: agendaId }),
    );
    const block = (n: number) => workspace.blocks.find((b) => b.number === n)!;
    expect(block(5).missing).toEqual([]);
    // Several published ideas still wait for a judgement.
    expect(block(6).missing).toEqual(["missingJudgements"]);
  });

  it("puts ideas and supports in the download, and keeps a published idea without a name", async () => {
    const data = await personalData(users.anna!, "nl");
    const annaSupports = await db().ideaSupport.findMany({ where: { userId: users.anna! } });
    expect(data.ideaSupports.map((s) => s.ideaId).toSorted()).toEqual(
      annaSupports.map((s) => s.ideaId).toSorted(),
    );
    expect(annaSupports.length).toBeGreaterThan(0);
    const cor = await personalData(users.cor!, "nl");
    expect(cor.ideas.map((i) => i.title)).toEqual(
      expect.arrayContaining(["Reclame", "Lantaarns op het pad"]),
    );
    const outcome = await deleteAccount(
      users.cor!,
      { stories: "keep" },
      { ip: "203.0.113.9", locale: "nl", origin: ORIGIN, draftToken: null },
    );
    expect(outcome).toMatchObject({ status: "deleted" });
    // The rejected and waiting ideas went; the merged (once public) one stays, without a name.
    expect(await db().idea.count({ where: { title: { in: ["Reclame", "Nog niet"] } } })).toBe(0);
    expect(
      await db().idea.findFirstOrThrow({ where: { title: "Lantaarns op het pad" } }),
    ).toMatchObject({ proposerId: null, status: "merged" });
    expect(await db().ideaSupport.count({ where: { userId: users.cor! } })).toBe(0);
  });

  it("with 'delete', deletes a public idea, but keeps one carrying others' work without a name", async () => {
    const alone = await publishedIdea("Tegeltuin", cookies.bram);
    const outcome = await deleteAccount(
      users.bram!,
      { stories: "delete" },
      { ip: "203.0.113.9", locale: "nl", origin: ORIGIN, draftToken: null },
    );
    expect(outcome).toMatchObject({ status: "deleted" });
    expect(await db().idea.findUnique({ where: { id: alone } })).toBeNull();
    // "Bloembakken" has the gemeente's judgements: they stay, and so does the idea.
    expect(await db().idea.findFirstOrThrow({ where: { title: "Bloembakken" } })).toMatchObject({
      proposerId: null,
    });
    expect(await db().ideaSupport.count({ where: { userId: users.bram! } })).toBe(0);
  });
});

describe("the limit on proposing", () => {
  const proposeFrom = (ip: string, title: string, cookie: string) =>
    ideasAction(
      routeArgs(
        formPost(
          `/buurtagenda/${agendaId}/ideeen`,
          { intent: "idea", title, description: `${title}, graag.`, findings: [findingId] },
          cookie,
        ),
        { id: agendaId },
        ip,
      ),
    );

  it("stops a resident after ten ideas an hour, but not the platform typing in a meeting's ideas", async () => {
    const resident = await db().user.create({
      data: { email: "veel@example.org", emailVerifiedAt: new Date(), locale: "nl" },
    });
    const residentCookie = await signedInCookie(resident.id);
    for (let n = 1; n <= 10; n++) {
      expect(
        isRedirectTo(
          await proposeFrom(`198.51.100.${n}`, `Idee ${n}`, residentCookie),
          /verstuurd=1/,
        ),
      ).toBe(true);
    }
    const eleventh = (await proposeFrom("198.51.100.11", "Idee 11", residentCookie)) as Reply & {
      minutes: number;
    };
    expect(eleventh.result?.error).toMatchObject({ "": ["limited"] });
    expect(eleventh.minutes).toBeGreaterThan(0);
    expect(await db().idea.count({ where: { proposerId: resident.id } })).toBe(10);

    for (let n = 1; n <= 12; n++) {
      const response = await proposeFrom(
        "198.51.100.50",
        `Uit de bewonersavond ${n}`,
        cookies.buurtplatform!,
      );
      expect(isRedirectTo(response, /geplaatst=1/)).toBe(true);
    }
  });
});
