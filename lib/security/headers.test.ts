import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, staticSecurityHeaders } from "./headers";

describe("security headers", () => {
  it("builds a nonce CSP that forbids framing and inline script", () => {
    const csp = contentSecurityPolicy("abc123", { dev: false, https: true });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { dev: false, https: false })).not.toContain("upgrade-insecure-requests");
  });
  it("adds HSTS only in production over https", () => {
    const keys = (p: boolean, h: boolean) => staticSecurityHeaders({ production: p, https: h }).map((x) => x.key);
    expect(keys(true, true)).toContain("Strict-Transport-Security");
    expect(keys(true, false)).not.toContain("Strict-Transport-Security");
    expect(keys(false, true)).not.toContain("Strict-Transport-Security");
    expect(keys(false, false)).toContain("X-Content-Type-Options");
  });
});

describe("next.config.js", () => {
  it("sends the same static headers as lib/security/headers.ts and hides X-Powered-By", async () => {
    const { createRequire } = await import("node:module");
    const require = createRequire(import.meta.url);
    const config = require("../../next.config.js") as {
      poweredByHeader: boolean;
      headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]>;
    };
    expect(config.poweredByHeader).toBe(false);
    const all = await config.headers();
    const pageHeaders = all.find((h) => h.source === "/:path*")?.headers;
    expect(pageHeaders).toEqual(staticSecurityHeaders({ production: false, https: false }));
  });
});
