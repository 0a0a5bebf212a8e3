import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createUser } from "./support/db";
import { signInViaApi } from "./support/auth";

test("a new seed's heading and title follow its first autosave, and its PHI kinds read as words", async ({
  page,
}) => {
  const s = randomBytes(3).toString("hex");
  const author = await createUser("CLINICIAN");
  await signInViaApi(page.request, author.email);
  await page.goto("/seeds/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New seed task");
  await expect(page).toHaveTitle(/^New seed ·/);

  await page
    .getByLabel("Instruction")
    .fill(`Summarise the referral letter for Mr. John Smith, DOB 03/04/1961, case ${s}.`);
  await expect(page.getByText(/Autosaved .* as a private draft/)).toBeVisible();
  // The autosave made it a seed: the page now says so, not "New seed".
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seed");
  await expect(page.getByTestId("seed-status")).toHaveText("draft");
  await expect(page.getByText("private draft · version 1")).toBeVisible();
  await expect(page).toHaveTitle(/^Seed ·/);
  await expect(page).toHaveURL(/\/seeds\/[0-9a-f-]{36}$/);

  const warning = page.getByRole("status").filter({ hasText: "Possible patient identifiers" });
  await expect(warning).toContainText("instruction: date of birth “03/04/1961”");
  await expect(warning).toContainText("instruction: person's name “John Smith”");
  await expect(warning).not.toContainText("_");

  // The seed's own page (editor and findings card) names the kinds the same way.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seed");
  const card = page
    .locator("section")
    .filter({ has: page.getByRole("heading", { name: "Possible patient identifiers" }) });
  await expect(card).toContainText("date of birth “03/04/1961”");
  await expect(card).not.toContainText("_");
});
