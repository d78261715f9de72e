import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { BULK_TRANSACTION, db, type Prisma } from "../../shared/db.server";
import { placementOf, type AreaGeometry, type Placement } from "./geo";
import {
  areasFileSchema,
  boundariesFileSchema,
  type AreasFile,
  type BoundariesFile,
} from "./territory.schema";

export interface TerritoryImportResult {
  gemeente: string;
  year: number;
  wijken: number;
  buurten: number;
}

export function placementColumns({ bbox, centroid }: Placement) {
  return {
    bboxWest: bbox.west,
    bboxSouth: bbox.south,
    bboxEast: bbox.east,
    bboxNorth: bbox.north,
    centroidLon: centroid.lon,
    centroidLat: centroid.lat,
  };
}

/**
 * Loads one gemeente's CBS areas and buurt boundaries for one CBS year, in one transaction.
 * Re-running it updates names and shapes in place (idempotent).
 */
export async function importTerritory(
  areas: AreasFile,
  boundaries: BoundariesFile,
): Promise<TerritoryImportResult> {
  const years = new Set(boundaries.features.map((f) => f.properties.year));
  if (years.size !== 1) throw new Error("The boundaries file must hold exactly one CBS year");
  const year = [...years][0]!;
  const geometryByCode = new Map(
    boundaries.features.map((f) => [f.properties.code, f.geometry as AreaGeometry]),
  );
  const missing = areas.buurten.filter((b) => !geometryByCode.has(b.code)).map((b) => b.code);
  if (missing.length) throw new Error(`No boundary for buurten: ${missing.join(", ")}`);

  const gemeente = areas.gemeente;
  const buurtenByWijk = new Map<string, AreasFile["buurten"]>();
  for (const buurt of areas.buurten) {
    buurtenByWijk.set(buurt.parent, [...(buurtenByWijk.get(buurt.parent) ?? []), buurt]);
  }
  for (const wijk of areas.wijken) {
    if (wijk.parent !== gemeente.code)
      throw new Error(`Wijk ${wijk.code} is not in ${gemeente.code}`);
    if (!buurtenByWijk.has(wijk.code)) throw new Error(`Wijk ${wijk.code} has no buurten`);
  }
  const wijkCodes = new Set(areas.wijken.map((w) => w.code));
  for (const buurt of areas.buurten) {
    if (!wijkCodes.has(buurt.parent))
      throw new Error(`Buurt ${buurt.code} lies in an unknown wijk`);
  }

  const geometriesOf = (codes: string[]) => codes.map((code) => geometryByCode.get(code)!);
  const now = new Date();

  await db().$transaction(async (tx) => {
    const gemeenteData = {
      name: gemeente.name,
      importedAt: now,
      ...placementColumns(placementOf(geometriesOf(areas.buurten.map((b) => b.code)))),
    };
    await tx.gemeente.upsert({
      where: { code_year: { code: gemeente.code, year } },
      create: { code: gemeente.code, year, ...gemeenteData },
      update: gemeenteData,
    });
    for (const wijk of areas.wijken) {
      const buurtCodes = buurtenByWijk.get(wijk.code)!.map((b) => b.code);
      const data = {
        name: wijk.name,
        gemeenteCode: gemeente.code,
        importedAt: now,
        ...placementColumns(placementOf(geometriesOf(buurtCodes))),
      };
      await tx.wijk.upsert({
        where: { code_year: { code: wijk.code, year } },
        create: { code: wijk.code, year, ...data },
        update: data,
      });
    }
    for (const buurt of areas.buurten) {
      const geometry = geometryByCode.get(buurt.code)!;
      const data = {
        name: buurt.name,
        wijkCode: buurt.parent,
        gemeenteCode: gemeente.code,
        geometry: geometry as unknown as Prisma.InputJsonObject,
        importedAt: now,
        ...placementColumns(placementOf([geometry])),
      };
      await tx.buurt.upsert({
        where: { code_year: { code: buurt.code, year } },
        create: { code: buurt.code, year, ...data },
        update: data,
      });
    }
  }, BULK_TRANSACTION);
  return {
    gemeente: gemeente.code,
    year,
    wijken: areas.wijken.length,
    buurten: areas.buurten.length,
  };
}

export function cbsDataDir(projectRoot: string): string {
  return path.resolve(projectRoot, process.env.CBS_DATA_DIR ?? "../shared/data/cbs");
}

/** Imports every areas-GM….json (with its boundaries-GM….geojson) found in the CBS data folder. */
export async function importTerritoryFolder(dir: string): Promise<TerritoryImportResult[]> {
  const files = (await readdir(dir)).filter((f) => /^areas-GM\d{4}\.json$/.test(f)).sort();
  if (files.length === 0) throw new Error(`No CBS area files (areas-GM….json) in ${dir}`);
  const results: TerritoryImportResult[] = [];
  for (const file of files) {
    const code = file.slice("areas-".length, -".json".length);
    const areas = areasFileSchema.parse(JSON.parse(await readFile(path.join(dir, file), "utf8")));
    const boundaries = boundariesFileSchema.parse(
      JSON.parse(await readFile(path.join(dir, `boundaries-${code}.geojson`), "utf8")),
    );
    results.push(await importTerritory(areas, boundaries));
  }
  return results;
}
