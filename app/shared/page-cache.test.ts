import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inlineScriptHashes, isShareableResponse, pageCacheKey } from "./page-cache";

const anonymous = {
  method: "GET",
  url: "/buurt/BU03970101?zoek=donker",
  host: "buurtagenda.example",
  cookie: undefined,
  authorization: undefined,
};

const sha = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");

describe("which requests share a page", () => {
  it("keys a signed-out GET or HEAD by language, host, path and query", () => {
    expect(pageCacheKey(anonymous)).toBe("nl buurtagenda.example/buurt/BU03970101?zoek=donker");
    expect(pageCacheKey({ ...anonymous, method: "HEAD" })).toBe(pageCacheKey(anonymous));
    expect(pageCacheKey({ ...anonymous, cookie: "taal=en" })).toBe(
      "en buurtagenda.example/buurt/BU03970101?zoek=donker",
    );
    expect(pageCacheKey({ ...anonymous, url: "/buurt/BU03970101" })).not.toBe(
      pageCacheKey(anonymous),
    );
  });

  it("never shares a write, a signed-in visit or any other cookie", () => {
    expect(pageCacheKey({ ...anonymous, method: "POST" })).toBeNull();
    expect(pageCacheKey({ ...anonymous, cookie: "sessie=abc" })).toBeNull();
    expect(pageCacheKey({ ...anonymous, cookie: "taal=nl; sessie=abc" })).toBeNull();
    expect(pageCacheKey({ ...anonymous, cookie: "verhaal_concept=x" })).toBeNull();
    expect(pageCacheKey({ ...anonymous, authorization: "Bearer x" })).toBeNull();
  });

  it("shares only a complete 200 that the route marked and that sets no cookie", () => {
    const ok = { status: 200, marked: true, headerNames: ["Content-Type"] };
    expect(isShareableResponse(ok)).toBe(true);
    expect(isShareableResponse({ ...ok, marked: false })).toBe(false);
    expect(isShareableResponse({ ...ok, status: 404 })).toBe(false);
    expect(isShareableResponse({ ...ok, status: 302 })).toBe(false);
    expect(isShareableResponse({ ...ok, headerNames: ["Set-Cookie"] })).toBe(false);
  });
});

describe("a shared page's script hashes", () => {
  it("hashes each inline script once, exactly as written, and skips external scripts", () => {
    const first = 'window.__reactRouterContext = {"a":"<\\/script>"};';
    const second = 'import "/assets/entry.client.js";';
    const html =
      `<html><head><script src="/assets/a.js"></script><script nonce="n">${first}</script>` +
      `</head><body><script type="module" nonce="n">${second}</script>` +
      `<script nonce="n">${first}</script><script></script></body></html>`;
    expect(inlineScriptHashes(html, sha)).toEqual([
      `'sha256-${sha(first)}'`,
      `'sha256-${sha(second)}'`,
    ]);
  });
});
