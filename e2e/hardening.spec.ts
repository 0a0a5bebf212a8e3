import { expect, test } from "@playwright/test";
import { createUser } from "./support/db";
import { signInViaApi } from "./support/auth";

test("an anonymous oversized sign-in post is refused with 413 before it is read, and the server carries on", async ({
  request,
}) => {
  const res = await request.post("/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: Buffer.alloc(3_000_000, 97),
  });
  expect(res.status()).toBe(413);
  expect(res.headers()["content-type"]).toContain("application/problem+json");
  expect(((await res.json()) as { detail: string }).detail).toBe(
    "The request body is larger than 65536 bytes",
  );
  expect((await request.get("/api/health")).status()).toBe(200);
});

test("a JSON API body over 1 MB is refused with 413, signed in or not", async ({ page }) => {
  const admin = await createUser("ADMIN");
  await signInViaApi(page.request, admin.email);
  const res = await page.request.post("/api/v1/audits", {
    headers: { "content-type": "application/json" },
    data: Buffer.alloc(1_500_000, 32),
  });
  expect(res.status()).toBe(413);
});

test("TRACE answers 405, not 500", async ({ request }) => {
  const res = await request.fetch("/signin", { method: "TRACE" });
  expect(res.status()).toBe(405);
});

test("a signed-in visit to sign-in never redirects off the app, and control characters are refused", async ({
  page,
}) => {
  const user = await createUser("CLINICIAN");
  await signInViaApi(page.request, user.email);
  for (const hostile of ["/%09/evil.test", "//evil.test", "/%5C/evil.test", "https://evil.test/"]) {
    const res = await page.request.get(`/signin?callbackUrl=${hostile}`, { maxRedirects: 0 });
    if (res.status() === 400) continue;
    expect(res.status(), hostile).toBeGreaterThanOrEqual(300);
    const location = res.headers().location ?? "";
    expect(new URL(location, "http://app.test").origin, `${hostile} → ${location}`).toBe("http://app.test");
  }
  const crlf = await page.request.get("/signin?callbackUrl=/%0d%0aSet-Cookie:%20x=1", { maxRedirects: 0 });
  expect(crlf.status()).toBe(400);
  expect(crlf.headers()["set-cookie"] ?? "").not.toContain("x=1");
});

test("prefetch and RSC requests of pages carry the CSP and security headers, like the page itself", async ({
  page,
  request,
}) => {
  const user = await createUser("CLINICIAN");
  await signInViaApi(page.request, user.email);
  const variants: Record<string, string>[] = [
    {},
    { rsc: "1" },
    { rsc: "1", "next-router-prefetch": "1" },
    { purpose: "prefetch" },
    { "sec-purpose": "prefetch" },
  ];
  const targets = [
    { who: "signed in", client: page.request, path: "/seeds" },
    { who: "signed in", client: page.request, path: "/account" },
    { who: "anonymous", client: request, path: "/signin" },
  ];
  for (const { who, client, path } of targets) {
    for (const headers of variants) {
      const label = `${who} ${path} ${JSON.stringify(headers)}`;
      const res = await client.get(path, { headers, maxRedirects: 0 });
      expect(res.status(), label).toBeLessThan(500);
      const h = res.headers();
      expect(h["content-security-policy"] ?? "", label).toMatch(
        /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
      );
      expect(h["content-security-policy"] ?? "", label).toContain("frame-ancestors 'none'");
      expect(h["cache-control"] ?? "", label).toContain("no-store");
      expect(h["x-request-id"] ?? "", label).not.toBe("");
      expect(h["x-content-type-options"], label).toBe("nosniff");
      expect(h["x-frame-options"], label).toBe("DENY");
    }
  }
});
