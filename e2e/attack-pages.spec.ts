// The page half of the standing attack suite (tests/integration/attack-suite.test.ts): through
// `next start`, every page under app/ (the same generated list) answers an anonymous visitor with
// a redirect to sign in, or is a sign-in page, and carries the security headers. No browser:
// one request per page.
import { expect, test } from "@playwright/test";
import { appPages } from "../tests/support/attack/page-list";

const pages = appPages();

test("every page sends anonymous visitors to sign in and carries the security headers", async ({
  request,
}) => {
  expect(pages.length).toBeGreaterThanOrEqual(20);
  for (const page of pages) {
    const res = await request.get(page.path, { maxRedirects: 0 });
    const h = res.headers();
    const where = `${page.path} → ${res.status()} ${h.location ?? ""}`;
    if (page.public) {
      // Rendered, not offered here (forgot-password without mail), or sent elsewhere in the app.
      expect([200, 307, 404].includes(res.status()), where).toBe(true);
      if (res.status() === 307)
        expect(new URL(h.location ?? "", "http://app.test").origin, where).toBe("http://app.test");
    } else {
      expect(res.status(), where).toBe(307);
      // With the way back (the (app) layout usually redirects before the page: it was lost there).
      expect(h.location, where).toBe(`/signin?callbackUrl=${encodeURIComponent(page.path)}`);
    }
    expect(h["content-security-policy"], where).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(h["content-security-policy"], where).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"], where).toBe("nosniff");
    expect(h["x-frame-options"], where).toBe("DENY");
    expect(h["referrer-policy"], where).toBe("no-referrer");
    expect(h["cross-origin-opener-policy"], where).toBe("same-origin");
    expect(h["permissions-policy"], where).toContain("camera=()");
    expect(h["cache-control"], where).toContain("no-store");
    expect(h["x-powered-by"], where).toBeUndefined();
  }
});
