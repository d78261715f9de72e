import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { action as scanAction, loader as scanLoader } from "../../app/routes/buurtagenda-buurtscan";
import { loader as figuresLoader } from "../../app/routes/gemeente-cijfers";
import { startAgenda } from "../../app/features/agenda/agenda.server";
import { startScan } from "../../app/features/scan/buurtscan.server";
import { importLongFormat } from "../../app/features/scan/indicator-import.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { signedInCookie } from "../support/demo-users";
import { formPost, get, routeArgs } from "../support/requests";

setupFreshDatabase();

const GLIPPER_DREEF = "BU03970101";
const DE_GLIP = "BU03970100";
const LONELY = "rivm_ernstig_eenzaam_65plus_pct";
const cookies: Record<string, string> = {};
let agendaId = "";
let sanneId = "";

async function* fileOf(text: string) {
  yield Buffer.from(text, "utf8");
}

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase();
  for (const role of ["gemeente", "adviesraad", "buurtplatform", "partner", "bewoner"]) {
    const user = await db().user.findUniqueOrThrow({
      where: { email: `${role}@demo.buurtagenda.nl` },
    });
    if (role === "gemeente") sanneId = user.id;
    cookies[role] = await signedInCookie(user.id);
  }
  agendaId = await startAgenda(
    sanneId,
    {
      title: "De Glip en Glipper Dreef",
      publicDescription: "Samen aan de slag in twee buurten.",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      buurtCodes: [GLIPPER_DREEF, DE_GLIP],
    },
    { gemeenteCode: "GM0397", year: 2022 },
  );
});

const page = (cookie?: string, query = "") =>
  scanLoader(
    routeArgs(get(`/buurtagenda/${agendaId}/buurtscan${query}`, cookie), { id: agendaId }),
  );
const post = (fields: Record<string, string | string[]>, cookie = cookies.gemeente) =>
  scanAction(
    routeArgs(formPost(`/buurtagenda/${agendaId}/buurtscan`, fields, cookie), { id: agendaId }),
  );
const stored = async (areaCode: string, indicatorKey: string) =>
  (await db().indicatorValue.findFirstOrThrow({ where: { areaCode, indicatorKey } })).value;

describe("the buurtscan of a composite area", () => {
  it("is internal: staff, platform and council see it, partners, residents and visitors do not", async () => {
    expect((await page(cookies.gemeente)).scan).toBeNull();
    expect((await page(cookies.adviesraad)).can["scan.manage"]).toBe(false);
    for (const cookie of [cookies.partner, cookies.bewoner]) {
      await expect(page(cookie)).rejects.toMatchObject({ init: { status: 403 } });
    }
    await expect(page()).rejects.toMatchObject({ status: 302 });
    // The council reads along but cannot start a scan.
    await expect(
      post({ intent: "start", indicator: [LONELY] }, cookies.adviesraad),
    ).rejects.toMatchObject({
      init: { status: 403 },
    });
  });

  it("refuses a start without indicators, with too many, or with an unknown one, and writes nothing", async () => {
    const none = await post({ intent: "start" });
    expect(none.saved).toBe(false);
    expect(none.result?.error?.indicator).toEqual(["chooseIndicator"]);
    const many = await post({
      intent: "start",
      indicator: Array.from({ length: 21 }, (_, i) => `key_${i}`),
    });
    expect(many.result?.error?.indicator).toEqual(["tooManyIndicators"]);
    const unknown = await post({ intent: "start", indicator: [LONELY, "no_such_indicator"] });
    expect(unknown.result?.error?.[""]).toEqual(["unknownIndicator"]);
    expect(await db().buurtScan.count({ where: { agendaId } })).toBe(0);
  });

  it("shows each buurt's figure and rank among the 14 buurten, and no false area average", async () => {
    const started = await post({ intent: "start", indicator: [LONELY] });
    expect(started.saved).toBe(true);
    const { scan } = await page(cookies.gemeente);
    const row = scan!.rows[0]!;
    expect(row.year).toBe(2020);
    expect(row.rankedCount).toBe(14);
    const glipperDreef = row.buurten.find((b) => b.code === GLIPPER_DREEF)!;
    expect(glipperDreef.value).toBe(await stored(GLIPPER_DREEF, LONELY));
    const ranking = await figuresLoader(
      routeArgs(get(`/gemeente/GM0397/cijfers?cijfer=${LONELY}`, cookies.gemeente), {
        code: "GM0397",
      }),
    );
    expect(glipperDreef.rank).toBe(
      ranking.ranking!.ranked.find((r) => r.code === GLIPPER_DREEF)!.rank,
    );
    expect(row.gemeenteValue).toBe(await stored("GM0397", LONELY));
    expect(row.nationalValue).toBeNull();
    // RIVM percentages come without the number of people they count: no area figure.
    expect(row.area).toEqual({ kind: "none", reason: "no-base" });
    // Block 2 is under way.
    const block = await db().buurtagendaBlock.findUniqueOrThrow({
      where: { agendaId_block: { agendaId, block: 2 } },
    });
    expect(block.status).toBe("in_progress");
  });

  it("sums local counts and weights percentages by their base", async () => {
    const local = await importLongFormat(
      fileOf(
        [
          "area_code,indicator_key,value,year",
          `${GLIPPER_DREEF},lokaal_wmo_clienten,120,2025`,
          `${DE_GLIP},lokaal_wmo_clienten,35,2025`,
          `BU03970000,lokaal_wmo_clienten,80,2025`,
          `${GLIPPER_DREEF},cbs_aantal_inwoners,1000,2024`,
          `${DE_GLIP},cbs_aantal_inwoners,100,2024`,
          `${GLIPPER_DREEF},cbs_inwoners_65plus_pct,10,2024`,
          `${DE_GLIP},cbs_inwoners_65plus_pct,30,2024`,
        ].join("\n"),
      ),
      { defaultSource: "Wmo-registratie Heemstede 2025" },
    );
    expect(local).toMatchObject({ status: "done", inserted: 7 });
    const chosen = await post({
      intent: "indicators",
      scan: "1",
      indicator: [LONELY, "lokaal_wmo_clienten", "cbs_inwoners_65plus_pct"],
    });
    expect(chosen.saved).toBe(true);
    const { scan } = await page(cookies.gemeente);
    const wmo = scan!.rows.find((r) => r.indicator.key === "lokaal_wmo_clienten")!;
    expect(wmo.area).toEqual({ kind: "sum", value: 155 });
    expect(wmo.sources).toEqual(["Wmo-registratie Heemstede 2025"]);
    const older = scan!.rows.find((r) => r.indicator.key === "cbs_inwoners_65plus_pct")!;
    expect(older.area.kind).toBe("weighted");
    // 10% of 1000 and 30% of 100 people: 130 of 1100, not the plain average of 20%.
    expect(older.area.kind === "weighted" && older.area.value).toBeCloseTo((130 / 1100) * 100, 6);
  });

  it("annotates a figure of the area, shown in the scan and on the ranglijst; refuses a buurt outside", async () => {
    const outside = await post({
      intent: "annotate",
      indicatorKey: LONELY,
      areaCode: "BU03970000",
      text: "Niet in dit gebied",
    });
    expect(outside.result?.error?.areaCode).toEqual(["annotationArea"]);
    const empty = await post({
      intent: "annotate",
      indicatorKey: LONELY,
      areaCode: DE_GLIP,
      text: " ",
    });
    expect(empty.result?.error?.text).toEqual(["annotationRequired"]);
    expect(await db().figureAnnotation.count()).toBe(0);

    const added = await post({
      intent: "annotate",
      indicatorKey: LONELY,
      areaCode: DE_GLIP,
      text: "Hoog door het verpleeghuis aan de Glipperweg",
    });
    expect(added.saved).toBe(true);
    const { annotations } = await page(cookies.adviesraad);
    expect(annotations.map((a) => a.text)).toEqual([
      "Hoog door het verpleeghuis aan de Glipperweg",
    ]);
    const ranking = await figuresLoader(
      routeArgs(get(`/gemeente/GM0397/cijfers?cijfer=${LONELY}`, cookies.gemeente), {
        code: "GM0397",
      }),
    );
    expect(ranking.annotations.map((a) => a.areaCode)).toEqual([DE_GLIP]);
  });

  it("freezes: later imports leave the finished scan as it was; a new scan sees the new figures", async () => {
    const before = (await page(cookies.gemeente)).scan!;
    const frozen = await post({ intent: "freeze", scan: "1" });
    expect(frozen.saved).toBe(true);
    const block = await db().buurtagendaBlock.findUniqueOrThrow({
      where: { agendaId_block: { agendaId, block: 2 } },
    });
    expect(block.status).toBe("done");

    // A correction of the 2020 figure arrives after the scan was finished.
    const original = await stored(GLIPPER_DREEF, LONELY);
    const corrected = await importLongFormat(
      fileOf(
        `area_code,indicator_key,value,year,source\n${GLIPPER_DREEF},${LONELY},99.9,2020,rivm_correctie`,
      ),
    );
    expect(corrected).toMatchObject({ status: "done", updated: 1 });

    const after = (await page(cookies.gemeente)).scan!;
    expect(after.frozenAt).not.toBeNull();
    expect(after.rows).toEqual(before.rows);
    expect(after.rows[0]!.buurten.find((b) => b.code === GLIPPER_DREEF)!.value).toBe(original);

    // Finished means finished: no second freeze and no new indicators.
    expect(await post({ intent: "freeze", scan: "1" })).toMatchObject({
      saved: false,
      error: "notDraft",
    });
    const change = await post({ intent: "indicators", scan: "1", indicator: [LONELY] });
    expect(change.result?.error?.[""]).toEqual(["notDraft"]);

    const second = await post({ intent: "start", indicator: [LONELY] });
    expect(second.saved).toBe(true);
    const fresh = (await page(cookies.gemeente)).scan!;
    expect(fresh.number).toBe(2);
    expect(fresh.rows[0]!.buurten.find((b) => b.code === GLIPPER_DREEF)).toMatchObject({
      value: 99.9,
      rank: 1,
    });
    // The first scan stays readable as it was.
    expect((await page(cookies.gemeente, "?scan=1")).scan!.rows).toEqual(before.rows);
    await expect(page(cookies.gemeente, "?scan=7")).rejects.toMatchObject({
      init: { status: 404 },
    });
  });

  it("allows one draft at a time, also when two people start at once", async () => {
    const outcomes = await Promise.all([
      startScan(sanneId, agendaId, [LONELY]),
      startScan(sanneId, agendaId, [LONELY]),
    ]);
    // Scan 2 is still a draft from the previous test, so both are refused.
    expect(outcomes).toEqual([
      { ok: false, reason: "draft-exists" },
      { ok: false, reason: "draft-exists" },
    ]);
    await post({ intent: "freeze", scan: "2" });
    const race = await Promise.all([
      startScan(sanneId, agendaId, [LONELY]),
      startScan(sanneId, agendaId, [LONELY]),
    ]);
    expect(race.filter((o) => o.ok)).toHaveLength(1);
    expect(race.filter((o) => !o.ok)).toEqual([{ ok: false, reason: "draft-exists" }]);
    expect(await db().buurtScan.count({ where: { agendaId, frozenAt: null } })).toBe(1);
  });
});
