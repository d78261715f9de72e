import { describe, expect, it } from "vitest";
import { areaKind } from "./area-kind";

describe("areaKind", () => {
  it("bands the density of the whole area, not an average of its buurten", () => {
    // 900 residents on 100 ha (900/km²) and 9,000 on 100 ha: 9,900 on 2 km² = 4,950/km².
    expect(
      areaKind([
        { inhabitants: 900, landHectares: 100 },
        { inhabitants: 9_000, landHectares: 100 },
      ]),
    ).toBe("middle");
    expect(areaKind([{ inhabitants: 900, landHectares: 100 }])).toBe("low");
    expect(areaKind([{ inhabitants: 5_000, landHectares: 100 }])).toBe("high");
  });

  it("gives no band when a figure is missing or the area has no land", () => {
    expect(areaKind([])).toBeNull();
    expect(
      areaKind([
        { inhabitants: 900, landHectares: 100 },
        { inhabitants: null, landHectares: 100 },
      ]),
    ).toBeNull();
    expect(areaKind([{ inhabitants: 10, landHectares: 0 }])).toBeNull();
  });
});
