import { describe, expect, it } from "vitest";
import { renderedResponseAcceptEncoding, storedPageEncoding } from "./content-encoding";

describe("the encoding of a stored page", () => {
  it("prefers brotli, then gzip, and respects q=0", () => {
    expect(storedPageEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(storedPageEncoding("gzip, br;q=0")).toBe("gzip");
    expect(storedPageEncoding("deflate")).toBe("identity");
    expect(storedPageEncoding(undefined)).toBe("identity");
    expect(storedPageEncoding("*")).toBe("br");
    expect(storedPageEncoding("*;q=0, identity")).toBe("identity");
  });
});

describe("the encoding of a response rendered now", () => {
  it("is gzip when the client accepts it, even when it prefers brotli", () => {
    expect(renderedResponseAcceptEncoding("gzip, deflate, br, zstd")).toBe("gzip");
    expect(renderedResponseAcceptEncoding("br;q=1.0, gzip;q=0.5")).toBe("gzip");
    expect(renderedResponseAcceptEncoding("*")).toBe("gzip");
  });

  it("leaves the header as it was when gzip is refused or absent", () => {
    expect(renderedResponseAcceptEncoding("br")).toBe("br");
    expect(renderedResponseAcceptEncoding("gzip;q=0, br")).toBe("gzip;q=0, br");
    expect(renderedResponseAcceptEncoding("identity")).toBe("identity");
    expect(renderedResponseAcceptEncoding(undefined)).toBeUndefined();
  });
});
