import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createUser, testDb } from "./support/db";
import { signInViaApi } from "./support/auth";

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInViaApi(page.request, email);
  return page;
}

test("a stale save shows both versions side by side; the author takes their input and saves the rest on top", async ({
  browser,
}) => {
  const s = randomBytes(3).toString("hex");
  const author = await createUser("CLINICIAN");
  const labels = { TOPIC: `Cardiology ${s}`, VIEW: `Patient ${s}`, TYPE: `Open Q&A ${s}` };
  for (const [kind, label] of Object.entries(labels)) {
    await testDb().vocabularyTerm.create({
      data: { kind: kind as "TOPIC" | "VIEW" | "TYPE", label, aliases: [] },
    });
  }

  const laptop = await signedInPage(browser, author.email);
  await laptop.goto("/seeds/new");
  await laptop.getByLabel("Topic", { exact: true }).selectOption({ label: labels.TOPIC });
  await laptop.getByLabel("View (whose perspective)").selectOption({ label: labels.VIEW });
  await laptop.getByLabel("Type (task format)").selectOption({ label: labels.TYPE });
  await laptop.getByLabel("Instruction").fill(`Explain angina ${s}.`);
  await laptop.keyboard.press("Control+s");
  await expect(laptop.getByText("Saved version 1.")).toBeVisible();
  await expect(laptop).toHaveURL(/\/seeds\/[0-9a-f-]{36}$/);
  const seedId = laptop.url().split("/").pop() ?? "";

  // The same seed open on a second device, at version 1.
  const ward = await signedInPage(browser, author.email);
  await ward.goto(`/seeds/${seedId}`);
  await expect(ward.getByLabel("Instruction")).toHaveValue(`Explain angina ${s}.`);

  const theirInstruction = `Explain stable angina ${s} to a patient.`;
  const theirInput = `I get chest pain on the stairs ${s}.`;
  await laptop.getByLabel("Instruction").fill(theirInstruction);
  await laptop.getByLabel("Input (optional context)").fill(theirInput);
  await laptop.keyboard.press("Control+s");
  await expect(laptop.getByText("Saved version 2.")).toBeVisible();

  const myInstruction = `Explain stable angina ${s} to a medical student.`;
  await ward.getByLabel("Instruction").fill(myInstruction);
  await ward.keyboard.press("Control+s");
  const conflict = ward.getByTestId("seed-conflict");
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("Version 2 was saved");
  await expect(conflict).toContainText("Nothing was overwritten");
  const instructionRow = conflict.getByTestId("conflict-instruction");
  await expect(instructionRow.locator('[data-side="theirs"]')).toHaveText(theirInstruction);
  await expect(instructionRow.locator('[data-side="yours"]')).toHaveText(myInstruction);
  await expect(conflict.getByTestId("conflict-input").locator('[data-side="theirs"]')).toHaveText(theirInput);
  // Nothing was overwritten on the server.
  expect(await testDb().seed.findUniqueOrThrow({ where: { id: seedId } })).toMatchObject({
    version: 2,
    instruction: theirInstruction,
  });

  await conflict.getByRole("button", { name: "Use their input" }).click();
  await expect(ward.getByLabel("Input (optional context)")).toHaveValue(theirInput);
  await expect(conflict.getByTestId("conflict-input")).toHaveCount(0);
  await conflict.getByRole("button", { name: "Save mine as version 3" }).click();
  await expect(ward.getByText("Saved version 3.")).toBeVisible();
  await expect(ward.getByTestId("seed-conflict")).toHaveCount(0);

  expect(await testDb().seed.findUniqueOrThrow({ where: { id: seedId } })).toMatchObject({
    version: 3,
    instruction: myInstruction,
    input: theirInput,
  });
  expect(await testDb().seedVersion.count({ where: { seedId } })).toBe(3);
});
