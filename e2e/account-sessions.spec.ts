import { expect, test, type APIRequestContext } from "@playwright/test";
import { createUser, testDb } from "./support/db";
import { expectSignedIn, signInViaApi } from "./support/auth";

async function csrfToken(request: APIRequestContext): Promise<string> {
  const res = await request.get("/api/auth/csrf");
  expect(res.ok()).toBeTruthy();
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/** The newest session row of a user: the one the last sign-in created. */
async function latestSessionId(userId: string): Promise<string> {
  const s = await testDb().session.findFirstOrThrow({ where: { userId }, orderBy: { createdAt: "desc" } });
  return s.id;
}

test("roles and identity are never taken from client-supplied session updates", async ({
  browser,
  request,
}) => {
  const admin = await createUser("ADMIN");
  const clinician = await createUser("CLINICIAN");
  const adminCtx = await browser.newContext();
  await signInViaApi(adminCtx.request, admin.email);
  await expectSignedIn(adminCtx.request, admin.email);
  const adminSid = await latestSessionId(admin.id);

  await signInViaApi(request, clinician.email);
  await expectSignedIn(request, clinician.email);
  const ownSid = await latestSessionId(clinician.id);

  // next-auth's update() path: without the right CSRF token it is refused outright…
  const forged = {
    role: "ADMIN",
    id: admin.id,
    email: admin.email,
    sid: adminSid,
    user: { id: admin.id, role: "ADMIN" },
  };
  const noCsrf = await request.post("/api/auth/session", {
    data: { csrfToken: "not-the-token", data: forged },
  });
  expect(noCsrf.status()).toBe(400);
  // …with it, the update runs (200, a fresh cookie) but keeps nothing the client sent.
  const updated = await request.post("/api/auth/session", {
    data: { csrfToken: await csrfToken(request), data: forged },
  });
  expect(updated.status()).toBe(200);
  const body = (await updated.json()) as Record<string, unknown>;
  expect(body.sid).toBe(ownSid);
  expect(body).not.toHaveProperty("role");
  expect(body).not.toHaveProperty("user");

  const me = await request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({
    id: clinician.id,
    email: clinician.email,
    role: "CLINICIAN",
    authenticatedVia: "session",
  });
  expect((await request.get("/api/v1/audit-log.csv")).status()).toBe(403);
  expect((await request.get("/api/auth/session").then((r) => r.json())) as { sid?: string }).toMatchObject({
    sid: ownSid,
  });
  // The admin's own session is untouched by the attempt.
  await expectSignedIn(adminCtx.request, admin.email);
  expect((await adminCtx.request.get("/api/v1/audit-log.csv")).status()).toBe(200);
  await adminCtx.close();
});

test("sign-out revokes the session on the server: the old cookie replayed is refused", async ({
  playwright,
  request,
  baseURL,
}) => {
  const user = await createUser("RESEARCHER");
  await signInViaApi(request, user.email);
  await expectSignedIn(request, user.email);
  const sid = await latestSessionId(user.id);
  const saved = await request.storageState();
  expect(saved.cookies.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);
  const replay = await playwright.request.newContext({ baseURL, storageState: saved });
  await expectSignedIn(replay, user.email);

  const out = await request.post("/api/auth/signout", {
    form: { csrfToken: await csrfToken(request), callbackUrl: "/", json: "true" },
  });
  expect(out.status()).toBe(200);
  expect((await request.get("/api/v1/me")).status()).toBe(401);

  // The same cookie, kept by an attacker or another tab, no longer works either.
  expect((await replay.get("/api/v1/me")).status()).toBe(401);
  expect((await testDb().session.findUniqueOrThrow({ where: { id: sid } })).revokedAt).not.toBeNull();
  const audit = await testDb().auditLog.findMany({ where: { action: "auth.logout", entityId: sid } });
  expect(audit).toHaveLength(1);
  expect(audit[0]).toMatchObject({ actorId: user.id, entityType: "session" });
  await replay.dispose();
});

test("own sessions on /account: revoke one, a foreign id is refused, sign out everywhere ends all", async ({
  browser,
  page,
}) => {
  const user = await createUser("CLINICIAN");
  const other = await createUser("CLINICIAN");
  await signInViaApi(page.request, user.email);
  const hereSid = await latestSessionId(user.id);
  const second = await browser.newContext();
  await signInViaApi(second.request, user.email);
  const thereSid = await latestSessionId(user.id);
  const foreign = await browser.newContext();
  await signInViaApi(foreign.request, other.email);
  const foreignSid = await latestSessionId(other.id);
  for (const [r, email] of [
    [page.request, user.email],
    [second.request, user.email],
    [foreign.request, other.email],
  ] as const) {
    await expectSignedIn(r, email);
  }

  await page.goto("/account");
  const card = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "Where you are signed in" }) });
  await expect(card.getByRole("listitem")).toHaveCount(2);
  await expect(card.getByRole("listitem").filter({ hasText: "This browser" })).toHaveCount(1);
  const revoke = card.getByRole("button", { name: "Sign out", exact: true });
  await expect(revoke).toHaveCount(1);
  await expect(card.locator('input[name="sessionId"]')).toHaveValue(thereSid);

  // A forged form posting someone else's session id: not found, and nothing changes.
  await card
    .locator('input[name="sessionId"]')
    .evaluate((el, id) => ((el as HTMLInputElement).value = id), foreignSid);
  await revoke.click();
  await expect(card.getByText("Session not found")).toBeVisible();
  await expectSignedIn(foreign.request, other.email);
  await expectSignedIn(second.request, user.email);
  expect(
    await testDb().session.count({
      where: { id: { in: [foreignSid, thereSid, hereSid] }, revokedAt: { not: null } },
    }),
  ).toBe(0);
  expect(await testDb().auditLog.count({ where: { action: "session.revoke", entityId: foreignSid } })).toBe(
    0,
  );

  await page.reload();
  await card.getByRole("button", { name: "Sign out", exact: true }).click();
  // The page revalidates: the revoked session leaves the list, this browser stays.
  await expect(card.getByRole("listitem")).toHaveCount(1);
  await expect(card.getByRole("listitem")).toContainText("This browser");
  expect((await second.request.get("/api/v1/me")).status()).toBe(401);
  await expectSignedIn(page.request, user.email);
  const revokedAudit = await testDb().auditLog.findFirstOrThrow({
    where: { action: "session.revoke", entityId: thereSid },
  });
  expect(revokedAudit.actorId).toBe(user.id);

  // Sign out everywhere, this browser included; the other user keeps their session.
  await signInViaApi(second.request, user.email);
  await expectSignedIn(second.request, user.email);
  await page.reload();
  await expect(card.getByRole("listitem")).toHaveCount(2);
  page.once("dialog", (d) => void d.accept());
  await card.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect
    .poll(async () => testDb().session.count({ where: { userId: user.id, revokedAt: null } }))
    .toBe(0);
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
  expect((await second.request.get("/api/v1/me")).status()).toBe(401);
  await expectSignedIn(foreign.request, other.email);
  const everywhere = await testDb().auditLog.findFirstOrThrow({
    where: { action: "user.sign_out_everywhere", entityId: user.id },
  });
  expect(everywhere.actorId).toBe(user.id);
  expect(everywhere.after).toEqual({ sessionsRevoked: 2 });
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin/);
  await second.close();
  await foreign.close();
});
