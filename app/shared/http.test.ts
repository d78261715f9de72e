import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./http";

describe("safeRedirectPath", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeRedirectPath("/buurt/BU03970101?pagina=2#verhalen")).toBe(
      "/buurt/BU03970101?pagina=2#verhalen",
    );
  });

  it("refuses anything a browser would take to another site", () => {
    for (const value of [
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "https://evil.example",
      "evil.example",
      " /account",
      null,
      42,
    ]) {
      expect(safeRedirectPath(value), JSON.stringify(value)).toBeNull();
    }
  });
});
