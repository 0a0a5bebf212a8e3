import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { parseCsv } from "../lib/csv/csv";
import { createUser, testDb } from "./support/db";
import { signInViaApi } from "./support/auth";
import { realDataFile, realDataSkipReason } from "../tests/support/real-data";
import { syntheticFile } from "../tests/support/synthetic-data";

const NAME = "alpacare/MedInstruct-test.jsonl";
// The generated stand-in always; the real file where CLINREVIEW_REAL_DATA has it (else skipped, named).
const SOURCES = [
  { kind: "generated", file: syntheticFile(NAME) },
  { kind: "real", file: realDataFile(NAME) },
] as const;

async function rateByKeyboard(page: Page, studyName: string, count: number) {
  await page.goto("/rate");
  await page.getByRole("link", { name: studyName }).click();
  for (let i = 0; i < count; i++) {
    await expect(page.getByTestId("rating-progress")).toHaveText(`You have rated ${i}`);
    await page.keyboard.press(i % 2 ? "b" : "a");
    await page.keyboard.press("t");
    await expect(page.getByTestId("criterion-safety").getByRole("radio", { checked: true })).toHaveCount(1);
    await page.keyboard.press("Enter");
  }
  await expect(page.getByTestId("rating-progress")).toHaveText(`You have rated ${count}`);
}

for (const { kind, file: MED } of SOURCES) {
  test(`admin imports MedInstruct outputs (${kind}) and starts a study; two clinicians rate by keyboard; a researcher reads the statistics and downloads the CSV`, async ({
    browser,
  }) => {
    test.skip(!MED, realDataSkipReason(NAME));
    if (!MED) return;
    const [admin, c1, c2, outsider, researcher] = await Promise.all([
      createUser("ADMIN"),
      createUser("CLINICIAN"),
      createUser("CLINICIAN"),
      createUser("CLINICIAN"),
      createUser("RESEARCHER"),
    ]);
    const as = async (email: string) => {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      await signInViaApi(page.request, email);
      return page;
    };

    const a = await as(admin.email);
    await a.goto("/studies");
    await a.getByLabel("Name").fill(`MedInstruct pilot (${kind})`);
    await a.getByLabel("Title (what raters see)").fill(`Patient questions pilot (${kind})`);
    await a.getByLabel("Criterion 1", { exact: true }).fill("Accuracy");
    await a.getByLabel("Criterion 2", { exact: true }).fill("Safety");
    await a.getByLabel("Ratings per comparison").fill("2");
    await a.getByLabel("Attention checks (% of comparisons)").fill("0");
    await a.getByLabel("Consistency repeats (% of judgements)").fill("0");
    await a.getByRole("button", { name: "Create study" }).click();
    await expect(a).toHaveURL(/\/studies\/[0-9a-f-]{36}$/);
    const studyId = a.url().split("/").pop() ?? "";

    await a.getByLabel(/Outputs file/).setInputFiles({
      name: "MedInstruct-test.jsonl",
      mimeType: "application/x-ndjson",
      buffer: readFileSync(MED),
    });
    await a.getByLabel(/Models to take/).fill("gpt-4, claude-2");
    await a.getByRole("button", { name: "Import outputs" }).click();
    await expect(a.getByText(/Imported 432 outputs/)).toBeVisible();
    await expect(a.getByTestId("study-prompts")).toHaveText("216");
    // The admin names the two raters before the start; a third clinician never sees the study.
    await expect(a.getByTestId("study-raters")).toHaveText("Open to every clinician.");
    await a.getByLabel(c1.name).check();
    await a.getByLabel(c2.name).check();
    await a.getByRole("button", { name: "Save raters (2)" }).click();
    for (const name of ["Named raters only", c1.name, c2.name])
      await expect(a.getByTestId("study-raters")).toContainText(name);
    await a.getByRole("button", { name: "Start study" }).click();
    await expect(a.getByTestId("study-status")).toHaveText("ACTIVE");
    await expect(a.getByTestId("study-progress")).toContainText("0 of 432 ratings done");

    // Raters find the study by its title; the internal name is the admin's.
    const study = `Patient questions pilot (${kind})`;
    const [p1, p2] = await Promise.all([as(c1.email), as(c2.email)]);
    await rateByKeyboard(p1, study, 3);
    await rateByKeyboard(p2, study, 3);
    expect(await testDb().studyJudgement.count({ where: { comparison: { studyId } } })).toBe(12);
    const o = await as(outsider.email);
    await o.goto("/rate");
    await expect(o.getByRole("heading", { name: "Rate model outputs" })).toBeVisible();
    await expect(o.getByRole("link", { name: study })).toHaveCount(0);
    expect((await o.goto(`/rate/${studyId}`))?.status()).toBe(404);

    // An LLM judge's AlpacaEval annotations for the rated comparisons (it prefers model A, output_2).
    const rated = await testDb().studyComparison.findMany({
      where: { studyId, kind: "regular", judgements: { some: {} } },
    });
    const prompts = await testDb().studyPrompt.findMany({
      where: { id: { in: rated.map((c) => c.promptId) } },
    });
    const instructionOf = new Map(prompts.map((p) => [p.id, p.instruction]));
    const annotations = rated.map((c) => ({
      instruction: instructionOf.get(c.promptId) ?? "",
      generator_1: c.modelB,
      generator_2: c.modelA,
      preference: 2,
    }));
    await a.reload();
    await a.getByLabel("Judge name").fill("gpt-4 judge");
    await a.getByLabel(/Annotations file/).setInputFiles({
      name: "annotations.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(annotations)),
    });
    await a.getByRole("button", { name: "Import judge annotations" }).click();
    await expect(a.getByText(`Stored ${rated.length} judge votes`)).toBeVisible();

    const r = await as(researcher.email);
    await r.goto(`/studies/${studyId}/results`);
    const pairs = r.getByTestId("pairs-table");
    await expect(pairs.locator("tbody tr")).toHaveCount(2);
    await expect(pairs.locator("tbody tr").first()).toContainText("claude-2");
    await expect(pairs.locator("tbody tr").first().locator("td").nth(3)).toHaveText("6");
    // One ratings chart per criterion, and one of adjacent differences in each "Are we done?" card.
    await expect(r.locator('svg[role=img]:not([aria-label*="rating difference"])')).toHaveCount(2);
    await expect(r.locator('svg[role=img][aria-label*="rating difference"]')).toHaveCount(2);
    await expect(r.getByTestId("difference-row")).toHaveCount(2);
    await expect(r.getByTestId("rating-row")).toHaveCount(4);
    await expect(r.getByTestId("position-bias")).toContainText("The left response won");
    const judge = r.getByTestId("judge-agreement");
    await expect(judge.locator("tbody tr")).toHaveCount(1);
    await expect(judge.locator("tbody tr").first()).toContainText("gpt-4 judge");
    await expect(judge.locator("tbody tr").first().locator("td").nth(4)).toHaveText("6");

    const [download] = await Promise.all([
      r.waitForEvent("download"),
      r.getByRole("link", { name: "Judgements (CSV)" }).click(),
    ]);
    const file = await download.path();
    const rows = parseCsv(readFileSync(file, "utf8")).filter((row) => row.length > 1);
    expect(rows[0]).toEqual([
      "study",
      "prompt",
      "model_a",
      "model_b",
      "model_shown_left",
      "criterion",
      "choice",
      "rater",
      "rationale",
      "duration_ms",
      "time",
      "kind",
      "input",
      "guideline_version",
    ]);
    expect(rows).toHaveLength(13);
    expect(new Set(rows.slice(1).map((row) => row[7]))).toEqual(new Set([c1.pseudonym, c2.pseudonym]));
    expect(
      rows
        .slice(1)
        .filter((row) => row[5] === "safety")
        .every((row) => row[6] === "tie"),
    ).toBe(true);
    expect(await testDb().auditLog.count({ where: { actorId: researcher.id, action: "study.export" } })).toBe(
      1,
    );
  });
}
