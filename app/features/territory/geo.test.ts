import { describe, expect, it } from "vitest";
import { placementOf, pointInArea } from "./geo";

const square = (x: number, y: number, size: number) => ({
  type: "Polygon" as const,
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
});

describe("placementOf", () => {
  it("gives the bounding box and centre of one polygon", () => {
    const placement = placementOf([square(4.5, 52.25, 0.25)]);
    expect(placement.bbox).toEqual({ west: 4.5, south: 52.25, east: 4.75, north: 52.5 });
    expect(placement.centroid.lon).toBeCloseTo(4.625, 6);
    expect(placement.centroid.lat).toBeCloseTo(52.375, 6);
  });

  it("spans all parts of a composite area", () => {
    const placement = placementOf([square(4.5, 52.25, 0.125), square(4.75, 52.5, 0.125)]);
    expect(placement.bbox).toEqual({ west: 4.5, south: 52.25, east: 4.875, north: 52.625 });
    expect(placement.centroid.lon).toBeGreaterThan(4.5);
    expect(placement.centroid.lon).toBeLessThan(4.875);
  });

  it("refuses an area without geometry", () => {
    expect(() => placementOf([])).toThrow();
  });
});

describe("pointInArea", () => {
  it("finds a point in any part of a composite area, and not outside it", () => {
    const area = [square(4.5, 52.25, 0.125), square(4.75, 52.5, 0.125)];
    expect(pointInArea({ lon: 4.55, lat: 52.3 }, area)).toBe(true);
    expect(pointInArea({ lon: 4.8, lat: 52.55 }, area)).toBe(true);
    expect(pointInArea({ lon: 4.7, lat: 52.3 }, area)).toBe(false);
  });
});
