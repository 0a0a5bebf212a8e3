import { expect, test } from "@playwright/test";
import { createUser, PASSWORD, testDb } from "./support/db";
import { expectSignedIn, signInViaApi } from "./support/auth";

test("invite → set password → sign in → sign out", async ({ browser, page }) => {
  const admin = await createUser("ADMIN");
  await signInViaApi(page.request, admin.email);
  await page.goto("/admin/users");
  const invitee = `invitee-${Date.now()}@e2e.test`;
  await page.getByLabel("E-mail address").fill(invitee);
  await page.getByLabel("Role", { exact: true }).selectOption("RESEARCHER");
  await page.getByRole("button", { name: "Invite" }).click();
  const link = await page.getByTestId("invite-link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
  // Keyed by the invitation's id, never the address.
  const invitation = await testDb().accountLink.findFirstOrThrow({
    where: { email: invitee, kind: "INVITE" },
  });
  const inviteAudit = await testDb().auditLog.findFirst({
    where: { action: "user.invite", entityId: invitation.id },
  });
  expect(inviteAudit?.actorId).toBe(admin.id);

  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  await p.goto(link);
  await p.getByLabel("Your name").fill("Ivy Invitee");
  await p.getByLabel("New password").fill("invitee-password-1");
  await p.getByLabel("Repeat password").fill("invitee-password-1");
  await p.getByRole("button", { name: "Create my account" }).click();
  await expect(p.getByText("Your account is ready")).toBeVisible();

  // Single use: the same link no longer works.
  await p.goto(link);
  await expect(p.getByText("This invitation has expired or was already used")).toBeVisible();

  await p.goto("/signin");
  await p.getByLabel("E-mail").fill(invitee);
  await p.getByLabel("Password").fill("invitee-password-1");
  await p.getByRole("button", { name: "Sign in" }).click();
  await expect(p.getByTestId("current-role")).toHaveText("Researcher");

  await p.getByRole("button", { name: "Sign out" }).click();
  await expect(p).toHaveURL(/\/signin/);
  expect((await p.request.get("/api/v1/me")).status()).toBe(401);
  await p.goto("/account");
  await expect(p).toHaveURL(/\/signin/);
  await ctx.close();
});

test("unknown e-mail and wrong password answer identically; failures are recorded", async ({ request }) => {
  const user = await createUser("CLINICIAN");
  const wrong = await signInViaApi(request, user.email, "wrong-password-123");
  const unknown = await signInViaApi(request, `nobody-${Date.now()}@e2e.test`, "wrong-password-123");
  expect(wrong.status()).toBe(unknown.status());
  const body = (r: typeof wrong) =>
    r.json().then((j: { url?: string }) => (j.url ?? "").replace(/callbackUrl=[^&]*/, ""));
  expect(await body(wrong)).toBe(await body(unknown));
  expect(await body(wrong)).toContain("error=CredentialsSignin");
  const failures = await testDb().auditLog.count({
    where: { action: "auth.login_failed", entityId: user.id },
  });
  expect(failures).toBe(1);

  // The recorded address is the socket peer, not a client's own X-Forwarded-For (no TRUST_PROXY here).
  const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await request.post("/api/auth/callback/credentials", {
    form: {
      csrfToken: csrf.csrfToken,
      email: user.email,
      password: "spoofed-wrong-1",
      json: "true",
      callbackUrl: "/",
    },
    headers: { "x-forwarded-for": "203.0.113.9", "x-real-ip": "203.0.113.9" },
    maxRedirects: 0,
  });
  const spoofed = await testDb().auditLog.findMany({
    where: { action: "auth.login_failed", entityId: user.id },
    orderBy: { id: "desc" },
    take: 1,
  });
  expect(spoofed[0]?.ip).toBe("127.0.0.1");
});

test("failed sign-ins are rate-limited per account and address, without a permanent lockout", async ({
  request,
}) => {
  const user = await createUser("CLINICIAN");
  for (let i = 0; i < 5; i++) await signInViaApi(request, user.email, `wrong-${i}-password`);
  const blocked = await signInViaApi(request, user.email, PASSWORD);
  expect(((await blocked.json()) as { url: string }).url).toContain("error=Throttled");
  expect((await request.get("/api/v1/me")).status()).toBe(401);
  // The window slides: once the failures are older than the window, the right password works again.
  await testDb().loginFailure.updateMany({
    where: { key: { contains: user.email } },
    data: { createdAt: new Date(Date.now() - 16 * 60_000) },
  });
  await signInViaApi(request, user.email, PASSWORD);
  await expectSignedIn(request, user.email);
});

test("an admin's 'sign out everywhere' and disabling end sessions on the next request", async ({
  browser,
  page,
}) => {
  const admin = await createUser("ADMIN");
  const user = await createUser("CLINICIAN");
  const ctx = await browser.newContext();
  await signInViaApi(ctx.request, user.email);
  await expectSignedIn(ctx.request, user.email);

  await signInViaApi(page.request, admin.email);
  await page.goto("/admin/users");
  const row = page.getByTestId(`user-row-${user.email}`);
  await row.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(row.getByText("Signed out")).toBeVisible();
  expect((await ctx.request.get("/api/v1/me")).status()).toBe(401);

  await signInViaApi(ctx.request, user.email);
  await expectSignedIn(ctx.request, user.email);
  page.once("dialog", (d) => void d.accept());
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row.getByText("Disabled")).toBeVisible();
  expect((await ctx.request.get("/api/v1/me")).status()).toBe(401);
  const audit = await testDb().auditLog.findMany({
    where: { entityId: user.id, action: { in: ["user.sign_out_everywhere", "user.disable"] } },
  });
  expect(audit.map((a) => a.action).sort()).toEqual(["user.disable", "user.sign_out_everywhere"]);
  await ctx.close();
});

test("changing a role takes effect on the next request", async ({ browser, page }) => {
  const admin = await createUser("ADMIN");
  const user = await createUser("RESEARCHER");
  const ctx = await browser.newContext();
  await signInViaApi(ctx.request, user.email);
  expect(((await (await ctx.request.get("/api/v1/me")).json()) as { role: string }).role).toBe("RESEARCHER");

  await signInViaApi(page.request, admin.email);
  await page.goto("/admin/users");
  await page.getByTestId(`user-row-${user.email}`).getByLabel("Role").selectOption("CLINICIAN");
  await expect
    .poll(async () => (await testDb().user.findUniqueOrThrow({ where: { id: user.id } })).role)
    .toBe("CLINICIAN");
  expect(((await (await ctx.request.get("/api/v1/me")).json()) as { role: string }).role).toBe("CLINICIAN");
  const audit = await testDb().auditLog.findFirstOrThrow({
    where: { action: "user.role_change", entityId: user.id },
  });
  expect(audit.before).toEqual({ role: "RESEARCHER" });
  expect(audit.after).toEqual({ role: "CLINICIAN" });
  await ctx.close();
});
