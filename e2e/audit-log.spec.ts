import { randomUUID } from "node:crypto";
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
  const rows = page.getByTestId("audit-entry");
  await expect(rows).toHaveCount(1);
  // In words, with the change as a field (not JSON).
  await expect(rows.first()).toContainText(`${admin.name} changed the account's role`);
  await expect(rows.first().getByTestId("audit-changes")).toContainText("role");
  await expect(rows.first().locator("del")).toContainText("RESEARCHER");
  await expect(rows.first().locator("ins")).toContainText("CLINICIAN");
  await expect(rows.first()).not.toContainText('"role"');

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
    return page.getByTestId("audit-entry").first();
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

test("entities link to their page, a deleted one says so, and the filters narrow by action, entity and person", async ({
  page,
}) => {
  const admin = await createUser("ADMIN");
  const other = await createUser("ADMIN");
  const dataset = await testDb().dataset.create({
    data: { name: `Linked dataset ${admin.pseudonym}`, createdById: admin.id, status: "READY" },
  });
  const gone = randomUUID();
  await testDb().auditLog.createMany({
    data: [
      {
        actorId: admin.id,
        action: "dataset.import",
        entityType: "dataset",
        entityId: dataset.id,
        after: { count: 4 },
      },
      { actorId: other.id, action: "audit.close", entityType: "audit_campaign", entityId: gone },
    ],
  });
  await signInViaApi(page.request, admin.email);

  await page.goto(`/admin/audit-log?entityId=${gone}`);
  const deleted = page.getByTestId("audit-entry");
  await expect(deleted).toHaveCount(1);
  await expect(deleted).toContainText(`${other.name} closed the audit campaign`);
  await expect(deleted).toContainText("(deleted)");

  await page.goto("/admin/audit-log");
  await page.getByLabel("Action").selectOption("dataset.import");
  await page.getByLabel("Entity", { exact: true }).selectOption("dataset");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/action=dataset.import/);
  const row = page.getByTestId("audit-entry").filter({ hasText: dataset.name });
  await expect(row).toContainText("imported a dataset");

  // The actor's name filters by that person.
  await row.getByRole("link", { name: admin.name }).click();
  await expect(page).toHaveURL(new RegExp(`actorId=${admin.id}`));
  await expect(page.getByTestId("audit-entry").filter({ hasText: other.name })).toHaveCount(0);

  // A bad filter is said to be bad, never a silently empty page.
  await page.goto("/admin/audit-log?action=not%20an%20action");
  await expect(page.getByText("Some filters are not valid")).toBeVisible();

  await page.goto("/admin/audit-log?action=dataset.import");
  await page
    .getByTestId("audit-entry")
    .filter({ hasText: dataset.name })
    .getByRole("link", { name: dataset.name })
    .click();
  await expect(page).toHaveURL(new RegExp(`/datasets/${dataset.id}$`));
});

test("the trail fits a 375 px phone: no sideways scrolling, even with long values", async ({ browser }) => {
  const admin = await createUser("ADMIN");
  const long = "x".repeat(280);
  await testDb().auditLog.create({
    data: {
      actorId: admin.id,
      action: "seed.save",
      entityType: "seed",
      entityId: randomUUID(),
      before: { instruction: long, nested: { deep: { value: long } } },
      after: { instruction: `${long}y`, nested: { deep: { value: "short" } } },
      requestId: randomUUID(),
      ip: "2001:db8:85a3:0000:0000:8a2e:0370:7334",
    },
  });
  const page = await (await browser.newContext({ viewport: { width: 375, height: 800 } })).newPage();
  await signInViaApi(page.request, admin.email);
  await page.goto("/admin/audit-log?action=seed.save");
  await expect(page.getByTestId("audit-entry").first()).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.context().close();
});
