import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createUser, testDb } from "./support/db";
import { signInViaApi } from "./support/auth";

test("an admin removes an alias, renames a term and retires it into another; clinicians can no longer choose it", async ({
  page,
  browser,
}) => {
  const s = randomBytes(3).toString("hex");
  const [rewrite, chat] = [`Rewrite ${s}`, `Chat ${s}`];
  const term = await testDb().vocabularyTerm.create({
    data: { kind: "TYPE", label: rewrite, aliases: [`Rewrites ${s}`] },
  });
  const target = await testDb().vocabularyTerm.create({ data: { kind: "TYPE", label: chat, aliases: [] } });
  const admin = await createUser("ADMIN");
  await signInViaApi(page.request, admin.email);
  await page.goto("/admin/vocabulary");
  // The page lists 50 terms at a time: this test's terms are found by search (label or alias).
  await page.getByLabel("Search terms (label or alias)").fill(s);
  await expect(page.getByTestId("count-live")).toHaveText("Showing 2 of 2 terms");

  await page.getByRole("button", { name: `Remove alias “Rewrites ${s}” of “${rewrite}”` }).click();
  await expect
    .poll(async () => (await testDb().vocabularyTerm.findUniqueOrThrow({ where: { id: term.id } })).aliases)
    .toEqual([]);
  await expect(
    page.getByRole("button", { name: `Remove alias “Rewrites ${s}” of “${rewrite}”` }),
  ).toHaveCount(0);

  const row = page.getByTestId("vocabulary-term").filter({ hasText: `Manage “${rewrite}”` });
  await row.getByText(`Manage “${rewrite}”`).click();
  await row.getByLabel(`New label for “${rewrite}”`).fill(`Rewriting ${s}`);
  await row.getByRole("button", { name: "Rename" }).click();
  await expect
    .poll(async () => testDb().vocabularyTerm.findUniqueOrThrow({ where: { id: term.id } }))
    .toMatchObject({ label: `Rewriting ${s}`, aliases: [rewrite] });

  // The row stays open across the refresh, now under its new name.
  const renamed = page.getByTestId("vocabulary-term").filter({ hasText: `Manage “Rewriting ${s}”` });
  await expect(renamed.getByText("Renamed.")).toBeVisible();
  // A typeahead, not a <select> of every term.
  await renamed.getByRole("combobox", { name: `Imports that use “Rewriting ${s}” map to` }).fill(`Chat ${s}`);
  await renamed.getByRole("option", { name: chat }).click();
  await renamed.getByRole("button", { name: "Retire" }).click();
  await page.getByLabel("Search retired terms (label or alias)").fill(s);
  await expect(page.getByTestId("terms-retired")).toContainText(`Rewriting ${s}`);
  const retired = await testDb().vocabularyTerm.findUniqueOrThrow({ where: { id: term.id } });
  expect(retired.retiredAt).not.toBeNull();
  expect((await testDb().vocabularyTerm.findUniqueOrThrow({ where: { id: target.id } })).aliases).toEqual([
    `Rewriting ${s}`,
    rewrite,
  ]);
  const actions = (
    await testDb().auditLog.findMany({ where: { entityId: term.id }, orderBy: { id: "asc" } })
  ).map((a) => a.action);
  expect(actions).toEqual(["vocabulary.remove_alias", "vocabulary.rename_term", "vocabulary.retire_term"]);

  const clinician = await createUser("CLINICIAN");
  const c = await (await browser.newContext()).newPage();
  await signInViaApi(c.request, clinician.email);
  await c.goto("/seeds/new");
  const types = await c.getByLabel("Type (task format)").locator("option").allTextContents();
  expect(types).toContain(chat);
  expect(types.filter((t) => t.includes(s))).toEqual([chat]);
});
