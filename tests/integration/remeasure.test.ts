import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { action as listAction } from "../../app/routes/buurtagenda-afspraken";
import {
  action as agreementAction,
  loader as agreementLoader,
} from "../../app/routes/buurtagenda-afspraak";
import { loader as dashboardLoader } from "../../app/routes/gemeente-dashboard";
import { loader as reportLoader } from "../../app/routes/gemeente-dashboard-rapport";
import { extractText, getDocumentProxy } from "unpdf";
import { startAgenda } from "../../app/features/agenda/agenda.server";
import { freezeScan, startScan } from "../../app/features/scan/buurtscan.server";
import { importLongFormat } from "../../app/features/scan/indicator-import.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { signInDemoRoles } from "../support/demo-users";
import { formPost, get, isRedirectTo, routeArgs } from "../support/requests";

// "Did it help?" (issue 8): an agreement names indicators of the frozen buurtscan; when a newer
// year is imported, the agreement and the council dashboard show then, now, the change and its
// direction. The real data holds one RIVM year (2020), so the newer year is imported here.

setupFreshDatabase();

const GLIPPER_DREEF = "BU03970101";
const DE_GLIP = "BU03970100";
const LONELY = "rivm_eenzaam_18plus_pct"; // higher is worse
const SPORT = "rivm_wekelijkse_sporters_18plus_pct"; // higher is better
const SMOKER = "rivm_roker_18plus_pct"; // in the scan, not named by the agreement
const cookies: Record<string, string> = {};
const users: Record<string, string> = {};
let agendaId = "";
let ownerParty = "";
let agreementId = "";
const then: Record<string, number> = {};

async function* fileOf(text: string) {
  yield text;
}

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase({ demoStories: false });
  await signInDemoRoles(["gemeente", "adviesraad", "buurtplatform"], users, cookies);
  agendaId = await startAgenda(
    users.gemeente!,
    {
      title: "Glipper Dreef",
      publicDescription: "x",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      buurtCodes: [GLIPPER_DREEF],
    },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  const organisation = await db().organisation.create({
    data: { gemeenteCode: "GM0397", name: "WIJ Heemstede", kind: "welfare" },
  });
  ownerParty = (
    await db().agendaParty.create({
      data: { agendaId, organisationId: organisation.id, participationRole: "decides" },
    })
  ).id;
  for (const row of await db().indicatorValue.findMany({
    where: { areaCode: GLIPPER_DREEF, indicatorKey: { in: [LONELY, SPORT] } },
  })) {
    expect(row.year).toBe(2020);
    then[row.indicatorKey] = row.value;
  }
});

const agreement = (indicators: string[]) => ({
  title: "Koffieochtenden in het buurthuis",
  owner: ownerParty,
  startsOn: "2026-02-01",
  dueOn: "2026-11-30",
  indicators,
});
const addAgreement = (fields: Record<string, string | string[]>) =>
  listAction(
    routeArgs(formPost(`/buurtagenda/${agendaId}/afspraken`, fields, cookies.gemeente), {
      id: agendaId,
    }),
  );
const agreementPage = () =>
  agreementLoader(
    routeArgs(get(`/buurtagenda/${agendaId}/afspraken/${agreementId}`, cookies.adviesraad), {
      id: agendaId,
      agreement: agreementId,
    }),
  );
const dashboard = () =>
  dashboardLoader(
    routeArgs(get("/gemeente/GM0397/dashboard", cookies.adviesraad), { code: "GM0397" }),
  );
type Reply = { result: { error: Record<string, string[]> } };

describe("did it help?", () => {
  it("offers no indicators before the buurtscan is done, and refuses one named anyway", async () => {
    const refused = (await addAgreement(agreement([LONELY]))) as Reply;
    expect(refused.result.error).toMatchObject({ indicators: ["indicatorForeign"] });
    expect(await db().agreement.count({ where: { agendaId } })).toBe(0);
  });

  it("links indicators of the frozen scan only, nothing written for a forged one", async () => {
    expect(await startScan(users.gemeente!, agendaId, [LONELY, SPORT, SMOKER])).toEqual({
      ok: true,
      number: 1,
    });
    expect(await freezeScan(users.gemeente!, agendaId, 1)).toEqual({ ok: true, number: 1 });
    const forged = (await addAgreement(agreement([LONELY, "cbs_mannen"]))) as Reply;
    expect(forged.result.error).toMatchObject({ indicators: ["indicatorForeign"] });
    expect(await db().agreement.count({ where: { agendaId } })).toBe(0);
    expect(await db().agreementIndicator.count()).toBe(0);

    const saved = await addAgreement(agreement([LONELY, SPORT]));
    expect(isRedirectTo(saved, /\?opgeslagen=1$/)).toBe(true);
    agreementId = /afspraken\/([0-9a-f-]{36})/.exec(
      (saved as Response).headers.get("Location")!,
    )![1]!;
    const page = await agreementPage();
    // The council reads it (agenda.view); the change form offers the scan's three indicators.
    expect(page.canDraft).toBe(false);
    expect(page.remeasured.map((r) => [r.indicatorKey, r.result])).toEqual(
      expect.arrayContaining([
        [LONELY, { state: "no-newer", thenYear: 2020, then: then[LONELY] }],
        [SPORT, { state: "no-newer", thenYear: 2020, then: then[SPORT] }],
      ]),
    );
  });

  it("compares with a newer imported year: lonelier is worse, more sport is better", async () => {
    const report = await importLongFormat(
      fileOf(
        [
          "area_code,indicator_key,value,year",
          `${GLIPPER_DREEF},${LONELY},${then[LONELY]! + 4},2024`,
          `${GLIPPER_DREEF},${SPORT},${then[SPORT]! + 3},2024`,
        ].join("\n"),
      ),
      { defaultSource: "rivm_test_2024" },
    );
    expect(report).toMatchObject({ status: "done", inserted: 2 });
    const rows = new Map((await agreementPage()).remeasured.map((r) => [r.indicatorKey, r.result]));
    expect(rows.get(LONELY)).toMatchObject({
      state: "compared",
      thenYear: 2020,
      nowYear: 2024,
      verdict: "worse",
    });
    expect((rows.get(LONELY) as { change: number }).change).toBeCloseTo(4);
    expect(rows.get(SPORT)).toMatchObject({ state: "compared", verdict: "better" });

    const { remeasure } = await dashboard();
    const mine = remeasure.find((a) => a.id === agreementId)!;
    expect(mine.title).toBe("Koffieochtenden in het buurthuis");
    expect(mine.indicators.map((i) => i.result.state)).toEqual(["compared", "compared"]);
  });

  it("keeps the baseline it was linked against when a newer scan is frozen and it is changed", async () => {
    expect(await startScan(users.gemeente!, agendaId, [LONELY, SPORT])).toEqual({
      ok: true,
      number: 2,
    });
    expect(await freezeScan(users.gemeente!, agendaId, 2)).toEqual({ ok: true, number: 2 });
    const changed = await agreementAction(
      routeArgs(
        formPost(
          `/buurtagenda/${agendaId}/afspraken/${agreementId}`,
          { ...agreement([LONELY]), status: "in_progress" },
          cookies.buurtplatform,
        ),
        { id: agendaId, agreement: agreementId },
      ),
    );
    expect(isRedirectTo(changed, /\?opgeslagen=1$/)).toBe(true);
    const rows = (await agreementPage()).remeasured;
    // Still measured from the 2020 scan, not from scan 2 (which froze the 2024 figures).
    expect(rows).toEqual([
      expect.objectContaining({
        indicatorKey: LONELY,
        result: expect.objectContaining({ thenYear: 2020, nowYear: 2024, verdict: "worse" }),
      }),
    ]);
  });

  it("shows each buurt then and now where two buurten give no honest area percentage", async () => {
    const twoBuurten = await startAgenda(
      users.gemeente!,
      {
        title: "Glip en Glipper Dreef",
        publicDescription: "x",
        startsOn: "2026-01-01",
        endsOn: "2026-12-31",
        buurtCodes: [GLIPPER_DREEF, DE_GLIP],
      },
      { gemeenteCode: "GM0397", year: 2022 },
    );
    const organisation = await db().organisation.findFirstOrThrow({
      where: { name: "WIJ Heemstede" },
    });
    const owner = await db().agendaParty.create({
      data: {
        agendaId: twoBuurten,
        organisationId: organisation.id,
        participationRole: "decides",
      },
    });
    await startScan(users.gemeente!, twoBuurten, [SMOKER]);
    expect(await freezeScan(users.gemeente!, twoBuurten, 1)).toEqual({ ok: true, number: 1 });
    const saved = await listAction(
      routeArgs(
        formPost(
          `/buurtagenda/${twoBuurten}/afspraken`,
          { ...agreement([SMOKER]), owner: owner.id },
          cookies.gemeente,
        ),
        { id: twoBuurten },
      ),
    );
    expect(isRedirectTo(saved, /opgeslagen=1/)).toBe(true);
    const smokers = await db().indicatorValue.findMany({
      where: { indicatorKey: SMOKER, areaCode: { in: [GLIPPER_DREEF, DE_GLIP] }, year: 2020 },
    });
    const before = new Map(smokers.map((v) => [v.areaCode, v.value]));
    await importLongFormat(
      fileOf(
        [
          "area_code,indicator_key,value,year",
          `${GLIPPER_DREEF},${SMOKER},${before.get(GLIPPER_DREEF)! - 2},2024`,
          `${DE_GLIP},${SMOKER},${before.get(DE_GLIP)! + 2},2024`,
        ].join("\n"),
      ),
      { defaultSource: "rivm_test_2024" },
    );
    const { remeasure } = await dashboard();
    const [row] = remeasure.find((a) => a.agendaId === twoBuurten)!.indicators;
    expect(row!.result).toEqual({ state: "no-figure-then", thenYear: 2020 });
    expect(
      Object.fromEntries(
        row!.buurten.map((b) => [b.code, b.result.state === "compared" && b.result.verdict]),
      ),
    ).toEqual({ [GLIPPER_DREEF]: "better", [DE_GLIP]: "worse" });
  });

  it("puts then and now in the council report, with each buurt where the area has no figure", async () => {
    const response = await reportLoader(
      routeArgs(get("/gemeente/GM0397/dashboard/rapport.pdf", cookies.adviesraad), {
        code: "GM0397",
      }),
    );
    const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
    const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, " ");
    expect(text).toContain("Heeft het geholpen?");
    expect(text).toContain("Glipper Dreef: Koffieochtenden in het buurthuis");
    expect(text).toMatch(/Slechter/);
    expect(text).toMatch(/Beter/);
    expect(text).toContain("Geen cijfer voor het hele gebied in de buurtscan");
  });
});
