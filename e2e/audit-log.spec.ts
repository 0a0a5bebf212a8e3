import { expect, test } from "@playwright/test";
import { createUser, testDb } from "./support/db";
import { signInViaApi } from "./support/auth";

test("admins browse and filter the audit trail and download the filtered CSV", async ({ page }) => {
  const admin = await createUser("ADMIN");
  const target = await createUser("CLINICIAN");
  await testDb().auditLog.create({
    data: {
      actorId: admin.id,
      action: "user.role_change",
      entityType: "user",
      entityId: target.id,
      before: { role: "RESEARCHER" },
      after: { role: "CLINICIAN" },
    },
  });
  await signInViaApi(page.request, admin.email);
  await page.goto("/admin/audit-log");
  await page.getByLabel("Entity id").fill(target.id);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`entityId=${target.id}`));
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("user.role_change");
  await expect(rows.first()).toContainText('"role":"CLINICIAN"');

  const href = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
  expect(href).toContain(`entityId=${target.id}`);
  const csv = await page.request.get(href ?? "");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain("user.role_change");
});

test("the trail names people as they are now: pseudonymising one changes what is shown, not the rows", async ({
  page,
}) => {
  const admin = await createUser("ADMIN");
  const target = await createUser("CLINICIAN", { name: "Dora Departing" });
  const row = await testDb().auditLog.create({
    data: {
      actorId: target.id,
      action: "user.role_change",
      entityType: "user",
      entityId: target.id,
      before: { role: "RESEARCHER" },
      after: { role: "CLINICIAN" },
    },
  });
  await testDb().user.update({ where: { id: target.id }, data: { status: "DISABLED" } });
  await signInViaApi(page.request, admin.email);
  const shown = async () => {
    await page.goto(`/admin/audit-log?entityId=${target.id}&action=user.role_change`);
    return page.locator("tbody tr").first();
  };
  const before = await shown();
  await expect(before).toContainText("Dora Departing");
  await expect(before).toContainText(target.email);

  await page.goto("/admin/users");
  page.once("dialog", (d) => void d.accept());
  await page.getByTestId(`user-row-${target.email}`).getByRole("button", { name: "Pseudonymise" }).click();
  await expect(
    page.getByTestId(`user-row-${target.pseudonym.toLowerCase()}@pseudonymised.invalid`),
  ).toContainText("Pseudonymised");

  const after = await shown();
  await expect(after).toContainText(`Former user ${target.pseudonym}`);
  await expect(after).not.toContainText("Dora Departing");
  await expect(after).not.toContainText(target.email);
  expect(await testDb().auditLog.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
});
