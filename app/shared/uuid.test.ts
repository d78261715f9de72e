import { describe, expect, it } from "vitest";
import { isUuid } from "./uuid";

describe("isUuid", () => {
  it("takes the ids the database makes, in either case", () => {
    expect(isUuid("d6722cb9-9f7d-49d5-bc3d-8a5fdcc96bb3")).toBe(true);
    expect(isUuid("D6722CB9-9F7D-49D5-BC3D-8A5FDCC96BB3")).toBe(true);
  });

  it("refuses what PostgreSQL would refuse with an error", () => {
    expect(isUuid("-".repeat(36))).toBe(false);
    expect(isUuid("d6722cb99f7d49d5bc3d8a5fdcc96bb3")).toBe(false);
    expect(isUuid("d6722cb9-9f7d-49d5-bc3d-8a5fdcc96bb")).toBe(false);
    expect(isUuid("d6722cb9-9f7d-49d5-bc3d-8a5fdcc96bb3' OR 1=1")).toBe(false);
    expect(isUuid("")).toBe(false);
  });
});
