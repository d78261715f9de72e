import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { importFile } from "../../app/features/scan/import-file.server";
import {
  geometryProblem,
  selfIntersection,
} from "../../app/features/territory/boundary-import.server";
import { placementOf, type AreaGeometry } from "../../app/features/territory/geo";
import { importTerritoryFolder } from "../../app/features/territory/territory-import.server";
import { PROJECT_ROOT } from "../../app/shared/database/schema-engine.server";
import { db } from "../../app/shared/db.server";
import { setupFreshDatabase } from "../support/database";

setupFreshDatabase();
const CBS_DIR = path.resolve(PROJECT_ROOT, "../shared/data/cbs");

interface Feature {
  type: "Feature";
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}
interface Collection {
  type: "FeatureCollection";
  features: Feature[];
}

let heemstede: Collection;
beforeAll(async () => {
  await importTerritoryFolder(CBS_DIR);
  heemstede = JSON.parse(
    await readFile(path.join(CBS_DIR, "boundaries-GM0397.geojson"), "utf8"),
  ) as Collection;
});

/** A fresh copy of Heemstede's boundary file to change in a test. */
const boundaries = (): Collection => structuredClone(heemstede);

async function* fileOf(content: string | Buffer) {
  yield typeof content === "string" ? Buffer.from(content, "utf8") : content;
}
const importGeoJson = (content: unknown, fileName = "buurtgrenzen.geojson") =>
  importFile(fileOf(typeof content === "string" ? content : JSON.stringify(content)), {
    fileName,
  });

/** Every buurt of Heemstede, wijk and gemeente with its stored shape and placement. */
async function heemstedeState() {
  const [gemeente, wijken, buurten] = await Promise.all([
    db().gemeente.findMany({ where: { code: "GM0397" } }),
    db().wijk.findMany({ where: { gemeenteCode: "GM0397" }, orderBy: { code: "asc" } }),
    db().buurt.findMany({ where: { gemeenteCode: "GM0397" }, orderBy: { code: "asc" } }),
  ]);
  const strip = <T extends { importedAt: Date }>(rows: T[]) =>
    rows.map(({ importedAt: _, ...row }) => row);
  return { gemeente: strip(gemeente), wijken: strip(wijken), buurten: strip(buurten) };
}

/** Moves a polygon a little to the east: still valid, clearly another shape. */
function shifted(geometry: Feature["geometry"], dx: number): Feature["geometry"] {
  const rings = geometry.coordinates as number[][][];
  return {
    type: "Polygon",
    coordinates: rings.map((ring) => ring.map(([x, y]) => [x! + dx, y!])),
  };
}

describe("boundary import", () => {
  it("updates a changed buurt shape with its box and centre, and its wijk and gemeente", async () => {
    const file = boundaries();
    const centrum = file.features.find((f) => f.properties.code === "BU03970000")!;
    centrum.geometry = shifted(centrum.geometry, 0.002);

    const report = await importGeoJson(file);
    expect(report).toMatchObject({
      kind: "boundaries",
      status: "done",
      rowsRead: 14,
      inserted: 0,
      updated: 1,
      unchanged: 13,
      rejectedCount: 0,
    });
    const buurt = await db().buurt.findUniqueOrThrow({
      where: { code_year: { code: "BU03970000", year: 2022 } },
    });
    expect(buurt.geometry).toEqual(centrum.geometry);
    const placement = placementOf([centrum.geometry as AreaGeometry]);
    expect(buurt.bboxWest).toBeCloseTo(placement.bbox.west, 9);
    expect(buurt.centroidLon).toBeCloseTo(placement.centroid.lon, 9);

    // The wijk's box is that of all its buurten, as the territory import makes it.
    const wijkShapes = file.features
      .filter((f) => f.properties.wijk_code === "WK039700")
      .map((f) => f.geometry as AreaGeometry);
    const wijk = await db().wijk.findUniqueOrThrow({
      where: { code_year: { code: "WK039700", year: 2022 } },
    });
    expect(wijk.centroidLon).toBeCloseTo(placementOf(wijkShapes).centroid.lon, 9);

    const again = await importGeoJson(file);
    expect(again).toMatchObject({ status: "done", updated: 0, unchanged: 14 });
    expect(JSON.parse(JSON.stringify(again))).toEqual(again);

    // Put the original back for the tests that follow.
    expect(await importGeoJson(boundaries())).toMatchObject({ updated: 1, unchanged: 13 });
  });

  it("leaves out and reports a feature for a buurt we do not know", async () => {
    const file = boundaries();
    const unknown = structuredClone(file.features[0]!);
    unknown.properties = { ...unknown.properties, code: "BU99999999" };
    file.features.splice(2, 0, unknown);
    const report = await importGeoJson(file);
    expect(report).toMatchObject({
      status: "done",
      rowsRead: 15,
      updated: 0,
      unchanged: 14,
      rejectedCount: 1,
      rejected: [{ line: 3, reason: "onbekende buurt BU99999999 in 2022" }],
    });
  });

  it("refuses the whole file when one shape is invalid, and changes nothing", async () => {
    const before = await heemstedeState();
    const file = boundaries();
    // A valid change that must not be written either, since the file is refused.
    file.features[0]!.geometry = shifted(file.features[0]!.geometry, 0.002);
    const open = file.features[2]!.geometry.coordinates as number[][][];
    open[0]!.pop();
    file.features[4]!.geometry = {
      type: "Polygon",
      coordinates: [
        [
          [4.6, 52.35],
          [4.61, 52.36],
          [4.61, 52.35],
          [4.6, 52.36],
          [4.6, 52.35],
        ],
      ],
    };
    const report = await importGeoJson(file);
    expect(report.status).toBe("failed");
    expect(report.error).toContain(`Object 3 (${file.features[2]!.properties.code}): een rand`);
    expect(report.error).toContain("niet gesloten");
    expect(report.error).toContain("Er is niets veranderd");
    expect(report.rejected).toEqual([
      {
        line: 3,
        reason: `${file.features[2]!.properties.code}: een rand is niet gesloten (het eerste en het laatste punt verschillen)`,
      },
      {
        line: 5,
        reason: `${file.features[4]!.properties.code}: een rand snijdt of raakt zichzelf bij (4.605, 52.355)`,
      },
    ]);
    expect(report.updated).toBe(0);
    expect(await heemstedeState()).toEqual(before);
  });

  it.each([
    ["not JSON", "{ dit is geen json", "geen geldige JSON"],
    ["JSON but no FeatureCollection", { type: "Feature" }, "geen GeoJSON FeatureCollection"],
    [
      "a FeatureCollection without features",
      { type: "FeatureCollection", features: [] },
      "geen buurtvlakken",
    ],
    ["empty", "", "leeg"],
  ])("refuses a file that is %s", async (_, content, message) => {
    const before = await heemstedeState();
    const report = await importGeoJson(content);
    expect(report).toMatchObject({ kind: "boundaries", status: "failed" });
    expect(report.error).toContain(message);
    expect(await heemstedeState()).toEqual(before);
  });

  it("refuses points and RD coordinates with a message that says so", async () => {
    const file = boundaries();
    file.features[1]!.geometry = { type: "Point", coordinates: [4.6, 52.35] };
    expect((await importGeoJson(file)).error).toContain(
      "geen vlak (Polygon of MultiPolygon) maar een Point",
    );

    const rd = boundaries();
    rd.features[0]!.geometry = {
      type: "Polygon",
      coordinates: [
        [
          [100000, 480000],
          [101000, 480000],
          [101000, 481000],
          [100000, 480000],
        ],
      ],
    };
    expect((await importGeoJson(rd)).error).toContain("RD-coördinaten");
  });

  it("recognises GeoJSON by its first character whatever the file is called", async () => {
    const report = await importGeoJson(`\n  ${JSON.stringify(boundaries())}`, "upload");
    expect(report).toMatchObject({ kind: "boundaries", status: "done", unchanged: 14 });
  });

  it("refuses a GeoJSON file over 50 MB without reading all of it", async () => {
    let generated = 0;
    async function* huge() {
      yield Buffer.from('{"type":"FeatureCollection","features":[');
      const block = Buffer.alloc(1024 * 1024, " ");
      while (generated < 200 * 1024 * 1024) {
        generated += block.length;
        yield block;
      }
    }
    const report = await importFile(huge(), { fileName: "groot.geojson" });
    expect(report).toMatchObject({ kind: "boundaries", status: "failed" });
    expect(report.error).toContain("groter dan 50 MB");
    expect(generated).toBeLessThan(60 * 1024 * 1024);
  });
});

describe("geometry checks", () => {
  const square = [
    [4.6, 52.3],
    [4.7, 52.3],
    [4.7, 52.4],
    [4.6, 52.4],
    [4.6, 52.3],
  ];

  it("accepts every buurt shape of the demo data", async () => {
    for (const gemeente of ["GM0392", "GM0397", "GM1883"]) {
      const file = JSON.parse(
        await readFile(path.join(CBS_DIR, `boundaries-${gemeente}.geojson`), "utf8"),
      ) as Collection;
      for (const feature of file.features) expect(geometryProblem(feature.geometry)).toBeNull();
    }
  });

  it("accepts a polygon with a hole and a multipolygon, and repeated points", () => {
    const hole = [
      [4.62, 52.32],
      [4.62, 52.38],
      [4.68, 52.38],
      [4.68, 52.32],
      [4.62, 52.32],
    ];
    expect(geometryProblem({ type: "Polygon", coordinates: [square, hole] })).toBeNull();
    expect(geometryProblem({ type: "MultiPolygon", coordinates: [[square], [hole]] })).toBeNull();
    const repeated = [square[0], square[1], square[1], ...square.slice(2)];
    expect(geometryProblem({ type: "Polygon", coordinates: [repeated] })).toBeNull();
  });

  it.each([
    ["no geometry", null, "geometry ontbreekt"],
    ["a line", { type: "LineString", coordinates: square }, "maar een LineString"],
    ["too few points", { type: "Polygon", coordinates: [square.slice(0, 3)] }, "minder dan 4"],
    ["an open ring", { type: "Polygon", coordinates: [square.slice(0, 4)] }, "niet gesloten"],
    [
      "a text coordinate",
      { type: "Polygon", coordinates: [[["4.6", 52.3], ...square.slice(1)]] },
      "geen geldige coördinaten",
    ],
    [
      "swapped lon and lat",
      { type: "Polygon", coordinates: [square.map(([x, y]) => [y, x])] },
      "omgewisseld",
    ],
    [
      "a ring that touches itself in a vertex",
      {
        type: "Polygon",
        coordinates: [
          [
            [4.6, 52.3],
            [4.7, 52.3],
            [4.65, 52.35],
            [4.7, 52.4],
            [4.6, 52.4],
            [4.65, 52.35],
            [4.6, 52.3],
          ],
        ],
      },
      "snijdt of raakt zichzelf bij (4.65, 52.35)",
    ],
    [
      "a spike that runs back over itself",
      {
        type: "Polygon",
        coordinates: [
          [
            [4.6, 52.3],
            [4.7, 52.3],
            [4.8, 52.3],
            [4.7, 52.3],
            [4.7, 52.4],
            [4.6, 52.3],
          ],
        ],
      },
      "snijdt of raakt zichzelf",
    ],
    [
      "a ring with no area",
      {
        type: "Polygon",
        coordinates: [
          [
            [4.6, 52.3],
            [4.7, 52.3],
            [4.8, 52.3],
            [4.6, 52.3],
          ],
        ],
      },
      "geen oppervlakte",
    ],
  ])("refuses %s", (_, geometry, message) => {
    expect(geometryProblem(geometry)).toContain(message);
  });

  it("checks a ring of 100,000 points quickly", () => {
    const n = 100_000;
    const circle = Array.from({ length: n }, (_, i) => [
      5 + 0.1 * Math.cos((2 * Math.PI * i) / n),
      52 + 0.1 * Math.sin((2 * Math.PI * i) / n),
    ]) as [number, number][];
    circle.push(circle[0]!);
    const started = performance.now();
    expect(selfIntersection(circle)).toBeNull();
    expect(performance.now() - started).toBeLessThan(2000);
    // One point pulled through to the far side makes the ring cross itself there.
    circle[10] = [4.8, 52];
    expect(selfIntersection(circle)).not.toBeNull();
  });
});
