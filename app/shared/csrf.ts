// Cross-site request forgery: SameSite=Lax cookies already keep the session off cross-site POSTs;
// on top of that every state-changing request must come from this site's own pages (ARCHITECTURE §1).

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The follower mails' stop links take a one-click POST from the mail provider's servers
 * (RFC 8058), which send neither Origin nor Sec-Fetch-Site. The secret token in the path is the
 * key, and the only effect is stopping mail to that one address.
 */
const ONE_CLICK_UNSUBSCRIBE = /^\/volgen\/stoppen\/[A-Za-z0-9_-]{10,64}$/;

export interface RequestOriginInfo {
  method: string;
  /** The request path, without the query. */
  path: string;
  /** The Sec-Fetch-Site header, sent by current browsers. */
  secFetchSite: string | undefined;
  /** The Origin header. */
  origin: string | undefined;
  /** This site's own origin as the server sees it, e.g. https://buurtagenda.example.nl */
  expectedOrigin: string;
}

export function isAllowedRequest({
  method,
  path,
  secFetchSite,
  origin,
  expectedOrigin,
}: RequestOriginInfo): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (method.toUpperCase() === "POST" && ONE_CLICK_UNSUBSCRIBE.test(path)) return true;
  if (secFetchSite !== undefined) return secFetchSite === "same-origin";
  // Older browsers: no Sec-Fetch-Site, but they do send Origin on POST.
  return origin !== undefined && origin === expectedOrigin;
}
