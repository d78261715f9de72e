/** Value of one cookie from a request, or null. */
export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index === -1) continue;
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** A relative path on this site to return to after a form, or null when it points elsewhere. */
export function safeRedirectPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return null;
  // Browsers drop tabs and newlines from URLs, so "/\t/evil.example" would become
  // "//evil.example": refuse control characters, whitespace and backslashes outright, and keep
  // only what resolves on this site.
  if (/[\s\\]/.test(value) || [...value].some((c) => c.charCodeAt(0) < 32 || c === "\u007F")) {
    return null;
  }
  const resolved = new URL(value, "http://buurtagenda.invalid");
  if (resolved.origin !== "http://buurtagenda.invalid") return null;
  return resolved.pathname + resolved.search + resolved.hash;
}
