import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  action as adviceAction,
  loader as adviceLoader,
} from "../../app/routes/buurtagenda-advies";
import { loader as dashboardLoader } from "../../app/routes/gemeente-dashboard";
import { startAgenda } from "../../app/features/agenda/agenda.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { signInDemoRoles } from "../support/demo-users";
import { formPost, get, isRedirectTo, routeArgs } from "../support/requests";

// The advisory council's notes and advice with the gemeente's answers, and the council dashboard
// of a gemeente (issue 8).

setupFreshDatabase();

const users: Record<string, string> = {};
const cookies: Record<string, string> = {};
let glip = "";
let centrum = "";

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase({ demoStories: false });
  await signInDemoRoles(["bewoner", "buurtplatform", "gemeente", "adviesraad"], users, cookies);
  const details = { publicDescription: "x", startsOn: "2026-01-01", endsOn: "2027-12-31" };
  glip = await startAgenda(
    users.gemeente!,
    { ...details, title: "Glip", buurtCodes: ["BU03970100", "BU03970101"] },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  centrum = await startAgenda(
    users.gemeente!,
    { ...details, title: "Centrum", buurtCodes: ["BU03970000"] },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  // Block 1 done three weeks ago; block 2 stuck since; one overdue agreement.
  await db().buurtagendaBlock.update({
    where: { agendaId_block: { agendaId: glip, block: 1 } },
    data: { status: "done", updatedAt: new Date(Date.now() - 30 * 86_400_000) },
  });
  await db().buurtagendaBlock.update({
    where: { agendaId_block: { agendaId: glip, block: 2 } },
    data: { status: "in_progress", updatedAt: new Date(Date.now() - 21 * 86_400_000) },
  });
  const organisation = await db().organisation.create({
    data: { gemeenteCode: "GM0397", name: "WIJ Heemstede", kind: "welfare" },
  });
  const owner = await db().agendaParty.create({
    data: { agendaId: glip, organisationId: organisation.id, participationRole: "decides" },
  });
  await db().agreement.create({
    data: {
      agendaId: glip,
      title: "Lampen",
      ownerPartyId: owner.id,
      startsOn: new Date("2026-01-01"),
      dueOn: new Date("2026-02-01"),
      createdById: users.gemeente!,
    },
  });
});

const write = (fields: Record<string, string>, cookie = cookies.adviesraad, id = glip) =>
  adviceAction(
    routeArgs(formPost(`/buurtagenda/${id}/advies`, { intent: "advice", ...fields }, cookie), {
      id,
    }),
  );
const answer = (fields: Record<string, string>, cookie = cookies.gemeente) =>
  adviceAction(
    routeArgs(formPost(`/buurtagenda/${glip}/advies`, { intent: "answer", ...fields }, cookie), {
      id: glip,
    }),
  );
const dashboard = (query = "", cookie = cookies.adviesraad) =>
  dashboardLoader(routeArgs(get(`/gemeente/GM0397/dashboard${query}`, cookie), { code: "GM0397" }));

describe("the council's advice", () => {
  it("is written by the council only, about a version that exists", async () => {
    for (const who of ["bewoner", "gemeente", "buurtplatform"]) {
      await expect(
        write({ kind: "advice", title: "x", text: "y" }, cookies[who]),
      ).rejects.toMatchObject({ init: { status: 403 } });
    }
    const noVersion = (await write({
      kind: "advice",
      title: "Over versie 3",
      text: "x",
      version: "3",
    })) as {
      advice: { error: Record<string, string[]> };
    };
    expect(noVersion.advice.error).toMatchObject({ version: ["versionUnknown"] });
    const empty = (await write({ kind: "advice", title: "", text: "" })) as {
      advice: { error: Record<string, string[]> };
    };
    expect(empty.advice.error).toMatchObject({ title: ["titleRequired"], text: ["textRequired"] });
    expect(await db().councilAdvice.count()).toBe(0);
  });

  it("is answered by the gemeente once, always with a reason", async () => {
    expect(
      isRedirectTo(
        await write({
          kind: "advice",
          title: "Meer aandacht voor ouderen",
          text: "De raad adviseert…",
        }),
        /\?opgeslagen=1$/,
      ),
    ).toBe(true);
    await write({ kind: "review_note", title: "Goede start", text: "Mooi dat bewoners meedoen." });
    const advice = await db().councilAdvice.findFirstOrThrow({ where: { kind: "advice" } });
    const noReason = (await answer({ adviceId: advice.id, answer: "adopted", reason: "" })) as {
      answer: { error: Record<string, string[]> };
    };
    expect(noReason.answer.error).toMatchObject({ reason: ["answerReasonRequired"] });
    await expect(
      answer({ adviceId: advice.id, answer: "adopted", reason: "x" }, cookies.adviesraad),
    ).rejects.toMatchObject({ init: { status: 403 } });
    await answer({ adviceId: advice.id, answer: "partly_adopted", reason: "We doen het in 2027." });
    await expect(
      answer({ adviceId: advice.id, answer: "not_adopted", reason: "Toch niet." }),
    ).rejects.toMatchObject({ init: { status: 409 } });
    const page = await adviceLoader(
      routeArgs(get(`/buurtagenda/${glip}/advies`, cookies.buurtplatform), { id: glip }),
    );
    expect(page.items.map((i) => [i.kind, i.answer])).toEqual([
      ["review_note", null],
      ["advice", "partly_adopted"],
    ]);
  });
});

describe("the council dashboard", () => {
  it("shows where each agenda is stuck, overdue agreements, and advice waiting over six weeks", async () => {
    await write({ kind: "advice", title: "Oud advies", text: "Nog geen antwoord." });
    await db().councilAdvice.updateMany({
      where: { title: "Oud advies" },
      data: { createdAt: new Date(Date.now() - 43 * 86_400_000) },
    });
    const view = await dashboard();
    const row = view.rows.find((r) => r.id === glip)!;
    expect(row).toMatchObject({
      stuckBlock: 2,
      stuckStatus: "in_progress",
      stuckForDays: 21,
      overdue: 1,
      lateAdvice: 1,
    });
    expect(row.agreementsByStatus.planned).toBe(1);
    expect(view.totals.planned).toBe(1);
    expect(view.rows.find((r) => r.id === centrum)).toMatchObject({ stuckBlock: 1, overdue: 0 });
  });

  it("counts each agenda's shown ideas by their newest verdict", async () => {
    const idea = (title: string, status: "published" | "submitted" | "rejected") =>
      db().idea.create({
        data: { agendaId: centrum, title, description: "x", origin: "resident", status },
      });
    const judge = (ideaId: string, verdict: "fits" | "does_not_fit", daysAgo: number) =>
      db().feasibilityJudgement.create({
        data: {
          ideaId,
          verdict,
          reason: "Past niet in het beleid.",
          judgedById: users.gemeente!,
          createdAt: new Date(Date.now() - daysAgo * 86_400_000),
        },
      });
    const bench = await idea("Bankje", "published");
    await judge(bench.id, "fits", 10);
    await judge(bench.id, "does_not_fit", 2); // judged again: this one counts
    await judge((await idea("Moestuin", "submitted")).id, "fits", 1);
    await idea("Taalcafé", "published"); // not judged yet
    await judge((await idea("Reclame", "rejected")).id, "fits", 1); // not shown, not counted
    const row = (await dashboard()).rows.find((r) => r.id === centrum)!;
    expect(row).toMatchObject({
      ideaCount: 3,
      ideasByVerdict: { fits: 1, needs_decision: 0, does_not_fit: 1 },
      ideasUnjudged: 1,
    });
  });

  it("filters by wijk and period", async () => {
    // De Glip and Glipper Dreef lie in WK039701; the Centrum in WK039700.
    expect((await dashboard("?wijk=WK039701")).rows.map((r) => r.title)).toEqual(["Glip"]);
    expect((await dashboard("?vanaf=2028-01-01")).rows).toEqual([]);
    // A bad filter is ignored, not an error.
    expect((await dashboard("?wijk=<x>&vanaf=gisteren")).rows).toHaveLength(2);
  });

  it("shows 50 agendas a page by title, with the count and the agreement totals of them all", async () => {
    // 58 more agendas in the Centrum: 60 in all, so the Glip and the Centrum are on page 1 and
    // "Wijkagenda 49" to "Wijkagenda 58" on page 2, where one of them has an agreement.
    const extra = Array.from({ length: 58 }, (_, i) => ({
      id: crypto.randomUUID(),
      gemeenteCode: "GM0397",
      territoryYear: 2022,
      title: `Wijkagenda ${String(i + 1).padStart(2, "0")}`,
      publicDescription: "x",
      startsOn: new Date("2026-01-01"),
      endsOn: new Date("2027-12-31"),
      createdById: users.gemeente!,
    }));
    await db().buurtagenda.createMany({ data: extra });
    await db().buurtagendaBuurt.createMany({
      data: extra.map((a) => ({ agendaId: a.id, buurtCode: "BU03970000", year: 2022 })),
    });
    const last = extra.at(-1)!.id;
    const party = await db().agendaParty.create({
      data: {
        agendaId: last,
        organisationId: (await db().organisation.findFirstOrThrow()).id,
        participationRole: "decides",
      },
    });
    await db().agreement.create({
      data: {
        agendaId: last,
        title: "Bankjes",
        ownerPartyId: party.id,
        startsOn: new Date("2026-01-01"),
        dueOn: new Date("2099-02-01"),
        status: "in_progress",
        createdById: users.gemeente!,
      },
    });
    try {
      const first = await dashboard();
      expect(first).toMatchObject({ agendaCount: 60, page: 1, pageCount: 2 });
      expect(first.rows).toHaveLength(50);
      expect(first.rows.slice(0, 2).map((r) => r.title)).toEqual(["Centrum", "Glip"]);
      // Totals count every agenda's agreements, also those on the other page.
      expect(first.totals).toMatchObject({ planned: 1, in_progress: 1 });
      const second = await dashboard("?pagina=2");
      expect(second.rows.map((r) => r.title)).toEqual(extra.slice(48).map((a) => a.title));
      expect(second.rows.at(-1)).toMatchObject({ agreementCount: 1, overdue: 0 });
      // Past the last page shows the last; the wijk filter counts only its agendas.
      expect((await dashboard("?pagina=9")).page).toBe(2);
      expect(await dashboard("?wijk=WK039701&pagina=2")).toMatchObject({
        agendaCount: 1,
        page: 1,
        pageCount: 1,
      });
    } finally {
      await db().agreement.deleteMany({ where: { agendaId: last } });
      await db().agendaParty.deleteMany({ where: { agendaId: last } });
      await db().buurtagenda.deleteMany({ where: { id: { in: extra.map((a) => a.id) } } });
    }
  });

  it("is for the gemeente and the council only", async () => {
    await dashboard("", cookies.gemeente);
    for (const who of ["bewoner", "buurtplatform"]) {
      await expect(dashboard("", cookies[who])).rejects.toMatchObject({ init: { status: 403 } });
    }
  });
});
