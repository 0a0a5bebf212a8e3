// A second `next start` with SSO (a fake OIDC provider) and mail (a fake SMTP server) configured,
// driven through the real next-auth flow in the browser; plus the error pages and request logs.
import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { startFakeOidc, type TFakeOidc } from "../tests/support/fake-oidc-provider";
import { startFakeSmtp, type TFakeSmtp } from "../tests/support/fake-smtp";
import { createUser, testDb } from "./support/db";

const port = Number(process.env.E2E_PORT ?? 3100) + 80;
const base = `http://127.0.0.1:${port}`;
let oidc: TFakeOidc;
let smtp: TFakeSmtp;
let app: ChildProcess;
let appLog = "";

async function waitForHealth(url: string): Promise<number> {
  for (let i = 0; i < 120; i++) {
    try {
      return (await fetch(url)).status;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return 0;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  // Run alone, this spec would meet the first-run /setup redirect; 01-setup.spec.ts creates the admin otherwise.
  if ((await testDb().user.count({ where: { role: "ADMIN" } })) === 0) await createUser("ADMIN");
  oidc = await startFakeOidc();
  smtp = await startFakeSmtp();
  app = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        NEXTAUTH_SECRET: "sso-and-mail-secret-sso-and-mail-secret-0123",
        NEXTAUTH_URL: base,
        NODE_ENV: "production",
        LOG_LEVEL: "info",
        SMTP_URL: smtp.url,
        SMTP_FROM: "ClinReview <no-reply@clinreview.test>",
        OIDC_ISSUER: oidc.issuer,
        OIDC_CLIENT_ID: oidc.clientId,
        OIDC_CLIENT_SECRET: oidc.clientSecret,
        OIDC_DISPLAY_NAME: "Test Hospital",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  app.stdout?.on("data", (c: Buffer) => (appLog += c.toString("utf8")));
  app.stderr?.on("data", (c: Buffer) => (appLog += c.toString("utf8")));
  expect(await waitForHealth(`${base}/api/health`)).toBe(200);
});

test.afterAll(async () => {
  app?.kill();
  await oidc?.stop();
  await smtp?.stop();
});

test("an invited, active user signs in through SSO (PKCE) and gets a database session", async ({ page }) => {
  const user = await createUser("CLINICIAN");
  oidc.nextUser = { sub: `idp-${user.id}`, email: user.email.toUpperCase(), name: "From the IdP" };
  await page.goto(`${base}/signin`);
  await page.getByRole("button", { name: "Sign in with Test Hospital" }).click();
  await page.waitForURL(`${base}/`);
  const me = await page.request.get(`${base}/api/v1/me`);
  expect(me.status()).toBe(200);
  expect(((await me.json()) as { email: string }).email).toBe(user.email);
  expect(oidc.tokenRequests.at(-1)).toEqual({ pkceVerified: true, sub: `idp-${user.id}` });
  expect(await testDb().session.count({ where: { userId: user.id, revokedAt: null } })).toBe(1);
  expect(await testDb().auditLog.count({ where: { actorId: user.id, action: "auth.login_sso" } })).toBe(1);
});

test("an e-mail nobody invited is refused with AccessDenied and gets no session", async ({ page }) => {
  oidc.nextUser = { sub: "idp-stranger", email: "stranger@e2e.test", name: "Stranger" };
  const sessionsBefore = await testDb().session.count();
  await page.goto(`${base}/signin`);
  await page.getByRole("button", { name: "Sign in with Test Hospital" }).click();
  await page.waitForURL(/\/signin\?.*error=AccessDenied/);
  await expect(page.getByText("Your hospital account has no ClinReview access yet")).toBeVisible();
  expect((await page.request.get(`${base}/api/v1/me`)).status()).toBe(401);
  expect(await testDb().session.count()).toBe(sessionsBefore);
  expect(oidc.tokenRequests.at(-1)?.sub).toBe("idp-stranger");
});

test("forgot password: the link arrives by mail and sets a new password; the token never reaches the logs", async ({
  page,
}) => {
  const user = await createUser("RESEARCHER");
  await page.goto(`${base}/signin`);
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account exists for that address");

  const mail = await smtp.waitFor(user.email);
  const link = new RegExp(`${base}/reset-password/[A-Za-z0-9_-]+`).exec(mail.text)?.[0];
  expect(link).toBeTruthy();
  await page.goto(link ?? "");
  await page.getByLabel("New password").fill("my new long password");
  await page.getByLabel("Repeat password").fill("my new long password");
  await page.getByRole("button").click();
  await expect(page.getByText("Your password is changed")).toBeVisible();

  await page.goto(`${base}/signin`);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill("my new long password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL(`${base}/`);

  const token = (link ?? "").split("/").pop() ?? "";
  const lines = appLog
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as { msg: string; path?: string; method?: string; requestId?: string });
  const resetView = lines.find((l) => l.msg === "page request" && l.path === "/reset-password/:redacted");
  expect(resetView).toMatchObject({ method: "GET", requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  expect(appLog).not.toContain(token);
  expect(
    await testDb().auditLog.count({ where: { action: "user.reset_requested", entityId: user.id } }),
  ).toBe(1);
});

test("without mail the reset page is not offered; unknown pages answer a friendly 404 with a request id", async ({
  page,
}) => {
  await page.goto("/signin");
  await expect(page.getByRole("link", { name: "Forgot your password?" })).toHaveCount(0);
  const res = await page.goto("/forgot-password");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect(res?.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("a page whose database is unreachable answers 503 with Retry-After and says so, never a stack trace", async ({
  page,
}) => {
  // A third instance whose database is unreachable: every page that reads it fails.
  const brokenPort = port + 1;
  const broken = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(brokenPort), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        DATABASE_URL: "postgresql://nobody@127.0.0.1:9/none",
        NEXTAUTH_SECRET: "y".repeat(40),
        NEXTAUTH_URL: `http://127.0.0.1:${brokenPort}`,
        NODE_ENV: "production",
        LOG_LEVEL: "silent",
      },
      stdio: "ignore",
    },
  );
  try {
    expect(await waitForHealth(`http://127.0.0.1:${brokenPort}/api/health`)).toBe(503);
    const res = await page.goto(`http://127.0.0.1:${brokenPort}/signin`);
    expect(res?.status()).toBe(503);
    expect(res?.headers()["retry-after"]).toMatch(/^\d+$/);
    // The server sends only an error shell with a digest; app/error.tsx renders in the browser.
    expect(await res?.text()).not.toMatch(/ECONNREFUSED|at async|node_modules|prisma/i);
    await expect(page.getByRole("heading", { name: "Database unavailable" })).toBeVisible();
    expect(await page.locator("body").innerText()).not.toMatch(
      /ECONNREFUSED|at async|node_modules|prisma|Error:/i,
    );
  } finally {
    broken.kill();
  }
});
