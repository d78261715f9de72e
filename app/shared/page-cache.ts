import { LOCALE_COOKIE, localeFromCookieHeader } from "./i18n/i18n";

// The public page cache (decision 0029): which requests and responses may be shared between
// visitors. Pure, so the server and the tests share one reading.

/**
 * Set by a route (its `headers` export, or a resource route's Response) whose page is the same for
 * every signed-out visitor with the same URL and language. The server removes it before sending.
 */
export const PAGE_CACHE_HEADER = "X-Page-Cache";
const PUBLIC = { [PAGE_CACHE_HEADER]: "public" } as const;

/** A route's `headers` export for such a page. */
export const publicPageHeaders = () => PUBLIC;

export interface CacheableRequest {
  method: string;
  /** Path and query as received, e.g. /buurt/BU03970101?zoek=donker */
  url: string;
  host: string | undefined;
  cookie: string | undefined;
  authorization: string | undefined;
}

/**
 * The key under which a request's page may be shared, or null when it must be rendered for this
 * visitor alone: anything but GET/HEAD, and any cookie except the language choice (a session, a
 * half-written story, a sign-in step) makes the request personal.
 */
export function pageCacheKey(request: CacheableRequest): string | null {
  const method = request.method.toUpperCase();
  if (method !== "GET" && method !== "HEAD") return null;
  if (request.authorization) return null;
  const names = (request.cookie ?? "")
    .split(";")
    .map((part) => (part.split("=")[0] ?? "").trim())
    .filter(Boolean);
  if (names.some((name) => name !== LOCALE_COOKIE)) return null;
  const locale = localeFromCookieHeader(request.cookie ?? null);
  return `${locale} ${request.host ?? ""}${request.url}`;
}

/** Only a complete, successful, marked page without cookies is shared. */
export function isShareableResponse(response: {
  status: number;
  /** The route sent PAGE_CACHE_HEADER. */
  marked: boolean;
  headerNames: string[];
}): boolean {
  return (
    response.status === 200 &&
    response.marked &&
    !response.headerNames.some((name) => name.toLowerCase() === "set-cookie")
  );
}

/**
 * The CSP hash sources of the inline scripts of an HTML page. A shared page cannot carry a
 * per-response nonce, so its policy lists exactly the scripts it contains (React Router's
 * hydration data and module bootstrap). React escapes `</script` inside them, so the first closing
 * tag ends each script.
 */
export function inlineScriptHashes(html: string, sha256Base64: (text: string) => string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes = "", text = ""] = match;
    if (/\bsrc\s*=/i.test(attributes) || text === "") continue;
    hashes.add(`'sha256-${sha256Base64(text)}'`);
  }
  return [...hashes];
}
