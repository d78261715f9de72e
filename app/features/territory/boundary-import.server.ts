import { BULK_TRANSACTION, db, type Prisma } from "../../shared/db.server";
import { placementOf, type AreaGeometry } from "./geo";
import { placementColumns } from "./territory-import.server";

// Import of buurt boundaries (GeoJSON FeatureCollection of Polygon/MultiPolygon features with
// properties code and year, like ../shared/data/cbs/boundaries-GM….geojson): replaces the shape,
// bounding box and centre of existing buurten, and the box and centre of their wijk and gemeente,
// in one transaction. See docs/decisions/0010-indicator-import.md.
//
// Rule: one invalid shape refuses the whole file and nothing changes, because a broken shape
// usually means a broken or wrongly converted file (and the map would show it). A feature for a
// buurt we do not know is only left out and reported, like an unknown area in a CSV.

/** Boundary files are small (a gemeente is tens of KB); JSON is parsed whole, so cap it. */
export const MAX_BOUNDARY_FILE_BYTES = 50 * 1024 * 1024;
const MAX_REPORTED_REJECTIONS = 1000;

export interface BoundaryRejection {
  /** The feature, counted from 1 in file order. */
  feature: number;
  reason: string;
}

export interface BoundaryImportReport {
  status: "done" | "failed";
  /** Plain-Dutch reason when the whole file was refused; nothing was changed then. */
  error?: string;
  featuresRead: number;
  updated: number;
  unchanged: number;
  rejectedCount: number;
  rejected: BoundaryRejection[];
}

class BoundaryFileRefused extends Error {}

/** A rough box around the European Netherlands, its coastal waters included. */
const NETHERLANDS = { west: 2.5, south: 50.5, east: 7.5, north: 54 };

type Position = [number, number];

/**
 * Why a GeoJSON geometry cannot be a buurt's shape, in plain Dutch, or null when it can.
 * Checks type, nesting, numbers, WGS84 range, the Netherlands' box, closed rings of at least
 * four positions and rings that cross or touch themselves. Holes against their outer ring are
 * not checked.
 */
export function geometryProblem(geometry: unknown): string | null {
  if (!isRecord(geometry)) return "heeft geen vorm (geometry ontbreekt)";
  const { type, coordinates } = geometry;
  if (type !== "Polygon" && type !== "MultiPolygon") {
    return `is geen vlak (Polygon of MultiPolygon) maar ${typeof type === "string" ? `een ${type}` : "iets onbekends"}`;
  }
  const polygons = type === "Polygon" ? [coordinates] : coordinates;
  if (!Array.isArray(polygons) || polygons.length === 0) return "heeft geen coördinaten";
  for (const polygon of polygons) {
    if (!Array.isArray(polygon) || polygon.length === 0) return "heeft een vlak zonder rand";
    for (const ring of polygon) {
      const problem = ringProblem(ring);
      if (problem) return problem;
    }
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const round = (n: number) => Math.round(n * 1e5) / 1e5;
const at = (x: number, y: number) => `(${round(x)}, ${round(y)})`;

function ringProblem(ring: unknown): string | null {
  if (!Array.isArray(ring)) return "de coördinaten hebben niet de vorm van een GeoJSON-vlak";
  for (const position of ring) {
    if (
      !Array.isArray(position) ||
      position.length < 2 ||
      !position.every((n) => typeof n === "number" && Number.isFinite(n))
    )
      return "een punt heeft geen geldige coördinaten";
    const [x, y] = position as Position;
    if (x < -180 || x > 180 || y < -90 || y > 90) {
      return `punt ${at(x, y)} ligt buiten het bereik van lengte- en breedtegraad (WGS84). Staat het bestand misschien in RD-coördinaten?`;
    }
    if (
      x < NETHERLANDS.west ||
      x > NETHERLANDS.east ||
      y < NETHERLANDS.south ||
      y > NETHERLANDS.north
    ) {
      return `punt ${at(x, y)} ligt niet in Nederland. Staan lengte- en breedtegraad misschien omgewisseld?`;
    }
  }
  if (ring.length < 4) return "een rand heeft minder dan 4 punten";
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    return "een rand is niet gesloten (het eerste en het laatste punt verschillen)";
  }
  const crossing = selfIntersection(ring as Position[]);
  if (crossing === "flat") return "een rand heeft geen oppervlakte";
  if (crossing) return `een rand snijdt of raakt zichzelf bij ${at(crossing[0], crossing[1])}`;
  return null;
}

/** Error bound for the orientation test with doubles (Shewchuk's ccwerrboundA, rounded up). */
const ORIENT_EPSILON = 3.3306690738754716e-16;

/** >0 left turn, <0 right turn, 0 collinear (within rounding) for a → b → c. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const left = (bx - ax) * (cy - ay);
  const right = (by - ay) * (cx - ax);
  const det = left - right;
  return Math.abs(det) <= ORIENT_EPSILON * (Math.abs(left) + Math.abs(right)) ? 0 : det;
}

/**
 * A point where a closed ring crosses or touches itself, "flat" when it encloses no area, or
 * null. Segments are swept in order of their west end, so only pairs whose x-ranges overlap are
 * compared: fast for real boundaries, exact within the rounding of doubles.
 */
export function selfIntersection(ring: Position[]): Position | "flat" | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < ring.length - 1; i++) {
    const [x, y] = ring[i]!;
    const n = xs.length;
    // Repeated points are allowed in GeoJSON; they are not a crossing.
    if (n && xs[n - 1] === x && ys[n - 1] === y) continue;
    xs.push(x);
    ys.push(y);
  }
  while (xs.length > 1 && xs[xs.length - 1] === xs[0] && ys[ys.length - 1] === ys[0]) {
    xs.pop();
    ys.pop();
  }
  const n = xs.length;
  if (n < 3) return "flat";
  const next = (i: number) => (i + 1 === n ? 0 : i + 1);
  const minX = (i: number) => Math.min(xs[i]!, xs[next(i)]!);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => minX(a) - minX(b));
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const i2 = next(i);
    const maxXi = Math.max(xs[i]!, xs[i2]!);
    const minYi = Math.min(ys[i]!, ys[i2]!);
    const maxYi = Math.max(ys[i]!, ys[i2]!);
    for (let m = k + 1; m < n; m++) {
      const j = order[m]!;
      if (minX(j) > maxXi) break;
      const j2 = next(j);
      if (Math.max(ys[j]!, ys[j2]!) < minYi || Math.min(ys[j]!, ys[j2]!) > maxYi) continue;
      if (j === i2 || i === j2) {
        // Neighbours share a point; they are wrong only when they run back over each other.
        const [shared, a, b] = j === i2 ? [i2, i, j2] : [i, i2, j];
        const sx = xs[shared]!;
        const sy = ys[shared]!;
        if (
          orient(sx, sy, xs[a]!, ys[a]!, xs[b]!, ys[b]!) === 0 &&
          (xs[a]! - sx) * (xs[b]! - sx) + (ys[a]! - sy) * (ys[b]! - sy) > 0
        ) {
          return n === 3 ? "flat" : [sx, sy];
        }
        continue;
      }
      const crossing = segmentsMeet(
        xs[i]!,
        ys[i]!,
        xs[i2]!,
        ys[i2]!,
        xs[j]!,
        ys[j]!,
        xs[j2]!,
        ys[j2]!,
      );
      if (crossing) return crossing;
    }
  }
  return null;
}

/** Where segments p1–p2 and p3–p4 meet (crossing or touching), or null. */
function segmentsMeet(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  x3: number,
  y3: number,
  x4: number,
  y4: number,
): Position | null {
  const d1 = orient(x3, y3, x4, y4, x1, y1);
  const d2 = orient(x3, y3, x4, y4, x2, y2);
  const d3 = orient(x1, y1, x2, y2, x3, y3);
  const d4 = orient(x1, y1, x2, y2, x4, y4);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const t = d1 / (d1 - d2);
    return [x1 + t * (x2 - x1), y1 + t * (y2 - y1)];
  }
  const within = (ax: number, ay: number, bx: number, by: number, px: number, py: number) =>
    Math.min(ax, bx) <= px &&
    px <= Math.max(ax, bx) &&
    Math.min(ay, by) <= py &&
    py <= Math.max(ay, by);
  if (d1 === 0 && within(x3, y3, x4, y4, x1, y1)) return [x1, y1];
  if (d2 === 0 && within(x3, y3, x4, y4, x2, y2)) return [x2, y2];
  if (d3 === 0 && within(x1, y1, x2, y2, x3, y3)) return [x3, y3];
  if (d4 === 0 && within(x1, y1, x2, y2, x4, y4)) return [x4, y4];
  return null;
}

/** The geometry as we store it: type and coordinates only, positions without height. */
function storedForm(geometry: Record<string, unknown>): AreaGeometry {
  const ring = (r: Position[]) => r.map(([x, y]) => [x, y]);
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: (geometry.coordinates as Position[][]).map(ring) }
    : {
        type: "MultiPolygon",
        coordinates: (geometry.coordinates as Position[][][]).map((p) => p.map(ring)),
      };
}

function sameShape(stored: unknown, geometry: AreaGeometry): boolean {
  if (!isRecord(stored)) return false;
  return (
    stored.type === geometry.type &&
    JSON.stringify(stored.coordinates) === JSON.stringify(geometry.coordinates)
  );
}

async function readAll(
  input: AsyncIterable<Buffer | string>,
  onProgress?: (bytesRead: number) => void,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    onProgress?.(size);
    if (size > MAX_BOUNDARY_FILE_BYTES) {
      throw new BoundaryFileRefused(
        `Het bestand is groter dan ${MAX_BOUNDARY_FILE_BYTES / 1024 / 1024} MB. Een bestand met buurtgrenzen is veel kleiner; is dit het goede bestand? Splits het anders per gemeente.`,
      );
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/^\uFEFF/, "");
}

interface Candidate {
  feature: number;
  code: string;
  year: number;
  geometry: AreaGeometry;
}

/**
 * Reads a GeoJSON FeatureCollection of buurt shapes and updates the buurten it names. Shapes
 * that are not valid refuse the whole file; unknown buurten are reported and left out.
 */
export async function importBoundaries(
  input: AsyncIterable<Buffer | string>,
  options: { year?: number; onProgress?: (bytesRead: number) => void } = {},
): Promise<BoundaryImportReport> {
  const report: BoundaryImportReport = {
    status: "done",
    featuresRead: 0,
    updated: 0,
    unchanged: 0,
    rejectedCount: 0,
    rejected: [],
  };
  const rejections: BoundaryRejection[] = [];
  const failed = (error: string): BoundaryImportReport => {
    rejections.sort((a, b) => a.feature - b.feature);
    return {
      ...report,
      status: "failed",
      error,
      updated: 0,
      unchanged: 0,
      rejectedCount: rejections.length,
      rejected: rejections.slice(0, MAX_REPORTED_REJECTIONS),
    };
  };

  let parsed: unknown;
  try {
    const text = await readAll(input, options.onProgress);
    if (!text.trim()) return failed("Het bestand is leeg.");
    try {
      parsed = JSON.parse(text);
    } catch {
      return failed(
        "Het bestand is geen geldige JSON, en dus geen GeoJSON. Is het afgebroken of is het een ander soort bestand?",
      );
    }
  } catch (error) {
    if (error instanceof BoundaryFileRefused) return failed(error.message);
    throw error;
  }
  if (!isRecord(parsed) || parsed.type !== "FeatureCollection" || !Array.isArray(parsed.features)) {
    return failed(
      'Het bestand is geen GeoJSON FeatureCollection (een verzameling buurtvlakken met "type": "FeatureCollection" en "features").',
    );
  }
  const features = parsed.features as unknown[];
  report.featuresRead = features.length;
  if (features.length === 0) return failed("Het bestand bevat geen buurtvlakken.");

  const candidates: Candidate[] = [];
  const invalid: { feature: number; code: string; reason: string }[] = [];
  const seen = new Set<string>();
  features.forEach((item, index) => {
    const feature = index + 1;
    if (!isRecord(item) || item.type !== "Feature") {
      invalid.push({ feature, code: "", reason: 'is geen GeoJSON-Feature ("type": "Feature")' });
      return;
    }
    const properties = isRecord(item.properties) ? item.properties : {};
    const rawCode = properties.code ?? properties.buurtcode ?? properties.statcode;
    const code = typeof rawCode === "string" ? rawCode.trim().toUpperCase() : "";
    const problem = geometryProblem(item.geometry);
    if (problem) {
      invalid.push({ feature, code, reason: problem });
      return;
    }
    if (!/^BU\d{8}$/.test(code)) {
      rejections.push({ feature, reason: "heeft geen geldige buurtcode (eigenschap code)" });
      return;
    }
    const year =
      typeof properties.year === "number" && Number.isInteger(properties.year)
        ? properties.year
        : options.year;
    if (year === undefined) {
      rejections.push({ feature, reason: `${code}: het jaar ontbreekt (eigenschap year)` });
      return;
    }
    if (seen.has(`${code}/${year}`)) {
      rejections.push({ feature, reason: `${code} komt vaker voor in het bestand` });
      return;
    }
    seen.add(`${code}/${year}`);
    candidates.push({
      feature,
      code,
      year,
      geometry: storedForm(item.geometry as Record<string, unknown>),
    });
  });

  for (const { feature, code, reason } of invalid)
    rejections.push({ feature, reason: `${code ? `${code}: ` : ""}${reason}` });
  if (invalid.length) {
    const first = invalid[0]!;
    const more =
      invalid.length > 1 ? ` Er zijn ${invalid.length} ongeldige vlakken; zie de lijst.` : "";
    return failed(
      `Het bestand is niet ingelezen. Object ${first.feature}${first.code ? ` (${first.code})` : ""}: ${first.reason}.${more} Er is niets veranderd.`,
    );
  }

  const years = [...new Set(candidates.map((c) => c.year))];
  await db().$transaction(async (tx) => {
    const existing = new Map<
      string,
      { geometry: unknown; wijkCode: string; gemeenteCode: string }
    >();
    for (const year of years) {
      const rows = await tx.buurt.findMany({
        where: { year, code: { in: candidates.filter((c) => c.year === year).map((c) => c.code) } },
        select: { code: true, geometry: true, wijkCode: true, gemeenteCode: true },
      });
      for (const row of rows) existing.set(`${row.code}/${year}`, row);
    }
    const now = new Date();
    const touchedGemeenten = new Map<string, { gemeenteCode: string; year: number }>();
    for (const candidate of candidates) {
      const current = existing.get(`${candidate.code}/${candidate.year}`);
      if (!current) {
        rejections.push({
          feature: candidate.feature,
          reason: `onbekende buurt ${candidate.code} in ${candidate.year}`,
        });
        continue;
      }
      if (sameShape(current.geometry, candidate.geometry)) {
        report.unchanged++;
        continue;
      }
      await tx.buurt.update({
        where: { code_year: { code: candidate.code, year: candidate.year } },
        data: {
          geometry: candidate.geometry as unknown as Prisma.InputJsonObject,
          importedAt: now,
          ...placementColumns(placementOf([candidate.geometry])),
        },
      });
      report.updated++;
      touchedGemeenten.set(`${current.gemeenteCode}/${candidate.year}`, {
        gemeenteCode: current.gemeenteCode,
        year: candidate.year,
      });
    }
    // Wijk and gemeente boxes and centres are derived from their buurten (territory import).
    for (const { gemeenteCode, year } of touchedGemeenten.values()) {
      const buurten = await tx.buurt.findMany({
        where: { gemeenteCode, year },
        select: { wijkCode: true, geometry: true },
      });
      const shapes = buurten
        .filter((b) => isRecord(b.geometry))
        .map((b) => ({ wijkCode: b.wijkCode, geometry: b.geometry as unknown as AreaGeometry }));
      if (shapes.length === 0) continue;
      await tx.gemeente.update({
        where: { code_year: { code: gemeenteCode, year } },
        data: placementColumns(placementOf(shapes.map((s) => s.geometry))),
      });
      for (const wijkCode of new Set(shapes.map((s) => s.wijkCode))) {
        await tx.wijk.update({
          where: { code_year: { code: wijkCode, year } },
          data: placementColumns(
            placementOf(shapes.filter((s) => s.wijkCode === wijkCode).map((s) => s.geometry)),
          ),
        });
      }
    }
  }, BULK_TRANSACTION);

  rejections.sort((a, b) => a.feature - b.feature);
  report.rejectedCount = rejections.length;
  report.rejected = rejections.slice(0, MAX_REPORTED_REJECTIONS);
  return report;
}
