import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { createUser } from "./support/db";
import { signInViaApi } from "./support/auth";

const MED = path.resolve(__dirname, "../../shared/data/alpacare/MedInstruct-test.jsonl");
const HOSTILE = '<img src=x onerror="window.__pwned=1">Take <b>two</b> tablets';

function datasetFile(): Buffer {
  const rows = readFileSync(MED, "utf8")
    .trim()
    .split("\n")
    .slice(0, 5)
    .map((l) => JSON.parse(l) as { instruction: string; "gpt-4-answer": string; difficulty: string })
    .map((r) => ({ instruction: r.instruction, input: "", output: r["gpt-4-answer"], difficulty: r.difficulty }));
  rows.push({ instruction: "Which dose is right for a headache?", input: "", output: HOSTILE, difficulty: "1" });
  return Buffer.from(rows.map((r) => JSON.stringify(r)).join("\n"));
}

/** Works through the queue by keyboard; `act` decides per item. */
async function auditByKeyboard(page: Page, campaignName: string, act: (page: Page, index: number) => Promise<void>) {
  await page.goto("/audits");
  await page.getByTestId("campaign-row").filter({ hasText: campaignName }).getByRole("link", { name: "Review" }).click();
  for (let i = 0; ; i++) {
    const instruction = page.getByTestId("task-instruction");
    await expect(instruction.or(page.getByTestId("queue-empty"))).toBeVisible();
    if (await page.getByTestId("queue-empty").isVisible()) return i;
    const before = await instruction.textContent();
    await act(page, i);
    await page.keyboard.press("Enter");
    // allTextContents does not wait: between items the instruction may be gone before the
    // empty-queue note shows, and textContent() would wait for an element that never returns.
    await expect(async () => {
      const empty = await page.getByTestId("queue-empty").isVisible();
      expect(empty || (await instruction.allTextContents())[0] !== before).toBe(true);
    }).toPass();
  }
}

test("admin imports and starts a campaign; two clinicians audit by keyboard; one corrects; the report and curated export show it", async ({ browser }) => {
  const [admin, c1, c2] = await Promise.all([createUser("ADMIN"), createUser("CLINICIAN"), createUser("CLINICIAN")]);
  const as = async (email: string) => {
    const page = await (await browser.newContext()).newPage();
    await signInViaApi(page.request, email);
    page.on("dialog", () => {
      throw new Error("generated text ran as script");
    });
    return page;
  };

  const a = await as(admin.email);
  await a.goto("/datasets");
  await a.getByLabel("Name").fill("MedInstruct sample");
  await a.getByLabel(/^File/).setInputFiles({ name: "sample.jsonl", mimeType: "application/x-ndjson", buffer: datasetFile() });
  await a.getByRole("button", { name: "Import" }).click();
  await expect(a.getByTestId("import-done")).toHaveText("Imported 6 records (0 duplicates skipped).");
  await a.getByRole("link", { name: "MedInstruct sample" }).click();
  await a.getByLabel("Search").fill("headache");
  await a.getByRole("button", { name: "Search" }).click();
  await expect(a.getByTestId("record-total")).toContainText("1 matching");
  await expect(a.getByTestId("dataset-record")).toContainText(HOSTILE);
  await expect(a.getByTestId("dataset-record").locator("img, b")).toHaveCount(0);
  // Rendered as text: the onerror handler never ran.
  expect(await a.evaluate(() => "__pwned" in window)).toBe(false);

  await a.goto("/audits");
  await a.getByLabel("Name").fill("E2E audit");
  await a.getByLabel("Size or fraction").fill("3");
  await a.getByLabel("Random seed").fill("e2e-seed");
  await a.getByRole("button", { name: "Start campaign" }).click();
  await expect(a).toHaveURL(/\/audits\/[0-9a-f-]{36}$/);
  const campaignId = a.url().split("/").pop() ?? "";
  await expect(a.getByTestId("campaign-status")).toContainText("0/6 reviews");

  const p1 = await as(c1.email);
  expect(
    await auditByKeyboard(p1, "E2E audit", async (page) => {
      await page.keyboard.press("a");
    }),
  ).toBe(3);

  const p2 = await as(c2.email);
  let corrected = "";
  expect(
    await auditByKeyboard(p2, "E2E audit", async (page, i) => {
      if (i > 0) return page.keyboard.press("a");
      await page.keyboard.press("e");
      await expect(page.getByLabel(/^Correction/)).toBeFocused();
      await page.keyboard.press("Control+End");
      await page.keyboard.type(" Seek urgent care if symptoms worsen.");
      await page.keyboard.press("Escape");
      await expect(page.getByTestId("diff-view").locator("ins").last()).toContainText("worsen.");
      await expect(page.getByTestId("diff-view")).toContainText("Seek urgent care if symptoms worsen.");
      await page.keyboard.press("3");
      await expect(page.getByTestId("flag-incomplete")).toBeChecked();
      corrected = (await page.getByLabel(/^Correction/).inputValue()) ?? "";
    }),
  ).toBe(3);

  await a.reload();
  await expect(a.getByTestId("campaign-status")).toContainText("6/6 reviews");
  const dispute = a.getByTestId("disagreement");
  await expect(dispute).toHaveCount(1);
  await expect(dispute).toContainText("Seek urgent care");
  await dispute.getByRole("button", { name: "Record final verdict" }).click();
  await expect(a.getByTestId("disagreement")).toContainText("Final: revise");
  await expect(a.getByTestId("acceptance")).toContainText("66.7%");

  const exported = await a.request.get(`/api/v1/audits/${campaignId}/export`);
  expect(exported.status()).toBe(200);
  const lines = (await exported.text()).trim().split("\n").map((l) => JSON.parse(l) as { output: string; original_output?: string; audit: { verdict: string } });
  expect(lines).toHaveLength(3);
  const fixed = lines.find((l) => l.audit.verdict === "revise");
  expect(fixed?.output).toBe(corrected);
  expect(fixed?.original_output).toBeDefined();
  expect(corrected.endsWith(" Seek urgent care if symptoms worsen.")).toBe(true);
});

test("an admin renames and adds error flags; reviewers see them; a flag in use cannot be removed", async ({ browser, baseURL }) => {
  const [admin, clinician] = await Promise.all([createUser("ADMIN"), createUser("CLINICIAN")]);
  const a = await (await browser.newContext()).newPage();
  await signInViaApi(a.request, admin.email);
  const sameOrigin = { origin: baseURL ?? "" };
  const body = Array.from({ length: 3 }, (_, i) => JSON.stringify({ instruction: `Flag editing task ${i}`, input: "", output: `Answer ${i}` })).join("\n");
  const dataset = await a.request.post("/api/v1/datasets?name=flag-edit", { headers: { ...sameOrigin, "content-type": "application/x-ndjson" }, data: body });
  expect(dataset.status()).toBe(201);
  const { id: datasetId } = (await dataset.json()) as { id: string };
  const created = await a.request.post("/api/v1/audits", { headers: sameOrigin, data: { datasetId, name: "Flag edit", sampleSize: 3, seed: "f", reviewersPerItem: 1 } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await a.goto(`/audits/${id}`);
  const editor = a.getByRole("form", { name: "Error flags" });
  await editor.getByLabel("Label of flag 7").fill("Formatting or style");
  await editor.getByLabel("New flag").fill("Wrong dosage");
  await editor.getByRole("button", { name: "Add" }).click();
  await editor.getByRole("button", { name: "Save flags" }).click();
  await expect(editor.getByRole("status")).toHaveText("Flags saved");

  const c = await (await browser.newContext()).newPage();
  await signInViaApi(c.request, clinician.email);
  await c.goto(`/audits/${id}/review`);
  await expect(c.getByTestId("review-workspace")).toContainText("Formatting or style");
  await c.keyboard.press("r");
  await c.keyboard.press("8");
  await expect(c.getByTestId("flag-wrong_dosage")).toBeChecked();
  await c.keyboard.press("Enter");
  await expect(c.getByTestId("task-instruction")).not.toHaveText("");

  await a.reload();
  await editor.getByRole("button", { name: "Remove Wrong dosage" }).click();
  await editor.getByRole("button", { name: "Save flags" }).click();
  await expect(editor.getByRole("alert")).toContainText("already used");
  await expect(editor.getByLabel("Label of flag 8")).toHaveValue("Wrong dosage");
});
