import { spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { createUser } from "./support/db";
import { signInViaApi } from "./support/auth";

test("pages carry a nonce CSP and security headers; authenticated responses are not cached", async ({
  page,
}) => {
  const user = await createUser("CLINICIAN");
  await signInViaApi(page.request, user.email);
  const res = await page.goto("/account");
  const h = res?.headers() ?? {};
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("no-referrer");
  expect(h["x-powered-by"]).toBeUndefined();
  expect(h["cache-control"]).toContain("no-store");
  const api = await page.request.get("/api/v1/me");
  expect(api.headers()["cache-control"]).toContain("no-store");
  expect(api.headers()["x-request-id"]).toBeTruthy();
});

test("health answers 200 with the database, and health and the API 503 within 5 s without it", async ({
  request,
}) => {
  const ok = await request.get("/api/health");
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ status: "ok", database: "ok" });

  // A second instance whose database is unreachable (nothing listens on that port).
  const port = Number(process.env.E2E_PORT ?? 3100) + 90;
  const child = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        DATABASE_URL: "postgresql://nobody@127.0.0.1:9/none",
        NEXTAUTH_SECRET: "x".repeat(40),
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        NODE_ENV: "production",
        LOG_LEVEL: "silent",
      },
      stdio: "ignore",
    },
  );
  try {
    let status = 0;
    let elapsed = 0;
    for (let i = 0; i < 60 && status === 0; i++) {
      const started = Date.now();
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/health`);
        elapsed = Date.now() - started;
        status = r.status;
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    expect(status).toBe(503);
    // Timed again once the route is loaded: the bound is on waiting for the database, not on the
    // first request's module loading, which a loaded CI machine can stretch past it.
    const again = Date.now();
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(503);
    elapsed = Date.now() - again;
    expect(elapsed).toBeLessThan(5_000);
    // The API says the same, with Retry-After, never a 500 (nor the database's address).
    const api = await fetch(`http://127.0.0.1:${port}/api/v1/me`, {
      headers: { authorization: `Bearer crv_${"a".repeat(43)}` },
    });
    expect(api.status).toBe(503);
    expect(api.headers.get("retry-after")).toBe("5");
    expect(api.headers.get("content-type")).toContain("application/problem+json");
    expect(await api.text()).not.toContain("127.0.0.1:9");
  } finally {
    child.kill();
  }
});

test("the OpenAPI document lists every /api/v1 route", async ({ request }) => {
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as {
    openapi: string;
    paths: Record<string, unknown>;
  };
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/me", "/api/v1/audit-log.csv"]));
});
