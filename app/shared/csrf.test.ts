import { describe, expect, it } from "vitest";
import { isAllowedRequest } from "./csrf";

const site = "https://buurtagenda.example.nl";

describe("isAllowedRequest", () => {
  it("lets reads through from anywhere", () => {
    expect(
      isAllowedRequest({
        method: "GET",
        path: "/",
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
        path: "/buurtagenda/x",
        secFetchSite: "same-origin",
        origin: site,
        expectedOrigin: site,
      }),
    ).toBe(true);
    expect(
      isAllowedRequest({
        method: "POST",
        path: "/buurtagenda/x",
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
        path: "/buurtagenda/x",
        secFetchSite: "cross-site",
        origin: "https://evil.example",
        expectedOrigin: site,
      }),
    ).toBe(false);
    expect(
      isAllowedRequest({
        method: "POST",
        path: "/buurtagenda/x",
        secFetchSite: "same-site",
        origin: "https://x.example.nl",
        expectedOrigin: site,
      }),
    ).toBe(false);
    expect(
      isAllowedRequest({
        method: "DELETE",
        path: "/buurtagenda/x",
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
        path: "/buurtagenda/x",
        secFetchSite: undefined,
        origin: undefined,
        expectedOrigin: site,
      }),
    ).toBe(false);
  });

  it("takes the one-click unsubscribe POST of a mail provider (RFC 8058), and only that", () => {
    const fromProvider = (path: string) =>
      isAllowedRequest({
        method: "POST",
        path,
        secFetchSite: undefined,
        origin: undefined,
        expectedOrigin: site,
      });
    expect(fromProvider("/volgen/stoppen/Ab3_dEf-Gh1234567")).toBe(true);
    expect(fromProvider("/volgen/stoppen/Ab3_dEf-Gh1234567/meer")).toBe(false);
    expect(fromProvider("/volgen/stoppen/x")).toBe(false);
    expect(fromProvider("/account/verwijderen")).toBe(false);
  });
});
