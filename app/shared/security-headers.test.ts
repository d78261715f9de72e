import { describe, expect, it } from "vitest";
import { baseSecurityHeaders, contentSecurityPolicy } from "./security-headers";

describe("security headers", () => {
  it("allow scripts only from this site or with the response's nonce, and forbid framing", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123" });
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src "));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc123'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'self'");
  });

  it("allow a shared page's inline scripts by their hashes, with no nonce and no unsafe-inline", () => {
    const csp = contentSecurityPolicy({ scriptHashes: ["'sha256-AAA='", "'sha256-BBB='"] });
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src "));
    expect(scriptSrc).toBe("script-src 'self' 'sha256-AAA=' 'sha256-BBB='");
    expect(csp).not.toContain("nonce-");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it("send HSTS in production only", () => {
    expect(baseSecurityHeaders({ production: true })["Strict-Transport-Security"]).toMatch(
      /^max-age=31536000/,
    );
    expect(baseSecurityHeaders({ production: false })).not.toHaveProperty(
      "Strict-Transport-Security",
    );
  });
});
