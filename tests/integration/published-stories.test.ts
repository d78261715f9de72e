import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as agendaLoader } from "../../app/routes/buurtagenda";
import { loader as buurtLoader } from "../../app/routes/buurt";
import { loader as agendaPinsLoader } from "../../app/routes/buurtagenda-kaartpunten";
import { startAgenda } from "../../app/features/agenda/agenda.server";
import { PUBLISHED_PAGE_SIZE } from "../../app/features/stories/stories.server";
import { seedDatabase } from "../../app/shared/database/seed.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";
import { get, routeArgs } from "../support/requests";

setupFreshDatabase();

// Published stories on the public buurtagenda page: every buurt of the area, a buurt filter,
// pages, and map pins that carry nothing but what a pin shows (issue 5).
const GLIPPER_DREEF = "BU03970101";
const DE_GLIP = "BU03970100";
const CENTRUM = "BU03970000";
const PAYLOAD = `<img src=x onerror="alert('xss')">`;
let agendaId = "";

beforeAll(async () => {
  process.env.CBS_DATA_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");
  await seedDatabase({ demoStories: false });
  const sanne = await db().user.findUniqueOrThrow({
    where: { email: "gemeente@demo.buurtagenda.nl" },
  });
  agendaId = await startAgenda(
    sanne.id,
    {
      title: "Glip",
      publicDescription: "Samen aan de slag.",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      buurtCodes: [GLIPPER_DREEF, DE_GLIP],
    },
    { gemeenteCode: "GM0397", year: 2022 },
  );
  const centre = async (code: string) => {
    const b = await db().buurt.findFirstOrThrow({ where: { code } });
    return { lon: b.centroidLon, lat: b.centroidLat };
  };
  const at = { [GLIPPER_DREEF]: await centre(GLIPPER_DREEF), [DE_GLIP]: await centre(DE_GLIP) };
  const base = { gemeenteCode: "GM0397", channel: "online" as const, consentQuote: false };
  const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
  await db().story.createMany({
    data: [
      // 30 published in Glipper Dreef (more than a page), the newest with a pin and markup.
      ...Array.from({ length: 30 }, (_, i) => ({
        ...base,
        buurtCode: GLIPPER_DREEF,
        title: i === 0 ? PAYLOAD : "",
        text: `Verhaal ${i + 1} over Glipper Dreef`,
        tellerName: "Fatima",
        showName: i === 0,
        ...(i < 3 ? at[GLIPPER_DREEF] : {}),
        consentPublish: true,
        status: "published" as const,
        createdAt: minutesAgo(i + 10),
      })),
      {
        ...base,
        buurtCode: DE_GLIP,
        text: "Over De Glip",
        ...at[DE_GLIP],
        consentPublish: true,
        status: "published" as const,
        createdAt: minutesAgo(5),
      },
      // Never public: waiting, rejected, withdrawn, or published without consent (a bug elsewhere).
      {
        ...base,
        buurtCode: DE_GLIP,
        text: "Wacht nog",
        ...at[DE_GLIP],
        consentPublish: true,
        status: "submitted" as const,
      },
      {
        ...base,
        buurtCode: DE_GLIP,
        text: "Afgewezen",
        ...at[DE_GLIP],
        consentPublish: true,
        status: "rejected" as const,
      },
      {
        ...base,
        buurtCode: DE_GLIP,
        text: "Ingetrokken",
        ...at[DE_GLIP],
        consentPublish: false,
        status: "withdrawn" as const,
      },
      {
        ...base,
        buurtCode: DE_GLIP,
        text: "Geen toestemming",
        ...at[DE_GLIP],
        consentPublish: false,
        status: "published" as const,
      },
      // Outside the agenda's area.
      {
        ...base,
        buurtCode: CENTRUM,
        text: "Over het Centrum",
        consentPublish: true,
        status: "published" as const,
      },
    ],
  });
});

const agendaPage = (query = "") =>
  agendaLoader(routeArgs(get(`/buurtagenda/${agendaId}${query}`), { id: agendaId }));
type Pins = { features: { properties: Record<string, string> }[] };
const agendaPins = async (query = "") => {
  const response = await agendaPinsLoader(
    routeArgs(get(`/buurtagenda/${agendaId}/kaartpunten${query}`), { id: agendaId }),
  );
  expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
  return (await response.json()) as Pins;
};

describe("published stories on the buurtagenda page", () => {
  it("lists the published stories of every buurt in the area, newest first, in pages", async () => {
    const first = await agendaPage();
    expect(first.total).toBe(31);
    expect(first.pageCount).toBe(2);
    expect(first.stories).toHaveLength(PUBLISHED_PAGE_SIZE);
    expect(first.stories[0]!.text).toBe("Over De Glip");
    const second = await agendaPage("?pagina=2");
    expect(second.stories).toHaveLength(31 - PUBLISHED_PAGE_SIZE);
    const all = [...first.stories, ...second.stories].map((s) => s.text);
    expect(new Set(all).size).toBe(31);
    for (const hidden of [
      "Wacht nog",
      "Afgewezen",
      "Ingetrokken",
      "Geen toestemming",
      "Over het Centrum",
    ]) {
      expect(all).not.toContain(hidden);
    }
  });

  it("narrows to one buurt of the area, and ignores a buurt outside it or a bad page number", async () => {
    const deGlip = await agendaPage(`?buurt=${DE_GLIP}`);
    expect(deGlip.stories.map((s) => s.text)).toEqual(["Over De Glip"]);
    expect(deGlip.pinQuery).toBe(`?buurt=${DE_GLIP}`);
    expect((await agendaPins(deGlip.pinQuery)).features).toHaveLength(1);
    const outside = await agendaPage(`?buurt=${CENTRUM}&pagina=-3`);
    expect(outside.filters).toMatchObject({ buurt: "", page: 1 });
    expect(outside.total).toBe(31);
    const beyond = await agendaPage("?pagina=9");
    expect(beyond.stories).toEqual([]);
    expect(beyond.total).toBe(31);
  });

  it("gives the map one pin per published story with a place, and nothing about the teller", async () => {
    const pins = await agendaPins();
    expect(pins.features).toHaveLength(4);
    const titles = pins.features.map((f) => f.properties.title);
    // Markup stays a plain string in the JSON; the map shows it as text.
    expect(titles).toContain(PAYLOAD);
    for (const feature of pins.features) {
      expect(Object.keys(feature.properties).sort()).toEqual(["id", "title"]);
    }
    expect(JSON.stringify(pins)).not.toContain("Fatima");
    // The page itself carries no pins and no places: the map fetches them.
    const page = await agendaPage();
    expect(page).not.toHaveProperty("pins");
    expect(page.stories.every((s) => !("lon" in s) && !("lat" in s))).toBe(true);
  });

  it("searches in Dutch across the area, and the buurt page shows only its own buurt", async () => {
    const found = await agendaPage("?zoek=verhalen");
    // 'verhalen' matches 'Verhaal' through the Dutch stemmer.
    expect(found.total).toBe(30);
    const buurt = await buurtLoader(
      routeArgs(get(`/buurt/${DE_GLIP}?buurt=${GLIPPER_DREEF}`), { code: DE_GLIP }),
    );
    expect(buurt.stories.map((s) => s.text)).toEqual(["Over De Glip"]);
  });
});
