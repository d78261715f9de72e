import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as fileLoader } from "../../app/routes/open-data-bestand";
import { loader as agendaFileLoader } from "../../app/routes/open-data-buurtagenda";
import { loader as pageLoader } from "../../app/routes/open-data";
import { action as textAction } from "../../app/routes/buurtagenda-tekst";
import { startAgenda } from "../../app/features/agenda/agenda.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db, type Prisma } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { partyWithMember, signInDemoRoles } from "../support/demo-users";
import { formPost, get, routeArgs } from "../support/requests";

// Open data (issue 8): published agendas, the agreements of their published versions with
// progress, and stories published with consent, as JSON, CSV and GeoJSON. Never a draft, an
// unpublished story or anything about a person; paginated, cacheable, refusals in plain Dutch.

setupFreshDatabase();

const ORIGIN = "https://buurtagenda.example.nl";
const cookies: Record<string, string> = {};
const users: Record<string, string> = {};
const ids: Record<string, string> = {};
const TRICKY = 'Ze zei: "hier is het donker", echt.\nEn nog iets, met komma\'s.';
const FORMULA = '=HYPERLINK("https://example.org/x","klik hier")';

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  process.env.APP_URL = ORIGIN;
  await seedDatabase({ demoStories: false });
  await signInDemoRoles(["bewoner", "gemeente"], users, cookies);
  const details = {
    publicDescription: "Samen aan de slag.",
    startsOn: "2027-01-01",
    endsOn: "2027-12-31",
  };
  ids.published = await startAgenda(
    users.gemeente!,
    { ...details, title: "Glip en Glipper Dreef", buurtCodes: ["BU03970100", "BU03970101"] },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  ids.draft = await startAgenda(
    users.gemeente!,
    { ...details, title: "Centrum (concept)", buurtCodes: ["BU03970000"] },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  const wij = await partyWithMember(ids.published, {
    key: "wij",
    name: "WIJ Heemstede",
    role: "decides",
  });
  const elan = await partyWithMember(ids.draft, {
    key: "elan",
    name: "Elan Wonen",
    role: "decides",
  });
  users.wij = wij.userId;
  const agreement = (agendaId: string, ownerPartyId: string, title: string) =>
    db().agreement.create({
      data: {
        agendaId,
        title,
        ownerPartyId,
        startsOn: new Date("2027-02-01"),
        dueOn: new Date("2027-06-30"),
        costEuros: 12_500,
        budgetSource: "Wijkbudget",
        createdById: users.gemeente!,
      },
    });
  ids.inText = (await agreement(ids.published, wij.partyId, "Meer licht op het pad")).id;
  ids.notInText = (await agreement(ids.published, wij.partyId, "Nooit opgeschreven")).id;
  ids.draftAgreement = (await agreement(ids.draft, elan.partyId, "Alleen in het concept")).id;
  // Text, approval by the deciding party and publication, as the document page does them.
  const text = (agendaId: string, fields: Record<string, string>, cookie: string) =>
    textAction(
      routeArgs(formPost(`/buurtagenda/${agendaId}/tekst`, fields, cookie), { id: agendaId }),
    );
  const doc = (agreementId: string) =>
    JSON.stringify({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "We maken het pad veilig." }] },
        { type: "agreementEmbed", attrs: { agreementId } },
      ],
    });
  await text(
    ids.published,
    { intent: "save", content: doc(ids.inText), revision: "0" },
    cookies.gemeente!,
  );
  await text(
    ids.published,
    { intent: "signoff", partyId: wij.partyId, revision: "1", decision: "approved", reason: "" },
    wij.cookie,
  );
  await text(ids.published, { intent: "publish", revision: "1" }, cookies.gemeente!);
  expect(await db().agendaVersion.count({ where: { agendaId: ids.published } })).toBe(1);
  // The draft agenda embeds its agreement too, but is never published.
  await text(
    ids.draft,
    { intent: "save", content: doc(ids.draftAgreement), revision: "0" },
    cookies.gemeente!,
  );
  await db().agreementUpdate.create({
    data: {
      agreementId: ids.inText,
      status: "in_progress",
      note: "De eerste lampen staan er.",
      link: "https://example.org/lampen",
      happenedOn: new Date("2027-03-01"),
      authorId: users.wij,
    },
  });
  await db().agreement.update({ where: { id: ids.inText }, data: { status: "in_progress" } });

  const theme = await db().theme.findFirstOrThrow({ orderBy: { sortOrder: "asc" } });
  ids.theme = theme.key;
  let minute = 0;
  const story = async (key: string, data: Partial<Prisma.StoryUncheckedCreateInput>) => {
    const made = await db().story.create({
      data: {
        gemeenteCode: "GM0397",
        buurtCode: "BU03970101",
        text: `Verhaal ${key}`,
        channel: "online",
        status: "published",
        consentPublish: true,
        consentQuote: false,
        tellerId: users.bewoner,
        showName: true,
        tellerName: "Fatima",
        moderatedById: users.gemeente,
        moderatedAt: new Date(),
        // Told one minute apart: the lists are ordered by when a story was told.
        createdAt: new Date(Date.UTC(2026, 4, 1, 10, minute++)),
        ...data,
      },
    });
    ids[key] = made.id;
  };
  await story("located", {
    title: "Donker pad",
    lon: 4.6,
    lat: 52.35,
    themes: { create: [{ themeKey: theme.key }] },
  });
  await story("tricky", {
    title: FORMULA,
    text: TRICKY,
    originalText: "Jan de Vries van nummer 12",
  });
  await story("demo", { isDemo: true, tellerId: null, lon: 4.61, lat: 52.36 });
  await story("haarlem", { gemeenteCode: "GM0392", buurtCode: "BU03920101" });
  await story("submitted", { status: "submitted", moderatedAt: null, moderatedById: null });
  await story("rejected", {
    status: "rejected",
    rejectionReason: "personal_data",
    rejectionNote: "Noemt de buurman",
  });
  await story("withdrawn", { status: "withdrawn", consentPublish: false });
  await story("noConsent", { consentPublish: false });
  await db().storyReaction.create({ data: { storyId: ids.located!, userId: users.gemeente! } });
  await db().storyReport.create({
    data: { storyId: ids.located!, reporterId: users.gemeente!, reason: "Klopt dit wel?" },
  });
});

afterAll(() => {
  delete process.env.APP_URL;
});

const request = (pathAndQuery: string, headers: Record<string, string> = {}) =>
  new Request(`http://localhost${pathAndQuery}`, { headers });

async function file(pathAndQuery: string, headers: Record<string, string> = {}) {
  const bestand = new URL(`http://x${pathAndQuery}`).pathname.replace("/open-data/", "");
  return (await fileLoader(routeArgs(request(pathAndQuery, headers), { bestand }))) as Response;
}

async function agendaFile(id: string, headers: Record<string, string> = {}) {
  return (await agendaFileLoader(
    routeArgs(request(`/open-data/buurtagendas/${id}`, headers), { bestand: id }),
  )) as Response;
}

type Json = {
  data: Record<string, unknown>[];
  pagination: {
    page: number;
    perPage: number;
    total: number;
    next: string | null;
    prev: string | null;
  };
  licence: { name: string; url: string; attribution: string };
  schema: string;
};
const json = async (pathAndQuery: string) => (await (await file(pathAndQuery)).json()) as Json;
const idsOf = (body: { data: Record<string, unknown>[] }) => body.data.map((r) => r.id);

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v)]);
  }
  return [];
}

/** What must never be in any open-data file. */
async function personalData(): Promise<string[]> {
  const emails = (await db().user.findMany({ select: { email: true } })).map((u) => u.email);
  return [
    "Fatima",
    "Jan de Vries",
    "Noemt de buurman",
    "Klopt dit wel?",
    ...Object.values(users),
    ...emails,
  ];
}

describe("published buurtagenda's", () => {
  it("lists only agendas with a published version, with the licence and schema", async () => {
    const body = await json("/open-data/buurtagendas.json");
    expect(idsOf(body)).toEqual([ids.published]);
    expect(body.data[0]).toEqual({
      id: ids.published,
      title: "Glip en Glipper Dreef",
      description: "Samen aan de slag.",
      gemeente_code: "GM0397",
      gemeente_name: "Heemstede",
      buurt_codes: ["BU03970100", "BU03970101"],
      starts_on: "2027-01-01",
      ends_on: "2027-12-31",
      version: 1,
      published_at: expect.any(String),
      first_published_at: expect.any(String),
      url: `${ORIGIN}/buurtagenda/${ids.published}`,
    });
    expect(body.licence).toMatchObject({
      name: "CC BY 4.0",
      attribution: "Buurtagenda <gemeente>",
    });
    expect(body.schema).toBe(`${ORIGIN}/open-data#buurtagendas`);
    expect((await json("/open-data/buurtagendas.json?gemeente=GM0397")).licence.attribution).toBe(
      "Buurtagenda Heemstede",
    );
    expect(idsOf(await json("/open-data/buurtagendas.json?gemeente=GM0392"))).toEqual([]);
  });

  it("gives one published agenda with its agreements; a draft is 404 and nothing is written", async () => {
    const published = await agendaFile(`${ids.published}.json`);
    expect(published.status).toBe(200);
    const body = (await published.json()) as { data: { id: string; agreements: { id: string }[] } };
    expect(body.data.id).toBe(ids.published);
    expect(body.data.agreements.map((a) => a.id)).toEqual([ids.inText]);

    const before = {
      audit: await db().auditEvent.count(),
      sessions: await db().session.findMany({ orderBy: { id: "asc" } }),
      versions: await db().agendaVersion.count(),
    };
    // Even staff, who may read the draft in the workspace, get no open data of it.
    for (const [name, cookie] of [
      [`${ids.draft}.json`, cookies.gemeente!],
      [`${ids.draft}.json`, ""],
      ["niet-een-id.json", ""],
      [`${ids.published}.csv`, ""],
    ] as const) {
      const refused = await agendaFile(name, cookie ? { Cookie: cookie } : {});
      expect(refused.status, name).toBe(404);
      expect(refused.headers.get("Content-Type")).toContain("application/json");
      expect(await refused.json()).toEqual({
        error: "Deze buurtagenda bestaat niet, of is nog niet gepubliceerd.",
      });
    }
    expect(await db().auditEvent.count()).toBe(before.audit);
    expect(await db().session.findMany({ orderBy: { id: "asc" } })).toEqual(before.sessions);
    expect(await db().agendaVersion.count()).toBe(before.versions);
  });
});

describe("agreements", () => {
  it("has only the agreements in a published version, with the owner organisation and progress", async () => {
    const body = await json("/open-data/afspraken.json");
    expect(idsOf(body)).toEqual([ids.inText]);
    expect(body.data[0]).toEqual({
      id: ids.inText,
      agenda_id: ids.published,
      gemeente_code: "GM0397",
      version: 1,
      title: "Meer licht op het pad",
      description: "",
      owner: "WIJ Heemstede",
      starts_on: "2027-02-01",
      due_on: "2027-06-30",
      status: "in_progress",
      cost_euros: 12_500,
      budget_source: "Wijkbudget",
      progress: [
        {
          date: "2027-03-01",
          status: "in_progress",
          note: "De eerste lampen staan er.",
          link: "https://example.org/lampen",
        },
      ],
      url: `${ORIGIN}/buurtagenda/${ids.published}`,
    });
    const csv = await (await file("/open-data/afspraken.csv")).text();
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.title)).toEqual(["Meer licht op het pad"]);
    expect(rows[0]).toMatchObject({ progress_count: "1", latest_progress_status: "in_progress" });
  });
});

describe("stories", () => {
  it("has only stories published with consent, and nothing about a person", async () => {
    const body = await json("/open-data/verhalen.json");
    expect(idsOf(body)).toEqual([ids.located, ids.tricky, ids.demo, ids.haarlem]);
    expect(body.data[0]).toEqual({
      id: ids.located,
      gemeente_code: "GM0397",
      buurt_code: "BU03970101",
      title: "Donker pad",
      text: "Verhaal located",
      themes: [ids.theme],
      channel: "online",
      told_at: "2026-05-01T10:00:00.000Z",
      published_at: expect.any(String),
      is_demo: false,
      lon: 4.6,
      lat: 52.35,
    });
    expect(body.data[2]).toMatchObject({ is_demo: true });
    expect(idsOf(await json("/open-data/verhalen.json?gemeente=gm0397"))).toEqual([
      ids.located,
      ids.tricky,
      ids.demo,
    ]);
  });

  it("leaves personal data out of every file, even when the teller chose to show their name", async () => {
    const forbidden = await personalData();
    const files = [
      "/open-data/verhalen.json",
      "/open-data/verhalen.csv",
      "/open-data/verhalen.geojson",
      "/open-data/afspraken.json",
      "/open-data/afspraken.csv",
      "/open-data/buurtagendas.json",
      "/open-data/buurtagendas.csv",
    ];
    for (const name of files) {
      const text = await (await file(name)).text();
      for (const value of forbidden) expect(text, `${name}: ${value}`).not.toContain(value);
      if (!name.endsWith(".csv")) {
        // The records' keys (the licence has a "name", of the licence).
        const parsed = JSON.parse(text) as { data?: unknown; features?: unknown };
        const keys = keysOf(parsed.data ?? parsed.features);
        expect(keys.length, name).toBeGreaterThan(0);
        for (const key of keys) {
          expect(key, name).not.toMatch(
            /teller|author|email|user|person|moderat|report|reaction|^name$/i,
          );
        }
      }
    }
    const single = await (await agendaFile(`${ids.published}.json`)).text();
    for (const value of forbidden) expect(single).not.toContain(value);
  });

  it("writes CSV with quotes, commas and line breaks escaped and formulas defused", async () => {
    const response = await file("/open-data/verhalen.csv");
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8; header=present");
    expect(response.headers.get("Content-Disposition")).toBe(
      'attachment; filename="buurtagenda-verhalen.csv"',
    );
    const csv = await response.text();
    expect(csv).toContain('"Ze zei: ""hier is het donker"", echt.\nEn nog iets, met komma\'s."');
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    const tricky = rows.find((r) => r.id === ids.tricky)!;
    expect(tricky.text).toBe(TRICKY);
    expect(tricky.title).toBe(`'${FORMULA}`);
    expect(rows.find((r) => r.id === ids.located)).toMatchObject({ themes: ids.theme, lon: "4.6" });
  });

  it("has only the located stories in GeoJSON, as Points", async () => {
    const response = await file("/open-data/verhalen.geojson");
    expect(response.headers.get("Content-Type")).toBe("application/geo+json; charset=utf-8");
    expect(response.headers.get("X-Total-Count")).toBe("2");
    const geo = (await response.json()) as {
      type: string;
      features: { id: string; geometry: { type: string; coordinates: number[] } }[];
    };
    expect(geo.type).toBe("FeatureCollection");
    expect(geo.features.map((f) => f.id)).toEqual([ids.located, ids.demo]);
    expect(geo.features[0]!.geometry).toEqual({ type: "Point", coordinates: [4.6, 52.35] });
  });
});

describe("pagination, caching and refusals", () => {
  it("pages with next and prev links and the total, in the body and in the headers", async () => {
    const first = await json("/open-data/verhalen.json?per=3");
    expect(first.pagination).toEqual({
      page: 1,
      perPage: 3,
      total: 4,
      next: `${ORIGIN}/open-data/verhalen.json?per=3&pagina=2`,
      prev: null,
    });
    const second = await json("/open-data/verhalen.json?per=3&pagina=2");
    expect(idsOf(second)).toEqual([ids.haarlem]);
    expect(second.pagination).toMatchObject({
      next: null,
      prev: `${ORIGIN}/open-data/verhalen.json?per=3&pagina=1`,
    });
    const csv = await file("/open-data/verhalen.csv?per=2&pagina=2");
    expect(csv.headers.get("X-Total-Count")).toBe("4");
    expect(csv.headers.get("Link")).toContain(
      `<${ORIGIN}/open-data/verhalen.csv?per=2&pagina=1>; rel="prev"`,
    );
    expect(csv.headers.get("Link")).not.toContain('rel="next"');
    expect(parse(await csv.text(), { bom: true, columns: true })).toHaveLength(2);
  });

  it("is cacheable by anyone, and If-None-Match with the ETag gives 304 without a body", async () => {
    const response = await file("/open-data/verhalen.json");
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Set-Cookie")).toBeNull();
    const etag = response.headers.get("ETag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await file("/open-data/verhalen.json", { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("ETag")).toBe(etag);
    // Another page is other bytes: another ETag, and a full answer.
    const other = await file("/open-data/verhalen.json?per=1", { "If-None-Match": etag });
    expect(other.status).toBe(200);
    expect(other.headers.get("ETag")).not.toBe(etag);
  });

  it("refuses a wrong page or gemeente code with 400 and a plain-Dutch reason", async () => {
    const page = await file("/open-data/verhalen.json?pagina=0");
    expect(page.status).toBe(400);
    expect(await page.json()).toEqual({
      error: "Dit paginanummer klopt niet. Gebruik een heel getal van 1 of hoger.",
    });
    const gemeente = await file("/open-data/afspraken.csv?gemeente=Heemstede");
    expect(gemeente.status).toBe(400);
    expect(gemeente.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(await gemeente.text()).toContain("Deze gemeentecode klopt niet");
    expect((await file("/open-data/verhalen.json?per=5000")).status).toBe(400);
    const unknown = await file("/open-data/ideeen.json");
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toContain("bestaat niet");
  });

  it("describes the datasets, their fields and the licence on /open-data", async () => {
    const page = await pageLoader(routeArgs(get("/open-data")));
    expect(page.datasets.map((d) => [d.dataset, d.formats])).toEqual([
      ["buurtagendas", ["json", "csv"]],
      ["afspraken", ["json", "csv"]],
      ["verhalen", ["json", "csv", "geojson"]],
    ]);
    expect(page.licence.name).toBe("CC BY 4.0");
  });
});
