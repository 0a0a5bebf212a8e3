import { expect, test } from "@playwright/test";
import { testDb } from "./support/db";

// Runs first, on the empty database: /setup exists only while there is no admin.
test("the first visit offers setup, creates the first admin once, then setup is gone", async ({ page }) => {
  expect(await testDb().user.count({ where: { role: "ADMIN" } })).toBe(0);
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);

  // Bad input: field-level errors, nothing written.
  await page.getByLabel("Your name").fill("First Admin");
  await page.getByLabel("E-mail").fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByLabel("Repeat password").fill("different");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("Enter a valid e-mail address")).toBeVisible();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();
  expect(await testDb().user.count()).toBe(0);

  await page.getByLabel("E-mail").fill("first.admin@e2e.test");
  await page.getByLabel("Password", { exact: true }).fill("first-admin-password");
  await page.getByLabel("Repeat password").fill("first-admin-password");
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByText("The first admin account is ready")).toBeVisible();

  const admin = await testDb().user.findUniqueOrThrow({ where: { email: "first.admin@e2e.test" } });
  expect(admin.role).toBe("ADMIN");
  expect(admin.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  const audit = await testDb().auditLog.findFirst({
    where: { action: "user.setup_admin", entityId: admin.id },
  });
  expect(audit).not.toBeNull();

  await page.goto("/setup");
  await expect(page).toHaveURL(/\/signin/);

  await page.getByLabel("E-mail").fill("first.admin@e2e.test");
  await page.getByLabel("Password").fill("first-admin-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, First Admin" })).toBeVisible();
});
