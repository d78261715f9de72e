import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  action as preselectionAction,
  loader as preselectionLoader,
} from "../../app/routes/gemeente-voorselectie";
import {
  action as reviewAction,
  loader as reviewLoader,
} from "../../app/routes/gemeente-voorselectie-review";
import { loader as startLoader } from "../../app/routes/buurtagenda-starten";
import { loader as homeLoader } from "../../app/routes/home";
import { loader as gemeenteLoader } from "../../app/routes/gemeente";
import { loader as buurtLoader } from "../../app/routes/buurt";
import { loader as publicAgendaLoader } from "../../app/routes/buurtagenda";
import { startAgenda } from "../../app/features/agenda/agenda.server";
import { rankAreas } from "../../app/features/scan/ranking";
import { annotateFigure } from "../../app/features/scan/scan.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { signedInCookie } from "../support/demo-users";
import { formPost, get, routeArgs } from "../support/requests";

setupFreshDatabase();

const INDICATORS = [
  "rivm_ernstig_eenzaam_65plus_pct",
  "rivm_moeite_met_rondkomen_18plus_pct",
  "rivm_langdurige_aandoening_18plus_pct",
];
const FOCUS_NAME = "Glip-Zuid testgebied";
const FOCUS_REASON = "Hoog op eenzaamheid en rondkomen; herkend door WIJ";
const cookies: Record<string, string> = {};

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase();
  for (const role of ["gemeente", "adviesraad", "buurtplatform", "partner", "bewoner"]) {
    const user = await db().user.findUniqueOrThrow({
      where: { email: `${role}@demo.buurtagenda.nl` },
    });
    cookies[role] = await signedInCookie(user.id);
  }
});

const query = (n: number, k: number) =>
  `?${INDICATORS.map((key) => `cijfer=${key}`).join("&")}&n=${n}&k=${k}`;
const page = (search: string, cookie?: string) =>
  preselectionLoader(
    routeArgs(get(`/gemeente/GM0397/voorselectie${search}`, cookie), { code: "GM0397" }),
  );

/** The expected preselection, worked out from the stored figures independently of the page. */
async function expectedCodes(n: number, k: number) {
  const hits = new Map<string, number>();
  for (const key of INDICATORS) {
    const indicator = await db().indicator.findUniqueOrThrow({ where: { key } });
    const rows = await db().indicatorValue.findMany({
      where: { indicatorKey: key, areaCode: { startsWith: "BU0397" } },
    });
    const ranked = rankAreas(
      rows.map((r) => ({ code: r.areaCode, value: r.value })),
      indicator.direction,
    );
    for (const r of ranked) if (r.rank <= n) hits.set(r.code, (hits.get(r.code) ?? 0) + 1);
  }
  return [...hits].filter(([, count]) => count >= k).map(([code]) => code);
}

let preselectionId = "";
const review = (cookie?: string) =>
  reviewLoader(
    routeArgs(get(`/gemeente/GM0397/voorselectie/${preselectionId}`, cookie), {
      code: "GM0397",
      id: preselectionId,
    }),
  );
const reviewPost = (fields: Record<string, string | string[]>, cookie?: string) =>
  reviewAction(
    routeArgs(formPost(`/gemeente/GM0397/voorselectie/${preselectionId}`, fields, cookie), {
      code: "GM0397",
      id: preselectionId,
    }),
  );

describe("preselection: worst N on at least K indicators", () => {
  it("finds the buurten in the worst N on at least K, in a table and on the map", async () => {
    const result = (await page(query(3, 2), cookies.gemeente)).result!;
    const codes = result.selected.map((s) => s.code);
    expect(codes.sort()).toEqual((await expectedCodes(3, 2)).sort());
    expect(codes.length).toBeGreaterThan(0);
    for (const buurt of result.selected) expect(buurt.hits.length).toBeGreaterThanOrEqual(2);
    // Asking for more agreement between the figures never selects more buurten.
    const stricter = (await page(query(3, 3), cookies.gemeente)).result!;
    expect(stricter.selected.length).toBeLessThanOrEqual(result.selected.length);
    const map = (await page(query(3, 2), cookies.gemeente)).map!;
    const dark = map.areas.features
      .filter((f) => f.properties.colour === "#a63603")
      .map((f) => f.properties.code);
    expect(dark.sort()).toEqual([...codes].sort());
  });

  it("explains bad questions next to the field instead of guessing", async () => {
    const tooHigh = await page(query(3, 4), cookies.gemeente);
    expect(tooHigh.result).toBeNull();
    expect(tooHigh.errors).toEqual({ k: "minHitsTooHigh" });
    expect(tooHigh.question.n).toBe("3");
    const notANumber = await page(query(0, 2).replace("n=0", "n=drie"), cookies.gemeente);
    expect(notANumber.errors).toMatchObject({ n: "worstNInvalid" });
    const one = await page("?cijfer=rivm_eenzaam_18plus_pct&n=3&k=1", cookies.gemeente);
    expect(one.errors).toMatchObject({ cijfer: "chooseIndicators" });
  });

  it("is for staff, platform and council; staff alone save it", async () => {
    expect((await page("", cookies.adviesraad)).canSave).toBe(false);
    for (const cookie of [cookies.partner, cookies.bewoner]) {
      await expect(page("", cookie)).rejects.toMatchObject({ init: { status: 403 } });
    }
    const save = (cookie: string | undefined) =>
      preselectionAction(
        routeArgs(
          formPost("/gemeente/GM0397/voorselectie", { cijfer: INDICATORS, n: "3", k: "2" }, cookie),
          { code: "GM0397" },
        ),
      );
    await expect(save(cookies.adviesraad)).rejects.toMatchObject({ init: { status: 403 } });
    const saved = await save(cookies.gemeente);
    expect(saved.status).toBe(302);
    preselectionId = /voorselectie\/([0-9a-f-]{36})/.exec(saved.headers.get("Location")!)![1]!;
    const stored = await db().preselection.findUniqueOrThrow({ where: { id: preselectionId } });
    expect(stored.buurtCodes.sort()).toEqual((await expectedCodes(3, 2)).sort());
  });
});

describe("partners review the preselection; staff designate focus areas", () => {
  it("lets a partner comment per preselected buurt, and only on those", async () => {
    const seen = await review(cookies.partner);
    expect(seen.canComment).toBe(true);
    expect(seen.canDesignate).toBe(false);
    const buurt = seen.preselection.buurten[0]!.code;
    const outside = (await db().buurt.findFirstOrThrow({
      where: {
        gemeenteCode: "GM0397",
        code: { notIn: seen.preselection.buurten.map((b) => b.code) },
      },
    }))!.code;
    const refused = await reviewPost(
      { intent: "comment", buurtCode: outside, verdict: "confirmed", text: "Klopt" },
      cookies.partner,
    );
    expect(refused.result?.error?.buurtCode).toEqual(["notPreselected"]);
    const incomplete = await reviewPost(
      { intent: "comment", buurtCode: buurt, text: "" },
      cookies.partner,
    );
    expect(incomplete.result?.error).toMatchObject({
      verdict: ["verdictRequired"],
      text: ["commentRequired"],
    });
    expect(await db().preselectionComment.count()).toBe(0);

    const added = await reviewPost(
      {
        intent: "comment",
        buurtCode: buurt,
        verdict: "explained",
        text: "Verklaard door het verpleeghuis",
      },
      cookies.partner,
    );
    expect(added.saved).toBe(true);
    // Staff see it beside the figures of that buurt.
    const staff = await review(cookies.gemeente);
    expect(staff.preselection.comments).toMatchObject([
      { buurtCode: buurt, verdict: "explained", text: "Verklaard door het verpleeghuis" },
    ]);
    expect(staff.preselection.comments[0]!.author).toMatch(/WIJ/);
    // Context staff attached to a figure shows here too, beside that figure.
    const sanne = await db().user.findUniqueOrThrow({
      where: { email: "gemeente@demo.buurtagenda.nl" },
    });
    await annotateFigure(sanne.id, "GM0397", {
      areaCode: buurt,
      indicatorKey: INDICATORS[0]!,
      text: "Groot verpleeghuis",
    });
    expect((await review(cookies.partner)).annotations).toMatchObject([
      { areaCode: buurt, indicatorKey: INDICATORS[0], text: "Groot verpleeghuis" },
    ]);
    // The council reads along but does not comment.
    expect((await review(cookies.adviesraad)).canComment).toBe(false);
    await expect(
      reviewPost(
        { intent: "comment", buurtCode: buurt, verdict: "doubt", text: "x" },
        cookies.adviesraad,
      ),
    ).rejects.toMatchObject({ init: { status: 403 } });
    await expect(review(cookies.bewoner)).rejects.toMatchObject({ init: { status: 403 } });
  });

  it("designates a composite focus area with reason and date; refuses missing parts", async () => {
    const designate = (fields: Record<string, string | string[]>, cookie = cookies.gemeente) =>
      reviewPost({ intent: "designate", ...fields }, cookie);
    const empty = await designate({ name: "", reason: "", designatedOn: "gisteren" });
    expect(empty.result?.error).toMatchObject({
      name: ["focusNameRequired"],
      buurtCodes: ["focusBuurtenRequired"],
      reason: ["focusReasonRequired"],
      designatedOn: ["dateInvalid"],
    });
    const otherGemeente = await designate({
      name: FOCUS_NAME,
      buurtCodes: ["BU03920101"],
      reason: FOCUS_REASON,
      designatedOn: "2026-11-01",
    });
    expect(otherGemeente.result?.error?.buurtCodes).toEqual(["focusBuurtenRequired"]);
    await expect(
      designate(
        {
          name: FOCUS_NAME,
          buurtCodes: ["BU03970100"],
          reason: FOCUS_REASON,
          designatedOn: "2026-11-01",
        },
        cookies.partner,
      ),
    ).rejects.toMatchObject({ init: { status: 403 } });
    expect(await db().focusArea.count()).toBe(0);

    const done = await designate({
      name: FOCUS_NAME,
      buurtCodes: ["BU03970101", "BU03970100"],
      reason: FOCUS_REASON,
      designatedOn: "2026-11-01",
    });
    expect(done.saved).toBe(true);
    const [area] = (await review(cookies.gemeente)).focusAreas;
    expect(area).toMatchObject({ name: FOCUS_NAME, reason: FOCUS_REASON });
    expect(area!.buurten.map((b) => b.code)).toEqual(["BU03970101", "BU03970100"]);
    expect(area!.designatedOn.slice(0, 10)).toBe("2026-11-01");

    // Starting a buurtagenda from the focus area fills in its name and buurten.
    const start = await startLoader(
      routeArgs(
        get(`/gemeente/GM0397/buurtagenda-starten?aandachtsgebied=${area!.id}`, cookies.gemeente),
        { code: "GM0397" },
      ),
    );
    expect(start.current).toMatchObject({
      title: FOCUS_NAME,
      buurtCodes: ["BU03970101", "BU03970100"],
    });
  });

  it("keeps rankings, preselections and focus labels off every public page", async () => {
    const sanne = await db().user.findUniqueOrThrow({
      where: { email: "gemeente@demo.buurtagenda.nl" },
    });
    const agendaId = await startAgenda(
      sanne.id,
      {
        title: "Openbare agenda",
        publicDescription: "Voor iedereen leesbaar.",
        startsOn: "2026-01-01",
        endsOn: "2026-12-31",
        buurtCodes: ["BU03970101", "BU03970100"],
      },
      { gemeenteCode: "GM0397", year: 2022 },
    );
    for (const cookie of [undefined, cookies.bewoner]) {
      const pages = [
        await homeLoader(),
        await gemeenteLoader(routeArgs(get("/gemeente/GM0397", cookie), { code: "GM0397" })),
        await buurtLoader(routeArgs(get("/buurt/BU03970101", cookie), { code: "BU03970101" })),
        await publicAgendaLoader(
          routeArgs(get(`/buurtagenda/${agendaId}`, cookie), { id: agendaId }),
        ),
      ];
      for (const loaded of pages) {
        const json = JSON.stringify(loaded);
        expect(json).not.toContain(FOCUS_NAME);
        expect(json).not.toContain(FOCUS_REASON);
        expect(json).not.toContain(preselectionId);
        expect(json).not.toMatch(/rank|ranglijst|voorselectie|preselect|aandachtsgebied|focus/i);
      }
    }
  });
});
