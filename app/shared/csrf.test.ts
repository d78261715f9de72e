import { describe, expect, it } from "vitest";
import { isAllowedRequest } from "./csrf";

const site = "https://buurtagenda.example.nl";

describe("isAllowedRequest", () => {
  it("lets reads through from anywhere", () => {
    expect(
      isAllowedRequest({
        method: "GET",
        secFetchSite: "cross-site",
        origin: "https://evil.example",
        expectedOrigin: site,
      }),
    ).toBe(true);
  });

  it("accepts a POST from our own pages", () => {
    expect(
      isAllowedRequest({
        method: "POST",
        secFetchSite: "same-origin",
        origin: site,
        expectedOrigin: site,
      }),
    ).toBe(true);
    expect(
      isAllowedRequest({
        method: "POST",
        secFetchSite: undefined,
        origin: site,
        expectedOrigin: site,
      }),
    ).toBe(true);
  });

  it("refuses a POST from another site, even a sibling subdomain", () => {
    expect(
      isAllowedRequest({
        method: "POST",
        secFetchSite: "cross-site",
        origin: "https://evil.example",
        expectedOrigin: site,
      }),
    ).toBe(false);
    expect(
      isAllowedRequest({
        method: "POST",
        secFetchSite: "same-site",
        origin: "https://x.example.nl",
        expectedOrigin: site,
      }),
    ).toBe(false);
    expect(
      isAllowedRequest({
        method: "DELETE",
        secFetchSite: undefined,
        origin: "https://evil.example",
        expectedOrigin: site,
      }),
    ).toBe(false);
  });

  it("refuses a POST that says nothing about where it came from", () => {
    expect(
      isAllowedRequest({
        method: "POST",
        secFetchSite: undefined,
        origin: undefined,
        expectedOrigin: site,
      }),
    ).toBe(false);
  });
});
