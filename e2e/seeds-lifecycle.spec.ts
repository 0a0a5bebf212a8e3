import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createUser, PASSWORD, testDb } from "./support/db";
import { signInViaApi } from "./support/auth";

async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInViaApi(page.request, email);
  return page;
}

test("clinician writes and submits, a colleague requests a change, the author revises, it is approved and exported", async ({
  browser,
}) => {
  const suffix = randomBytes(3).toString("hex");
  const [author, reviewer, admin] = [
    await createUser("CLINICIAN"),
    await createUser("CLINICIAN"),
    await createUser("ADMIN"),
  ];
  const labels = { TOPIC: `Cardiology ${suffix}`, VIEW: `Patient ${suffix}`, TYPE: `Open Q&A ${suffix}` };
  for (const [kind, label] of Object.entries(labels)) {
    await testDb().vocabularyTerm.create({
      data: { kind: kind as "TOPIC" | "VIEW" | "TYPE", label, aliases: [] },
    });
  }
  const instruction = `Explain to a patient why stable angina ${suffix} causes chest pain on exertion.`;

  const a = await signedInPage(browser, author.email);
  await a.goto("/seeds/new");
  await expect(a.getByText("Difficulty rubric (AlpaCare)")).toBeVisible();
  await a.getByLabel("Topic", { exact: true }).selectOption({ label: labels.TOPIC });
  await a.getByLabel("View (whose perspective)").selectOption({ label: labels.VIEW });
  await a.getByLabel("Type (task format)").selectOption({ label: labels.TYPE });
  await a.getByLabel("Instruction").fill(instruction);
  await a.getByLabel("Difficulty (1–5)").selectOption("2");
  await a.keyboard.press("Control+s");
  await expect(a.getByText("Saved version 1.")).toBeVisible();
  await expect(a).toHaveURL(/\/seeds\/[0-9a-f-]{36}$/);
  // Once the seed's own page has replaced /seeds/new, the confirmation is still there.
  await expect(a.getByRole("heading", { name: "History" })).toBeVisible();
  await expect(a.getByText("Saved version 1.")).toBeVisible();
  const seedId = a.url().split("/").pop() ?? "";
  await a.getByRole("button", { name: "Submit for review" }).click();
  await expect(a.getByTestId("seed-status")).toHaveText("submitted");

  const r = await signedInPage(browser, reviewer.email);
  await r.goto(`/seeds/${seedId}`);
  await expect(r.getByText(instruction)).toBeVisible();
  await r
    .getByLabel(/Comment for the author/)
    .fill("Say what the patient should do when pain starts at rest.");
  await r.getByRole("button", { name: "Request changes" }).click();
  await expect(r.getByTestId("seed-status")).toHaveText("changes requested");

  // The author revises; meanwhile the session ends: the text stays on the page and is saved after signing in again.
  await a.reload();
  await expect(a.getByText("Say what the patient should do when pain starts at rest.")).toBeVisible();
  const revised = `${instruction} Say what to do if pain starts at rest.`;
  await a.getByLabel("Instruction").fill(revised);
  await testDb().session.deleteMany({ where: { userId: author.id } });
  await a.keyboard.press("Control+s");
  const dialog = a.getByRole("dialog", { name: "Your session ended" });
  await expect(dialog).toBeVisible();
  await expect(a.getByLabel("Instruction")).toHaveValue(revised);
  await dialog.getByLabel("E-mail").fill(author.email);
  await dialog.getByLabel("Password").fill(PASSWORD);
  await dialog.getByRole("button", { name: "Sign in and save" }).click();
  await expect(a.getByText("Saved version 2.")).toBeVisible();
  await a.getByRole("button", { name: "Submit for review" }).click();
  await expect(a.getByTestId("seed-status")).toHaveText("submitted");

  await r.reload();
  await expect(r.getByTestId("seed-history")).toContainText("instruction");
  await r.getByRole("button", { name: "Approve" }).click();
  await expect(r.getByTestId("seed-status")).toHaveText("approved");

  const ad = await signedInPage(browser, admin.email);
  const res = await ad.request.get("/api/v1/seeds/export?status=approved&format=jsonl");
  expect(res.status()).toBe(200);
  const line = (await res.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .find((x) => x.id === seedId);
  expect(line).toEqual({
    topic: labels.TOPIC,
    view: labels.VIEW,
    type: labels.TYPE,
    instruction: revised,
    input: "<noinput>",
    difficulty: "2",
    id: seedId,
    version: 2,
  });
  const actions = (
    await testDb().auditLog.findMany({ where: { entityId: seedId }, orderBy: { id: "asc" } })
  ).map((x) => x.action);
  expect(actions.filter((x) => x !== "seed.autosave")).toEqual([
    "seed.create",
    "seed.submit",
    "seed.request_changes",
    "seed.save",
    "seed.submit",
    "seed.approve",
  ]);
});
