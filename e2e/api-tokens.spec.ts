import { expect, test } from "@playwright/test";
import { createToken, createUser, testDb } from "./support/db";
import { signInViaApi } from "./support/auth";

test("a token created in the UI authenticates /api/v1 with the owner's role until revoked", async ({
  page,
  playwright,
}) => {
  const user = await createUser("RESEARCHER");
  await signInViaApi(page.request, user.email);
  await page.goto("/account");
  await page.getByLabel("Token name").fill("pipeline");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByTestId("new-token").inputValue();
  expect(token).toMatch(/^crv_/);
  // Stored hashed: the token itself is nowhere in the database.
  const row = await testDb().apiToken.findFirstOrThrow({ where: { userId: user.id } });
  expect(row.tokenHash).not.toContain(token);

  const api = await playwright.request.newContext({
    baseURL: page.url().replace(/\/account.*/, ""),
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  const me = await api.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: user.email, role: "RESEARCHER", authenticatedVia: "token" });
  expect((await api.get("/api/v1/audit-log.csv")).status()).toBe(403);

  await page.reload();
  await page.getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("Revoked").first()).toBeVisible();
  expect((await api.get("/api/v1/me")).status()).toBe(401);
  await api.dispose();
});

test("expired and malformed tokens are refused; an admin token reads the audit CSV", async ({
  playwright,
  baseURL,
}) => {
  const admin = await createUser("ADMIN");
  const expired = await createToken(admin.id, { expiresAt: new Date(Date.now() - 1000) });
  const good = await createToken(admin.id);
  const call = async (token: string, path = "/api/v1/me") => {
    const ctx = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${token}` },
    });
    const res = await ctx.get(path);
    const out = { status: res.status(), type: res.headers()["content-type"] ?? "", text: await res.text() };
    await ctx.dispose();
    return out;
  };
  expect((await call(expired.token)).status).toBe(401);
  expect((await call("crv_garbage")).status).toBe(401);
  const csv = await call(good.token, "/api/v1/audit-log.csv");
  expect(csv.status).toBe(200);
  expect(csv.type).toContain("text/csv");
  expect(csv.text.split("\r\n")[0]).toBe(
    "id,time,actor_id,actor_email,action,entity_type,entity_id,before,after,request_id,ip,actor_name,subject_id,subject_name,subject_email",
  );
  const exportAudit = await testDb().auditLog.count({
    where: { actorId: admin.id, action: "audit_log.export" },
  });
  expect(exportAudit).toBe(1);
  const bad = await call(good.token, "/api/v1/audit-log.csv?from=not-a-date");
  expect(bad.status).toBe(400);
  expect(bad.type).toContain("application/problem+json");
  expect(JSON.parse(bad.text)).toMatchObject({ errors: { from: ["Use a date like 2026-01-31"] } });
});

test("cookie-authenticated writes from another origin are refused; bearer calls and same-origin writes are not", async ({
  page,
  playwright,
  baseURL,
}) => {
  const user = await createUser("CLINICIAN");
  const a = await createToken(user.id);
  const b = await createToken(user.id);
  const other = await createUser("CLINICIAN");
  const foreign = await createToken(other.id);
  await signInViaApi(page.request, user.email);

  const crossSite = await page.request.delete(`/api/v1/tokens/${a.id}`, {
    headers: { origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
  expect((await testDb().apiToken.findUniqueOrThrow({ where: { id: a.id } })).revokedAt).toBeNull();

  const sameSite = await page.request.delete(`/api/v1/tokens/${a.id}`, {
    headers: { origin: baseURL ?? "" },
  });
  expect(sameSite.status()).toBe(204);
  expect((await testDb().apiToken.findUniqueOrThrow({ where: { id: a.id } })).revokedAt).not.toBeNull();

  // Someone else's token id is a 404, not a revocation.
  const notMine = await page.request.delete(`/api/v1/tokens/${foreign.id}`, {
    headers: { origin: baseURL ?? "" },
  });
  expect(notMine.status()).toBe(404);
  expect((await testDb().apiToken.findUniqueOrThrow({ where: { id: foreign.id } })).revokedAt).toBeNull();

  const badId = await page.request.delete(`/api/v1/tokens/not-a-uuid`, {
    headers: { origin: baseURL ?? "" },
  });
  expect(badId.status()).toBe(400);

  const pipeline = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${b.token}`, origin: "https://elsewhere.example" },
  });
  expect((await pipeline.delete(`/api/v1/tokens/${b.id}`)).status()).toBe(204);
  await pipeline.dispose();
});
