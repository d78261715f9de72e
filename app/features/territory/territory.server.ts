import type { FeatureCollection, Geometry } from "geojson";
import { db } from "../../shared/db.server";

// Pages show the newest CBS year that has been imported for an area.

export async function listGemeenten() {
  const rows = await db().gemeente.findMany({
    orderBy: [{ name: "asc" }, { year: "desc" }],
    select: { code: true, name: true, year: true, _count: { select: { wijken: true } } },
  });
  const newest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!newest.has(row.code)) newest.set(row.code, row);
  return [...newest.values()];
}

/** The newest name of a gemeente, without its areas; null when unknown. */
export async function gemeenteName(code: string) {
  return db().gemeente.findFirst({
    where: { code },
    orderBy: { year: "desc" },
    select: { code: true, name: true },
  });
}

/** The wijken of a gemeente's newest year, code and name only (for a filter), in one statement. */
export async function wijkNames(gemeenteCode: string) {
  return db().$queryRaw<{ code: string; name: string }[]>`
    SELECT code, name FROM wijk
    WHERE gemeente_code = ${gemeenteCode}
      AND year = (SELECT max(year) FROM gemeente WHERE code = ${gemeenteCode})
    ORDER BY code`;
}

export async function getGemeenteWithAreas(code: string) {
  const gemeente = await db().gemeente.findFirst({
    where: { code },
    orderBy: { year: "desc" },
  });
  if (!gemeente) return null;
  const wijken = await db().wijk.findMany({
    where: { gemeenteCode: code, year: gemeente.year },
    orderBy: { code: "asc" },
    select: {
      code: true,
      name: true,
      buurten: {
        orderBy: { code: "asc" },
        select: { code: true, name: true, geometry: true },
      },
    },
  });
  return { gemeente, wijken };
}

export async function getBuurt(code: string) {
  return db().buurt.findFirst({
    where: { code },
    orderBy: { year: "desc" },
    include: { wijk: { include: { gemeente: { select: { code: true, name: true } } } } },
  });
}

/** Buurt polygons as GeoJSON for the map, with code and name to link and label them. */
export function toFeatureCollection(
  buurten: { code: string; name: string; geometry: unknown }[],
): FeatureCollection {
  return {
    type: "FeatureCollection",
    features: buurten
      .filter((b) => b.geometry)
      .map((b) => ({
        type: "Feature",
        properties: { code: b.code, name: b.name },
        geometry: b.geometry as Geometry,
      })),
  };
}

export function bboxOf(area: {
  bboxWest: number;
  bboxSouth: number;
  bboxEast: number;
  bboxNorth: number;
}) {
  return { west: area.bboxWest, south: area.bboxSouth, east: area.bboxEast, north: area.bboxNorth };
}

/** The names of these buurten (their newest CBS year), by code. */
export async function buurtNames(codes: string[]): Promise<Map<string, string>> {
  const buurten = await db().buurt.findMany({
    where: { code: { in: codes } },
    orderBy: { year: "desc" },
    distinct: ["code"],
    select: { code: true, name: true },
  });
  return new Map(buurten.map((b) => [b.code, b.name]));
}
