import { createRequire } from "node:module";
import { afterEach, describe, expect, it, vi } from "vitest";
import { contentSecurityPolicy, hstsHeader, staticSecurityHeaders } from "./headers";

describe("security headers", () => {
  it("builds a nonce CSP that forbids framing and inline script", () => {
    const csp = contentSecurityPolicy("abc123", { dev: false, https: true });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { dev: false, https: false })).not.toContain(
      "upgrade-insecure-requests",
    );
  });
  it("adds HSTS only in production over https, decided per request", () => {
    expect(hstsHeader({ production: true, https: true })).toEqual({
      key: "Strict-Transport-Security",
      value: "max-age=63072000; includeSubDomains",
    });
    expect(hstsHeader({ production: true, https: false })).toBeNull();
    expect(hstsHeader({ production: false, https: true })).toBeNull();
    expect(staticSecurityHeaders().map((x) => x.key)).toContain("X-Content-Type-Options");
    expect(staticSecurityHeaders().map((x) => x.key)).not.toContain("Strict-Transport-Security");
  });
});

describe("next.config.js", () => {
  afterEach(() => vi.unstubAllEnvs());

  type TConfig = {
    poweredByHeader: boolean;
    headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]>;
  };
  function loadConfig(): TConfig {
    const require = createRequire(import.meta.url);
    const path = require.resolve("../../next.config.js");
    // Evaluated afresh: Next evaluates it at build time, with whatever environment the build had.
    delete require.cache[path];
    return require(path) as TConfig;
  }

  it("sends the same static headers as lib/security/headers.ts and hides X-Powered-By", async () => {
    const config = loadConfig();
    expect(config.poweredByHeader).toBe(false);
    const pageHeaders = (await config.headers()).find((h) => h.source === "/:path*")?.headers;
    expect(pageHeaders).toEqual(staticSecurityHeaders());
  });

  it("never decides HSTS at build time, even when the build runs with a production https configuration", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_URL", "https://clinreview.example.org");
    const all = await loadConfig().headers();
    expect(all.flatMap((h) => h.headers).map((h) => h.key)).not.toContain("Strict-Transport-Security");
  });
});
