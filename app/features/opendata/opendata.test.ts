import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  DATASETS,
  PROGRESS_FIELDS,
  SCHEMA,
  csvColumns,
  etagOf,
  linkHeader,
  matchesEtag,
  pagination,
  parseAgendaFileName,
  parseFileName,
  parseOpenDataQuery,
  toCsv,
  toGeoJson,
  type AgreementRecord,
  type StoryRecord,
} from "./opendata";
import { openDataMessages } from "./opendata.messages";

const story = (over: Partial<StoryRecord> = {}): StoryRecord => ({
  id: "00000000-0000-4000-8000-000000000001",
  gemeente_code: "GM0397",
  buurt_code: "BU03970101",
  title: "",
  text: "Het pad is donker.",
  themes: ["verlichting", "verkeersveiligheid"],
  channel: "online",
  told_at: "2026-05-01T10:00:00.000Z",
  published_at: "2026-05-02T10:00:00.000Z",
  is_demo: false,
  lon: 4.62,
  lat: 52.35,
  ...over,
});

const query = (search: string) => parseOpenDataQuery(new URLSearchParams(search));

describe("file names", () => {
  it("name a dataset in one of its formats, and nothing else", () => {
    expect(parseFileName("verhalen.geojson")).toEqual({ dataset: "verhalen", format: "geojson" });
    expect(parseFileName("afspraken.csv")).toEqual({ dataset: "afspraken", format: "csv" });
    for (const bad of [
      "buurtagendas.geojson",
      "verhalen.xml",
      "VERHALEN.json",
      "../verhalen.json",
      "verhalen",
    ]) {
      expect(parseFileName(bad)).toBeNull();
    }
  });

  it("name one agenda by its uuid", () => {
    const id = "3F2504E0-4F89-41D3-9A0C-0305E82C3301";
    expect(parseAgendaFileName(`${id}.json`)).toBe(id.toLowerCase());
    expect(parseAgendaFileName("niet-een-id.json")).toBeNull();
    expect(parseAgendaFileName(`${id}.csv`)).toBeNull();
  });
});

describe("query parameters", () => {
  it("default to page 1 of 500 for all gemeenten; a code in lower case is fine", () => {
    expect(query("")).toEqual({ ok: true, query: { pagina: 1, per: 500 } });
    expect(query("gemeente=gm0397&pagina=3&per=1000&anders=x")).toEqual({
      ok: true,
      query: { gemeente: "GM0397", pagina: 3, per: 1000 },
    });
  });

  it("refuse a wrong gemeente code, page or number per page, each with its own message", () => {
    for (const bad of ["gemeente=0397", "gemeente=", "gemeente=GM03971", "gemeente=BU03970101"]) {
      expect(query(bad)).toEqual({ ok: false, error: "gemeenteInvalid" });
    }
    for (const bad of [
      "pagina=0",
      "pagina=-1",
      "pagina=1.5",
      "pagina=abc",
      "pagina=",
      "pagina=100001",
    ]) {
      expect(query(bad)).toEqual({ ok: false, error: "pageInvalid" });
    }
    for (const bad of ["per=0", "per=1001", "per=veel"]) {
      expect(query(bad)).toEqual({ ok: false, error: "perPageInvalid" });
    }
  });
});

describe("CSV", () => {
  const tricky = 'Hij zei: "het is hier donker", echt waar.\nTweede regel, met komma\'s.';

  it("quotes cells with quotes, commas and line breaks, and reads back the same", () => {
    const csv = toCsv("verhalen", [story({ text: tricky, title: "Licht, graag" })]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain('"Hij zei: ""het is hier donker"", echt waar.\nTweede regel');
    expect(csv.split("\r\n")[0]).toBe(`\uFEFF${csvColumns("verhalen").join(",")}`);
    const [row] = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({
      text: tricky,
      title: "Licht, graag",
      themes: "verlichting; verkeersveiligheid",
      is_demo: "false",
      lon: "4.62",
    });
  });

  it("defuses cells a spreadsheet would run as a formula", () => {
    const csv = toCsv("verhalen", [
      story({
        title: '=HYPERLINK("https://example.org/x","klik")',
        text: "+31 6 1234",
        channel: "@x",
      }),
      story({ text: "-1+1", lon: null, lat: null }),
    ]);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({
      title: `'=HYPERLINK("https://example.org/x","klik")`,
      text: "'+31 6 1234",
      channel: "'@x",
    });
    expect(rows[1]).toMatchObject({ text: "'-1+1", lon: "", lat: "" });
    // Numbers are numbers: a negative one is not a formula.
    expect(toCsv("verhalen", [story({ lon: -0.5 })])).toContain(",-0.5,");
  });

  it("flattens an agreement's progress to its newest update and a count", () => {
    const agreement: AgreementRecord = {
      id: "a",
      agenda_id: "b",
      gemeente_code: "GM0397",
      version: 2,
      title: "Lampen",
      description: "",
      owner: "WIJ Heemstede",
      starts_on: "2027-01-01",
      due_on: "2027-06-30",
      status: "in_progress",
      cost_euros: null,
      budget_source: "",
      progress: [
        { date: "2027-03-01", status: "in_progress", note: "Half klaar", link: "" },
        { date: "2027-02-01", status: "planned", note: "", link: "" },
      ],
      url: "https://x/buurtagenda/b",
    };
    const [row] = parse(toCsv("afspraken", [agreement]), { bom: true, columns: true }) as Record<
      string,
      string
    >[];
    expect(row).toMatchObject({
      cost_euros: "",
      progress_count: "2",
      latest_progress_on: "2027-03-01",
      latest_progress_note: "Half klaar",
    });
    expect(Object.keys(row!)).not.toContain("progress");
  });
});

describe("GeoJSON", () => {
  it("has a Point per located story, lon before lat, and leaves the others out", () => {
    const geo = toGeoJson([story(), story({ id: "zonder-plek", lon: null, lat: null })]);
    expect(geo.features).toHaveLength(1);
    expect(geo.features[0]).toMatchObject({
      type: "Feature",
      geometry: { type: "Point", coordinates: [4.62, 52.35] },
      properties: { buurt_code: "BU03970101" },
    });
    expect(Object.keys(geo.features[0]!.properties)).not.toContain("lon");
  });
});

describe("pagination and caching", () => {
  const url = new URL("https://buurtagenda.example.nl/open-data/verhalen.csv?gemeente=GM0397");

  it("links the next and previous pages and keeps the filters", () => {
    const first = pagination(url, 1, 2, 5);
    expect(first).toMatchObject({ page: 1, perPage: 2, total: 5, prev: null });
    expect(first.next).toBe(
      "https://buurtagenda.example.nl/open-data/verhalen.csv?gemeente=GM0397&pagina=2",
    );
    const last = pagination(url, 3, 2, 5);
    expect(last.next).toBeNull();
    expect(last.prev).toMatch(/pagina=2$/);
    // Past the end, "previous" is the last page with records.
    expect(pagination(url, 9, 2, 5).prev).toMatch(/pagina=3$/);
    expect(pagination(url, 1, 2, 0)).toMatchObject({ next: null, prev: null });
    expect(linkHeader(first, "https://x/open-data#verhalen")).toBe(
      `<${first.next}>; rel="next", <https://x/open-data#verhalen>; rel="describedby"`,
    );
  });

  it("gives a strong ETag from the bytes, matched by If-None-Match", () => {
    const etag = etagOf("abc");
    expect(etag).toMatch(/^"[\w-]{43}"$/);
    expect(etagOf("abc")).toBe(etag);
    expect(etagOf("abd")).not.toBe(etag);
    expect(matchesEtag(etag, etag)).toBe(true);
    expect(matchesEtag(`"x", W/${etag}`, etag)).toBe(true);
    expect(matchesEtag("*", etag)).toBe(true);
    expect(matchesEtag(null, etag)).toBe(false);
    expect(matchesEtag('"x"', etag)).toBe(false);
  });
});

describe("schema", () => {
  it("explains every field in Dutch and English", () => {
    const keys = [
      ...DATASETS.flatMap((d) => SCHEMA[d].map((f) => `field_${d}_${f.name}`)),
      ...PROGRESS_FIELDS.map((f) => `field_progress_${f.name}`),
      ...DATASETS.flatMap((d) => SCHEMA[d].map((f) => `type_${f.type}`)),
    ];
    for (const key of keys) {
      expect(openDataMessages.nl, key).toHaveProperty(key);
      expect(openDataMessages.en, key).toHaveProperty(key);
    }
    expect(Object.keys(openDataMessages.en).sort()).toEqual(
      Object.keys(openDataMessages.nl).sort(),
    );
  });

  it("has no field that could name a person", () => {
    const names = DATASETS.flatMap((d) => SCHEMA[d].map((f) => f.name));
    for (const personal of [
      "teller",
      "author",
      "email",
      "name",
      "user",
      "moderat",
      "report",
      "reaction",
    ]) {
      expect(names.filter((n) => n.includes(personal) && n !== "gemeente_name")).toEqual([]);
    }
  });
});
