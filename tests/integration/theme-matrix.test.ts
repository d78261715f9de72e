import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  action as matrixAction,
  loader as matrixLoader,
} from "../../app/routes/buurtagenda-thema-matrix";
import {
  action as findingsAction,
  loader as findingsLoader,
} from "../../app/routes/buurtagenda-opgaven";
import {
  action as findingAction,
  loader as findingLoader,
} from "../../app/routes/buurtagenda-opgave";
import { startAgenda } from "../../app/features/agenda/agenda.server";
import { freezeScan, startScan } from "../../app/features/scan/buurtscan.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { signedInCookie } from "../support/demo-users";
import { formPost, get, routeArgs } from "../support/requests";

setupFreshDatabase();

// Block 5 (issue 6, first part): the theme matrix of a composite area from its frozen buurtscan
// and its published stories, with thresholds staff can set per buurtagenda.
const DE_GLIP = "BU03970100";
const GLIPPER_DREEF = "BU03970101";
const HEEMSTEDE = [
  "BU03970000",
  "BU03970001",
  "BU03970002",
  "BU03970003",
  "BU03970004",
  "BU03970005",
  "BU03970006",
  "BU03970007",
  "BU03970008",
  "BU03970009",
  DE_GLIP,
  GLIPPER_DREEF,
  "BU03970102",
  "BU03970200",
];
const cookies: Record<string, string> = {};
let agendaId = "";
let emptyAgendaId = "";

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase({ demoStories: false });
  const users: Record<string, string> = {};
  for (const role of ["bewoner", "buurtplatform", "gemeente", "adviesraad"]) {
    const user = await db().user.findUniqueOrThrow({
      where: { email: `${role}@demo.buurtagenda.nl` },
    });
    users[role] = user.id;
    cookies[role] = await signedInCookie(user.id);
  }
  const details = { publicDescription: "x", startsOn: "2026-01-01", endsOn: "2026-12-31" };
  agendaId = await startAgenda(
    users.gemeente!,
    { ...details, title: "Glip", buurtCodes: [DE_GLIP, GLIPPER_DREEF] },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  emptyAgendaId = await startAgenda(
    users.gemeente!,
    { ...details, title: "Centrum", buurtCodes: ["BU03970000"] },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  // Two figures made for this test: the area is the worst of Heemstede on "complaints about
  // traffic" and the best on "feeling lonely" (higher is worse on both).
  for (const [key, theme, worstFirst] of [
    ["test_verkeersklachten_pct", "traffic", true],
    ["test_eenzaam_pct", "loneliness", false],
  ] as const) {
    await db().indicator.create({
      data: {
        key,
        labelNl: key,
        labelEn: key,
        unit: "percent",
        direction: "higher_is_worse",
        source: "test",
        licence: "test",
        themes: { create: [{ themeKey: theme }] },
      },
    });
    await db().indicatorValue.createMany({
      data: HEEMSTEDE.map((code, i) => {
        const inArea = code === DE_GLIP || code === GLIPPER_DREEF;
        return {
          areaCode: code,
          indicatorKey: key,
          year: 2024,
          source: "test",
          value: inArea === worstFirst ? 50 + i : 10 + i,
        };
      }),
    });
  }
  await startScan(users.gemeente!, agendaId, ["test_verkeersklachten_pct", "test_eenzaam_pct"]);
  expect(await freezeScan(users.gemeente!, agendaId, 1)).toMatchObject({ ok: true });
  // Published stories of the area: 4 on traffic, 4 on loneliness (2 recognised), 1 on housing,
  // 1 waiting on traffic and 1 from outside the area (neither counts).
  const story = (
    buurtCode: string,
    themes: string[],
    status: "published" | "submitted" = "published",
  ) =>
    db().story.create({
      data: {
        gemeenteCode: "GM0397",
        buurtCode,
        text: `Over ${themes.join(" en ")}`,
        channel: "online",
        consentPublish: true,
        consentQuote: false,
        status,
        themes: { create: themes.map((themeKey) => ({ themeKey })) },
      },
    });
  for (let i = 0; i < 4; i++) await story(i % 2 ? DE_GLIP : GLIPPER_DREEF, ["traffic"]);
  const lonely = [];
  for (let i = 0; i < 4; i++) lonely.push(await story(DE_GLIP, ["loneliness"]));
  await db().storyReaction.createMany({
    data: [
      { storyId: lonely[0]!.id, userId: users.bewoner! },
      { storyId: lonely[0]!.id, userId: users.gemeente! },
    ],
  });
  await story(GLIPPER_DREEF, ["housing"]);
  await story(GLIPPER_DREEF, ["traffic"], "submitted");
  await story("BU03970000", ["traffic"]);
});

const page = (cookie = cookies.gemeente, id = agendaId) =>
  matrixLoader(routeArgs(get(`/buurtagenda/${id}/thema-matrix`, cookie), { id }));
const post = (fields: Record<string, string>, cookie = cookies.gemeente) =>
  matrixAction(
    routeArgs(formPost(`/buurtagenda/${agendaId}/thema-matrix`, fields, cookie), { id: agendaId }),
  );
const kinds = async (cookie?: string) =>
  Object.fromEntries((await page(cookie)).rows.map((r) => [r.key, r.kind]));

describe("the theme matrix", () => {
  it("puts the frozen figures next to the published stories: confirmed, felt, quiet", async () => {
    const matrix = await page();
    expect(matrix.scan).toMatchObject({ number: 1 });
    // 9 published stories in the area; the waiting one and the one from the Centrum do not count.
    expect(matrix.storyTotal).toBe(9);
    const byKey = new Map(matrix.rows.map((r) => [r.key, r]));
    // Worst two of 14 on traffic, 4 of 11 weight: both signal.
    expect(byKey.get("traffic")).toMatchObject({
      kind: "confirmed",
      statisticalScore: 96,
      storyCount: 4,
    });
    expect(byKey.get("traffic")!.indicators[0]!.ranks.map((r) => [r.buurt, r.rank, r.of])).toEqual([
      ["Glipper Dreef en Staatsliedenbuurt", 1, 14],
      ["De Glip", 2, 14],
    ]);
    // Best of Heemstede on loneliness, but residents tell about it (weighted 6 of 11): felt.
    expect(byKey.get("loneliness")).toMatchObject({
      kind: "felt",
      statisticalScore: 4,
      storyCount: 4,
      storySharePercent: 55,
    });
    expect(byKey.get("loneliness")!.topStories[0]).toMatchObject({ recognised: 2 });
    // One story, no figure: quiet.
    expect(byKey.get("housing")).toMatchObject({ kind: "quiet", statisticalScore: null });
  });

  it("is read by staff, the platform and the council, not by residents or visitors", async () => {
    await page(cookies.buurtplatform);
    await page(cookies.adviesraad);
    await expect(page(cookies.bewoner)).rejects.toMatchObject({ init: { status: 403 } });
    // A visitor without a session is sent to sign in.
    await expect(page("")).rejects.toBeInstanceOf(Response);
  });

  it("works on stories alone before the buurtscan is finished", async () => {
    const matrix = await page(cookies.gemeente, emptyAgendaId);
    expect(matrix.scan).toBeNull();
    expect(matrix.rows.every((r) => r.statisticalScore === null)).toBe(true);
    // One published story in the Centrum: below the minimum of 3.
    expect(matrix.rows.every((r) => r.kind === "quiet")).toBe(true);
  });
});

describe("thresholds per buurtagenda", () => {
  it("refuses bad numbers next to the field and changes nothing", async () => {
    const refused = (await post({
      intent: "thresholds",
      statistical: "150",
      storyShare: "abc",
      minStories: "0",
    })) as { result: { error: Record<string, string[]> } };
    expect(refused.result.error).toEqual({
      statistical: ["statisticalThresholdInvalid"],
      storyShare: ["storyShareThresholdInvalid"],
      minStories: ["minStoriesInvalid"],
    });
    expect(await db().themeMatrixSettings.count()).toBe(0);
  });

  it("lets staff make the matrix stricter, and go back to the defaults", async () => {
    expect(
      await post({ intent: "thresholds", statistical: "99", storyShare: "50", minStories: "5" }),
    ).toEqual({ done: "thresholdsSaved" });
    expect(await kinds()).toMatchObject({ traffic: "quiet", loneliness: "quiet" });
    const matrix = await page();
    expect(matrix.thresholds).toMatchObject({
      statistical: 0.99,
      storyShare: 0.5,
      minStories: 5,
      custom: true,
    });
    expect(await post({ intent: "reset" })).toEqual({ done: "thresholdsReset" });
    expect(await kinds()).toMatchObject({ traffic: "confirmed", loneliness: "felt" });
    expect(
      await db().auditEvent.count({
        where: { subjectId: agendaId, action: { startsWith: "theme_matrix." } },
      }),
    ).toBe(2);
  });

  it("is for staff only: the platform and the council cannot change them", async () => {
    for (const cookie of [cookies.buurtplatform, cookies.adviesraad]) {
      await expect(
        post(
          { intent: "thresholds", statistical: "10", storyShare: "10", minStories: "1" },
          cookie,
        ),
      ).rejects.toMatchObject({ init: { status: 403 } });
    }
    expect(await db().themeMatrixSettings.count()).toBe(0);
  });
});

describe("findings with their evidence", () => {
  const findingsPost = (
    fields: Record<string, string | string[]>,
    cookie = cookies.buurtplatform,
  ) =>
    findingsAction(
      routeArgs(formPost(`/buurtagenda/${agendaId}/opgaven`, fields, cookie), { id: agendaId }),
    );
  const base = {
    intent: "finding",
    title: "Te hard rijden bij de school",
    description: "Bewoners vertellen over hard rijden; de cijfers bevestigen het.",
    themes: ["traffic"],
  };

  it("refuses a finding without evidence, or with evidence from outside this agenda, writing nothing", async () => {
    const none = (await findingsPost(base)) as { result: { error: Record<string, string[]> } };
    expect(none.result.error.evidence).toEqual(["evidenceRequired"]);
    const centrum = await db().story.findFirstOrThrow({ where: { buurtCode: "BU03970000" } });
    const foreign = (await findingsPost({ ...base, stories: [centrum.id] })) as {
      result: { error: Record<string, string[]> };
    };
    expect(foreign.result.error.evidence).toEqual(["evidenceForeign"]);
    const waiting = await db().story.findFirstOrThrow({ where: { status: "submitted" } });
    expect(
      ((await findingsPost({ ...base, stories: [waiting.id] })) as { result: { error: object } })
        .result.error,
    ).toMatchObject({ evidence: ["evidenceForeign"] });
    const forged = (await findingsPost({
      ...base,
      values: [`${"0".repeat(8)}-0000-0000-0000-${"0".repeat(12)}|${DE_GLIP}|test_eenzaam_pct`],
    })) as { result: { error: Record<string, string[]> } };
    expect(forged.result.error.evidence).toEqual(["evidenceForeign"]);
    expect(await db().finding.count()).toBe(0);
  });

  it("is not for residents; the platform writes one with three stories and two figures", async () => {
    await expect(findingsPost({ ...base, stories: [] }, cookies.bewoner)).rejects.toMatchObject({
      init: { status: 403 },
    });
    const page = await findingsLoader(
      routeArgs(get(`/buurtagenda/${agendaId}/opgaven`, cookies.buurtplatform), { id: agendaId }),
    );
    expect(page.canDraft).toBe(true);
    const traffic = page.storyChoices.filter((s) => s.title.startsWith("Over traffic")).slice(0, 3);
    const values = page.valueChoices.filter((v) => v.ref.endsWith("test_verkeersklachten_pct"));
    expect(traffic).toHaveLength(3);
    expect(values).toHaveLength(2);
    const response = await findingsPost({
      ...base,
      stories: traffic.map((s) => s.id),
      values: values.map((v) => v.ref),
    });
    expect(response).toBeInstanceOf(Response);
    const finding = await db().finding.findFirstOrThrow({
      include: { stories: true, values: true },
    });
    expect(finding.stories).toHaveLength(3);
    expect(finding.values).toHaveLength(2);
    const shown = await findingLoader(
      routeArgs(get(`/buurtagenda/${agendaId}/opgaven/${finding.id}`, cookies.adviesraad), {
        id: agendaId,
        finding: finding.id,
      }),
    );
    expect(shown.finding.stories).toHaveLength(3);
    expect(shown.finding.values.map((v) => v.buurt).sort()).toEqual([
      "De Glip",
      "Glipper Dreef en Staatsliedenbuurt",
    ]);
    expect(shown.canComment).toBe(true);
  });

  it("takes comments from the council, not from the platform", async () => {
    const finding = await db().finding.findFirstOrThrow();
    const comment = (text: string, cookie: string) =>
      findingAction(
        routeArgs(
          formPost(
            `/buurtagenda/${agendaId}/opgaven/${finding.id}`,
            { intent: "comment", text },
            cookie,
          ),
          { id: agendaId, finding: finding.id },
        ),
      );
    const empty = (await comment("  ", cookies.adviesraad!)) as {
      result: { error: Record<string, string[]> };
    };
    expect(empty.result.error.text).toEqual(["commentRequired"]);
    expect(await comment("Betrek ook de school.", cookies.adviesraad!)).toMatchObject({
      commented: true,
    });
    await expect(comment("Van het platform", cookies.buurtplatform!)).rejects.toMatchObject({
      init: { status: 403 },
    });
    expect((await db().findingComment.findMany()).map((c) => c.text)).toEqual([
      "Betrek ook de school.",
    ]);
  });
});
