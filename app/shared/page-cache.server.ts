import { createHash } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type { RequestHandler, Response as ExpressResponse } from "express";
import {
  PAGE_CACHE_HEADER,
  inlineScriptHashes,
  isShareableResponse,
  pageCacheKey,
} from "./page-cache";
import { storedPageEncoding, type ContentEncoding } from "./content-encoding";
import { clientAcceptEncoding } from "./content-encoding.server";
import { contentSecurityPolicy } from "./security-headers";

// The public page cache (decision 0029): a signed-out visitor's page, rendered once and shared for
// PAGE_CACHE_SECONDS with every signed-out visitor asking for the same URL in the same language.
// Rendering a public page costs 30–40 ms of CPU; sending a stored one well under 1 ms, which is what
// lets one small server carry a neighbourhood's page being shared around.

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Pages bigger than this are sent but not kept. */
const MAX_PAGE_BYTES = 2 * 1024 * 1024;

export interface StoredPage {
  headers: [string, string][];
  bodies: Record<ContentEncoding, Buffer>;
  storedAt: number;
  expiresAt: number;
  bytes: number;
}

export interface PageCacheOptions {
  ttlSeconds: number;
  /** All variants of all pages together; the least recently used go first. */
  maxBytes?: number;
  /** After expiry, how long a page may still be sent while one request renders it anew. */
  graceSeconds?: number;
  now?: () => number;
}

export class PageCache {
  readonly ttlMs: number;
  private readonly maxBytes: number;
  private readonly graceMs: number;
  private readonly now: () => number;
  private readonly pages = new Map<string, StoredPage>();
  private readonly refreshing = new Set<string>();
  private bytes = 0;
  /** Bumped by every clear: a page rendered before a write must not be stored after it. */
  generation = 0;

  constructor(options: PageCacheOptions) {
    this.ttlMs = options.ttlSeconds * 1000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.graceMs = (options.graceSeconds ?? 30) * 1000;
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get size(): number {
    return this.pages.size;
  }

  /**
   * A page to send, or undefined when this request must render it. Once a page has expired, the
   * first request renders it again and the others get the expired page meanwhile (within the
   * grace period), so an expiry does not make every waiting visitor render at once.
   */
  get(key: string): StoredPage | undefined {
    const page = this.pages.get(key);
    if (!page) return undefined;
    const now = this.now();
    if (now >= page.expiresAt + this.graceMs) {
      this.remove(key);
      return undefined;
    }
    if (now >= page.expiresAt && !this.refreshing.has(key)) {
      this.refreshing.add(key);
      return undefined;
    }
    // Most recently used last: eviction takes the first.
    this.pages.delete(key);
    this.pages.set(key, page);
    return page;
  }

  /** This request's render of an expired page is over (stored or not). */
  doneRefreshing(key: string): void {
    this.refreshing.delete(key);
  }

  /** Forget every page: something was written that any of them may show. */
  clear(): void {
    this.generation++;
    this.pages.clear();
    this.refreshing.clear();
    this.bytes = 0;
  }

  /**
   * Keep a rendered page, unless the cache was cleared since its render began (`generation` then).
   * An HTML page's policy is rewritten to its scripts' hashes: the nonce it was sent with is for
   * one response only.
   */
  async store(
    key: string,
    generation: number,
    headers: [string, string][],
    body: Buffer,
  ): Promise<void> {
    if (generation !== this.generation || body.length > MAX_PAGE_BYTES) return;
    const contentType = headers.find(([name]) => name.toLowerCase() === "content-type")?.[1];
    let kept = headers;
    if (contentType?.startsWith("text/html")) {
      const scriptHashes = inlineScriptHashes(body.toString("utf8"), sha256Base64);
      kept = kept.map(([name, value]) =>
        name.toLowerCase() === "content-security-policy"
          ? [name, contentSecurityPolicy({ scriptHashes })]
          : [name, value],
      );
    }
    const [br, gz] = await Promise.all([
      brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }),
      gzip(body, { level: 6 }),
    ]);
    if (generation !== this.generation) return;
    const now = this.now();
    const page: StoredPage = {
      headers: kept,
      bodies: { br, gzip: gz, identity: body },
      storedAt: now,
      expiresAt: now + this.ttlMs,
      bytes: br.length + gz.length + body.length,
    };
    this.remove(key);
    this.pages.set(key, page);
    this.bytes += page.bytes;
    for (const [oldest] of this.pages) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  private remove(key: string) {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= page.bytes;
  }
}

function sha256Base64(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("base64");
}

/**
 * Express middleware in front of React Router's handler: sends a stored page when there is one,
 * otherwise lets the page render and keeps a copy of it when it may be shared. Any other method
 * than GET/HEAD clears the cache, before and after it runs. The marker header never leaves the
 * server.
 */
export function pageCacheMiddleware(
  cache: PageCache,
  options: {
    /** Called with every clear caused by a write here: the other HTTP workers' caches must go too. */
    onWrite?: () => void;
  } = {},
): RequestHandler {
  const clearEverywhere = () => {
    cache.clear();
    options.onWrite?.();
  };
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      clearEverywhere();
      // Again once the write is done: as its answer starts (so the other workers hear of it before
      // the visitor can ask them) and when it has ended.
      const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ExpressResponse;
      res.writeHead = ((...args: unknown[]) => {
        clearEverywhere();
        return writeHead(...args);
      }) as ExpressResponse["writeHead"];
      res.on("close", clearEverywhere);
      return next();
    }
    const key = cache.enabled
      ? pageCacheKey({
          method: req.method,
          url: req.originalUrl,
          host: req.get("host"),
          cookie: req.get("cookie"),
          authorization: req.get("authorization"),
        })
      : null;
    const stored = key ? cache.get(key) : undefined;
    if (stored) return sendStored(req.method, clientAcceptEncoding(req, res), res, stored);
    capture(res, key && req.method === "GET" ? key : null, cache);
    next();
  };
}

function sendStored(
  method: string,
  acceptEncoding: string | undefined,
  res: ExpressResponse,
  page: StoredPage,
) {
  const encoding = storedPageEncoding(acceptEncoding);
  const body = page.bodies[encoding];
  res.status(200);
  for (const [name, value] of page.headers) res.append(name, value);
  res.setHeader("Vary", "Accept-Encoding");
  // Set, the compression middleware leaves the stored bytes as they are.
  if (encoding !== "identity") res.setHeader("Content-Encoding", encoding);
  res.setHeader("Content-Length", body.length);
  res.setHeader("Age", Math.max(0, Math.floor((Date.now() - page.storedAt) / 1000)));
  res.end(method === "HEAD" ? undefined : body);
}

/**
 * Watches what React Router's adapter sends (it appends each header of the Response, then writes
 * the body): drops the marker, and when the request may be shared, keeps the headers and body to
 * store once the response has gone out completely.
 */
function capture(res: ExpressResponse, key: string | null, cache: PageCache) {
  const generation = cache.generation;
  const headers: [string, string][] = [];
  const chunks: Buffer[] = [];
  let size = 0;
  let marked = false;
  const append = res.append.bind(res);
  res.append = (field: string, value?: string | string[]) => {
    if (field.toLowerCase() === PAGE_CACHE_HEADER.toLowerCase()) {
      marked = true;
      return res;
    }
    if (key) for (const v of [value ?? ""].flat()) headers.push([field, v]);
    return append(field, value);
  };
  if (!key) return;
  const keep = (chunk: unknown) => {
    if (size > MAX_PAGE_BYTES || chunk == null || typeof chunk === "function") return;
    const buffer = Buffer.isBuffer(chunk)
      ? chunk
      : chunk instanceof Uint8Array
        ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
        : Buffer.from(String(chunk));
    size += buffer.length;
    chunks.push(Buffer.from(buffer));
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ExpressResponse;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    keep(chunk);
    return write(chunk, ...rest);
  }) as ExpressResponse["write"];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    keep(chunk);
    return end(chunk, ...rest);
  }) as ExpressResponse["end"];
  res.on("close", () => {
    cache.doneRefreshing(key);
    if (!res.writableFinished || size > MAX_PAGE_BYTES) return;
    const headerNames = headers.map(([name]) => name);
    if (!isShareableResponse({ status: res.statusCode, marked, headerNames })) return;
    cache.store(key, generation, headers, Buffer.concat(chunks)).catch((error: unknown) => {
      console.error("Page cache: could not store", key, error);
    });
  });
}
