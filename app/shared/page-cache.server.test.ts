import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { PageCache } from "./page-cache.server";
import { contentSecurityPolicy } from "./security-headers";

const HTML_HEADERS: [string, string][] = [
  ["Content-Type", "text/html"],
  ["Content-Security-Policy", contentSecurityPolicy({ nonce: "once" })],
];
const page = (text: string) =>
  Buffer.from(`<html><body><p>${text}</p><script nonce="once">boot()</script></body></html>`);

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("the page cache", () => {
  it("keeps a page with its brotli and gzip forms and a policy of script hashes, not the nonce", async () => {
    const cache = new PageCache({ ttlSeconds: 10 });
    await cache.store("k", cache.generation, HTML_HEADERS, page("Hallo"));
    const stored = cache.get("k")!;
    expect(brotliDecompressSync(stored.bodies.br).toString()).toContain("Hallo");
    expect(gunzipSync(stored.bodies.gzip).toString()).toContain("Hallo");
    expect(stored.bodies.identity.toString()).toContain("Hallo");
    const csp = stored.headers.find(([name]) => name === "Content-Security-Policy")![1];
    expect(csp).not.toContain("nonce-");
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("sends a page for its time to live; after that one request renders it while the others get the old one", async () => {
    const time = clock();
    const cache = new PageCache({ ttlSeconds: 10, graceSeconds: 30, now: time.now });
    await cache.store("k", cache.generation, HTML_HEADERS, page("oud"));
    time.advance(9_999);
    expect(cache.get("k")).toBeDefined();
    time.advance(1);
    expect(cache.get("k")).toBeUndefined(); // this request renders anew
    expect(cache.get("k")?.bodies.identity.toString()).toContain("oud"); // others meanwhile
    cache.doneRefreshing("k");
    await cache.store("k", cache.generation, HTML_HEADERS, page("nieuw"));
    expect(cache.get("k")?.bodies.identity.toString()).toContain("nieuw");
    time.advance(10_000 + 30_000);
    expect(cache.get("k")).toBeUndefined();
    expect(cache.get("k")).toBeUndefined(); // past the grace period it is gone for everyone
  });

  it("forgets everything on a write, and does not store a page rendered before the write", async () => {
    const cache = new PageCache({ ttlSeconds: 10 });
    await cache.store("a", cache.generation, HTML_HEADERS, page("a"));
    const renderStartedAt = cache.generation;
    cache.clear();
    expect(cache.get("a")).toBeUndefined();
    await cache.store("b", renderStartedAt, HTML_HEADERS, page("b"));
    expect(cache.get("b")).toBeUndefined();
    await cache.store("b", cache.generation, HTML_HEADERS, page("b"));
    expect(cache.get("b")).toBeDefined();
  });

  it("stays within its memory limit by dropping the least recently used pages", async () => {
    // Each of these pages takes 640 bytes in its three forms: two fit.
    const cache = new PageCache({ ttlSeconds: 10, maxBytes: 1_500 });
    const big = (n: number) => Buffer.from(`${n}` + "x".repeat(600));
    await cache.store("1", cache.generation, [], big(1));
    await cache.store("2", cache.generation, [], big(2));
    expect(cache.get("1")).toBeDefined(); // 1 is now the most recently used
    await cache.store("3", cache.generation, [], big(3));
    expect(cache.size).toBe(2);
    expect(cache.get("2")).toBeUndefined();
    expect(cache.get("1")).toBeDefined();
    expect(cache.get("3")).toBeDefined();
  });

  it("is off with a time to live of 0", () => {
    expect(new PageCache({ ttlSeconds: 0 }).enabled).toBe(false);
    expect(new PageCache({ ttlSeconds: 10 }).enabled).toBe(true);
  });
});
