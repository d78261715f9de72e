// The HTTP security headers (decision 0024). Pure, so the server, the document renderer and the
// tests share one definition.

/**
 * The Content-Security-Policy of an HTML page. Scripts only from this site or inline with this
 * response's nonce (React Router's hydration data), or, for a page shared from the page cache,
 * inline with one of the hashes of its own scripts; no plugins, no framing, forms only to us.
 * Styles allow inline: React renders `style` attributes (map legends, the theme matrix) and
 * MapLibre sets styles on its elements; that is not a way to run script.
 */
export function contentSecurityPolicy(
  inline: { nonce: string } | { scriptHashes: string[] },
): string {
  const inlineSources = "nonce" in inline ? [`'nonce-${inline.nonce}'`] : inline.scriptHashes;
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inlineSources].join(" "),
    "style-src 'self' 'unsafe-inline'",
    // The map draws our own polygons (no tile server); MapLibre makes images from blobs.
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Headers for every response, documents, files and downloads alike. */
export function baseSecurityHeaders({ production }: { production: boolean }) {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(self), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    // Only in production: HSTS on localhost would make browsers insist on https for it.
    ...(production ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  } as Record<string, string>;
}
