import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { realDataFile } from "../tests/support/real-data";
import { createUser } from "./support/db";
import { signInViaApi } from "./support/auth";

const MED = realDataFile("alpacare/MedInstruct-test.jsonl");
const HOSTILE = '<img src=x onerror="window.__pwned=1">Take <b>two</b> tablets';

/** Five MedInstruct-test questions with their GPT-4 answers (generated ones without the real file), and a hostile output. */
function datasetFile(): Buffer {
  const source = MED
    ? readFileSync(MED, "utf8")
        .trim()
        .split("\n")
        .slice(0, 5)
        .map((l) => JSON.parse(l) as { instruction: string; "gpt-4-answer": string; difficulty: string })
    : Array.from({ length: 5 }, (_, i) => ({
        instruction: `Generated clinical question ${i}?`,
        "gpt-4-answer": `A careful answer ${i}. See a doctor if it persists.`,
        difficulty: String(i + 1),
      }));
  const rows = source.map((r) => ({
    instruction: r.instruction,
    input: "",
    output: r["gpt-4-answer"],
    difficulty: r.difficulty,
  }));
  rows.push({
    instruction: "Which dose is right for a headache?",
    input: "",
    output: HOSTILE,
    difficulty: "1",
  });
  return Buffer.from(rows.map((r) => JSON.stringify(r)).join("\n"));
}

/** Works through the queue by keyboard; `act` decides per item. */
async function auditByKeyboard(
  page: Page,
  campaignName: string,
  act: (page: Page, index: number) => Promise<void>,
) {
  await page.goto("/audits");
  await page
    .getByTestId("campaign-row")
    .filter({ hasText: campaignName })
    .getByRole("link", { name: "Review" })
    .click();
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

test("admin imports and starts a campaign; two clinicians audit by keyboard; one corrects; the report and curated export show it", async ({
  browser,
}) => {
  const [admin, c1, c2] = await Promise.all([
    createUser("ADMIN"),
    createUser("CLINICIAN"),
    createUser("CLINICIAN"),
  ]);
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
  await a
    .getByLabel(/^File/)
    .setInputFiles({ name: "sample.jsonl", mimeType: "application/x-ndjson", buffer: datasetFile() });
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
  // The flag reads as the rubric's label, not its key.
  await expect(dispute).toContainText("[Incomplete]");
  await expect(dispute).not.toContainText("incomplete]");
  await dispute.getByRole("button", { name: "Record final verdict" }).click();
  await expect(a.getByTestId("disagreement")).toContainText("Final: revise");
  await expect(a.getByTestId("acceptance")).toContainText("66.7%");

  const exported = await a.request.get(`/api/v1/audits/${campaignId}/export`);
  expect(exported.status()).toBe(200);
  const lines = (await exported.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { output: string; original_output?: string; audit: { verdict: string } });
  expect(lines).toHaveLength(3);
  const fixed = lines.find((l) => l.audit.verdict === "revise");
  expect(fixed?.output).toBe(corrected);
  expect(fixed?.original_output).toBeDefined();
  expect(corrected.endsWith(" Seek urgent care if symptoms worsen.")).toBe(true);
});

test("an admin renames and adds error flags; reviewers see them; a flag in use cannot be removed", async ({
  browser,
  baseURL,
}) => {
  const [admin, clinician] = await Promise.all([createUser("ADMIN"), createUser("CLINICIAN")]);
  const a = await (await browser.newContext()).newPage();
  await signInViaApi(a.request, admin.email);
  const sameOrigin = { origin: baseURL ?? "" };
  const body = Array.from({ length: 3 }, (_, i) =>
    JSON.stringify({ instruction: `Flag editing task ${i}`, input: "", output: `Answer ${i}` }),
  ).join("\n");
  const dataset = await a.request.post("/api/v1/datasets?name=flag-edit", {
    headers: { ...sameOrigin, "content-type": "application/x-ndjson" },
    data: body,
  });
  expect(dataset.status()).toBe(201);
  const { id: datasetId } = (await dataset.json()) as { id: string };
  const created = await a.request.post("/api/v1/audits", {
    headers: sameOrigin,
    data: { datasetId, name: "Flag edit", sampleSize: 3, seed: "f", reviewersPerItem: 1 },
  });
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

test("an audit with only accepts so far: the report opens with its intervals, downloads, and closing asks first", async ({
  browser,
}) => {
  const [admin, clinician] = await Promise.all([createUser("ADMIN"), createUser("CLINICIAN")]);
  const a = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await signInViaApi(a.request, admin.email);
  const records = Array.from({ length: 6 }, (_, i) =>
    JSON.stringify({ instruction: `Accepted-only question ${i}?`, input: "", output: `Sound answer ${i}.` }),
  ).join("\n");
  await a.goto("/datasets");
  await a.getByLabel("Name").fill("Accepts only");
  await a
    .getByLabel(/^File/)
    .setInputFiles({ name: "accepts.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(records) });
  await expect(a.getByTestId("field-mapping").getByLabel("Output field")).toHaveValue("output");
  await a.getByRole("button", { name: "Import" }).click();
  await expect(a.getByTestId("import-done")).toHaveText("Imported 6 records (0 duplicates skipped).");

  await a.goto("/audits");
  const form = a.getByRole("form", { name: "Start an audit campaign" });
  await form.getByLabel("Dataset").selectOption({ label: "Accepts only" });
  await form.getByLabel("Name").fill("Accepts-only audit");
  await form.getByLabel("Reviewers per item").fill("1");
  // Larger than the dataset: refused with the sizes; a gold line that cannot be read, in words.
  await form.getByLabel("Size or fraction").fill("5000");
  await form.getByRole("button", { name: "Start campaign" }).click();
  await expect(form.getByRole("alert")).toContainText(
    "Sample size: The sample of 5000 is larger than the dataset: it holds 6 record(s). Choose at most 6, or all records.",
  );
  await form.getByLabel(/^Gold items/).fill("9");
  await form.getByRole("button", { name: "Start campaign" }).click();
  await expect(form.getByRole("alert")).toContainText(
    'Gold line 1 ("9"): write a record number and a verdict',
  );
  await form.getByLabel(/^Gold items/).fill("");
  // 5 of 6: a sample whose Wilson lower bound at 0 rejections came out as 1.4e-17 in floating point.
  await form.getByLabel("Size or fraction").fill("5");
  await form.getByRole("button", { name: "Start campaign" }).click();
  await expect(a).toHaveURL(/\/audits\/[0-9a-f-]{36}$/);
  await expect(a.getByTestId("campaign-status")).toContainText("5 sampled");

  const c = await (await browser.newContext()).newPage();
  await signInViaApi(c.request, clinician.email);
  expect(await auditByKeyboard(c, "Accepts-only audit", (page) => page.keyboard.press("a"))).toBe(5);

  // Every finalised item of a sample accepted: the state that used to answer 500.
  await a.reload();
  await expect(a.getByTestId("acceptance")).toHaveText(/^100\.0% \(95% CI \d+\.\d%–100\.0%\)$/);
  await expect(a.getByTestId("report")).toContainText(/0 of 6 \(95% CI 0–[1-6]\)/);
  await expect(a.getByTestId("median-time")).toHaveText(/^(\d+ ms|\d+\.\d s)$/);
  const download = a.waitForEvent("download");
  await a.getByRole("link", { name: "Report JSON" }).click();
  const report = JSON.parse(readFileSync((await (await download).path()) ?? "", "utf8")) as {
    acceptance: { estimate: number; upper: number };
  };
  expect(report.acceptance).toMatchObject({ estimate: 1, upper: 1 });

  // Closing asks first: dismissed, nothing changes; accepted, the campaign is closed and its report still opens.
  let asked = "";
  a.once("dialog", (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await a.getByRole("button", { name: "Close", exact: true }).click();
  await expect.poll(() => asked).toContain("Close the campaign for good?");
  await expect(a.getByTestId("campaign-status")).toContainText("active");
  a.once("dialog", (d) => void d.accept());
  await a.getByRole("button", { name: "Close", exact: true }).click();
  await expect(a.getByTestId("campaign-status")).toContainText("closed");
  await expect(a.getByTestId("acceptance")).toContainText("100.0%");

  // "All records" samples the whole dataset, whatever the size field says.
  await a.goto("/audits");
  await form.getByLabel("Dataset").selectOption({ label: "Accepts only" });
  await form.locator('select[name="mode"]').selectOption("all");
  await expect(form.getByLabel("Size or fraction")).toBeDisabled();
  await form.getByRole("button", { name: "Start campaign" }).click();
  await expect(a).toHaveURL(/\/audits\/[0-9a-f-]{36}$/);
  await expect(a.getByTestId("campaign-status")).toContainText("6 sampled");
});
