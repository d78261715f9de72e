// Cross-site request forgery: SameSite=Lax cookies already keep the session off cross-site POSTs;
// on top of that every state-changing request must come from this site's own pages (ARCHITECTURE §1).

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export interface RequestOriginInfo {
  method: string;
  /** The Sec-Fetch-Site header, sent by current browsers. */
  secFetchSite: string | undefined;
  /** The Origin header. */
  origin: string | undefined;
  /** This site's own origin as the server sees it, e.g. https://buurtagenda.example.nl */
  expectedOrigin: string;
}

export function isAllowedRequest({
  method,
  secFetchSite,
  origin,
  expectedOrigin,
}: RequestOriginInfo): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (secFetchSite !== undefined) return secFetchSite === "same-origin";
  // Older browsers: no Sec-Fetch-Site, but they do send Origin on POST.
  return origin !== undefined && origin === expectedOrigin;
}
