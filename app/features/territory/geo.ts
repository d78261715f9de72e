import turfBbox from "@turf/bbox";
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import centerOfMass from "@turf/center-of-mass";
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from "geojson";

export type AreaGeometry = Polygon | MultiPolygon;

export interface BoundingBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface Placement {
  bbox: BoundingBox;
  centroid: { lon: number; lat: number };
}

function toFeatures(geometries: AreaGeometry[]): FeatureCollection<AreaGeometry> {
  return {
    type: "FeatureCollection",
    features: geometries.map((geometry): Feature<AreaGeometry> => ({
      type: "Feature",
      properties: {},
      geometry,
    })),
  };
}

/** Bounding box and centre of mass of one area, or of the union of several (a wijk's buurten). */
export function placementOf(geometries: AreaGeometry[]): Placement {
  if (geometries.length === 0) throw new Error("An area needs at least one geometry");
  const collection = toFeatures(geometries);
  const [west, south, east, north] = turfBbox(collection) as [number, number, number, number];
  const [lon, lat] = centerOfMass(geometries.length === 1 ? collection.features[0]! : collection)
    .geometry.coordinates as [number, number];
  return { bbox: { west, south, east, north }, centroid: { lon, lat } };
}

export function unionBox(boxes: BoundingBox[]): BoundingBox {
  return {
    west: Math.min(...boxes.map((b) => b.west)),
    south: Math.min(...boxes.map((b) => b.south)),
    east: Math.max(...boxes.map((b) => b.east)),
    north: Math.max(...boxes.map((b) => b.north)),
  };
}

/** Whether a WGS84 point lies inside one of the area's polygons (on the boundary counts). */
export function pointInArea(
  point: { lon: number; lat: number },
  geometries: AreaGeometry[],
): boolean {
  return geometries.some((geometry) => booleanPointInPolygon([point.lon, point.lat], geometry));
}
