import path from "node:path";
import { expect, test } from "@playwright/test";
import { createUser, testDb } from "./support/db";
import { signInViaApi } from "./support/auth";

const SEED_FILE = path.resolve(__dirname, "../../shared/data/alpacare/med_seed.json");

test("an admin checks the real seed file, maps an unknown label, adds the rest and imports all 167", async ({ page }) => {
  const admin = await createUser("ADMIN");
  const existing = await testDb().vocabularyTerm.findFirst({ where: { kind: "TYPE", label: "Classification" } });
  const classification = existing ?? (await testDb().vocabularyTerm.create({ data: { kind: "TYPE", label: "Classification", aliases: [] } }));
  await signInViaApi(page.request, admin.email);
  await page.goto("/admin/vocabulary");
  await page.getByLabel("Seed file (AlpaCare JSON or JSON Lines)").setInputFiles(SEED_FILE);
  await page.getByRole("button", { name: "Check" }).click();
  const table = page.getByTestId("unknown-labels");
  await expect(table).toBeVisible();
  const row = table.getByRole("row").filter({ hasText: "Classifications" });
  await row.getByLabel("Map “Classifications” to").selectOption({ label: "Classification" });
  await row.getByRole("button", { name: "Map" }).click();
  await expect(row.getByText("Mapped to “Classification”")).toBeVisible();
  expect((await testDb().vocabularyTerm.findUniqueOrThrow({ where: { id: classification.id } })).aliases).toContain("Classifications");

  const before = await testDb().seed.count();
  await page.getByLabel("Import as").selectOption("approved");
  await page.getByLabel("Add remaining unknown labels as new terms").check();
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("Imported 167 seeds")).toBeVisible();
  // Record 73 addresses "Miss Smith": held as submitted for a reviewer rather than approved.
  await expect(page.getByTestId("held-for-review")).toContainText("Held 1 seeds with possible patient identifiers");
  await expect(page.getByTestId("held-for-review")).toContainText("records 73");
  expect(await testDb().seed.count()).toBe(before + 167);
  expect(await testDb().seed.count({ where: { importedById: admin.id, status: "APPROVED" } })).toBe(166);
  const imported = await testDb().seed.findMany({ where: { importedById: admin.id }, include: { type: true } });
  expect(imported.filter((s) => s.type?.label === "Classifications")).toHaveLength(0);
  expect(imported.filter((s) => s.typeId === classification.id).length).toBeGreaterThanOrEqual(3);
});
