// Issue 17: an adaptive study is created in the browser (its goal asked for on the form, with a
// field error when missing), rated by a clinician like any study, and analysed like any study; its
// choice log is for researchers only. The form passes axe and fits 375 px.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
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
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function as(browser: Browser, email: string, viewport?: { width: number; height: number }) {
  const ctx = await browser.newContext(viewport ? { viewport } : {});
  const page = await ctx.newPage();
  await signInViaApi(page.request, email);
  return page;
}

async function axe(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
}

test("the study form's allocation fields pass axe and fit 375 px", async ({ browser }) => {
  const admin = await createUser("ADMIN");
  const page = await as(browser, admin.email, { width: 375, height: 812 });
  await page.goto("/studies");
  await expect(page.getByLabel("Allocation")).toBeVisible();
  await page.getByLabel("Allocation").selectOption("adaptive");
  await expect(page.getByLabel("What the adaptive study must settle")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect(await axe(page)).toEqual([]);
});

for (const { kind, file: MED } of SOURCES) {
  test(`an admin creates an adaptive study (${kind} MedInstruct outputs), a clinician rates it in the browser, the results show its statistics`, async ({
    browser,
  }) => {
    test.skip(!MED, realDataSkipReason(NAME));
    if (!MED) return;
    const [admin, clinician, researcher] = await Promise.all([
      createUser("ADMIN"),
      createUser("CLINICIAN"),
      createUser("RESEARCHER"),
    ]);
    const a = await as(browser, admin.email);
    await a.goto("/studies");
    await a.getByLabel("Name").fill(`Adaptive pilot (${kind})`);
    await a.getByLabel("Title (what raters see)").fill(`Second patient pilot (${kind})`);
    await a.getByLabel("Criterion 1", { exact: true }).fill("Accuracy");
    await a.getByLabel("Criterion 2", { exact: true }).fill("Safety");
    await a.getByLabel("Ratings per comparison").fill("1");
    await a.getByLabel("Attention checks (% of comparisons)").fill("0");
    await a.getByLabel("Consistency repeats (% of judgements)").fill("0");
    await a.getByLabel("Allocation").selectOption("adaptive");
    await a.getByRole("button", { name: "Create study" }).click();
    // No goal: the field says so, and nothing is created.
    await expect(
      a.getByText("Choose what the adaptive study must settle: the ranking or the ratings"),
    ).toBeVisible();
    await expect(a).toHaveURL(/\/studies$/);
    expect(await a.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      await a.evaluate(() => window.innerWidth),
    );
    expect(await axe(a)).toEqual([]);
    await a.getByLabel("What the adaptive study must settle").selectOption("ranking");
    await a.getByRole("button", { name: "Create study" }).click();
    await expect(a).toHaveURL(/\/studies\/[0-9a-f-]{36}$/);
    const studyId = a.url().split("/").pop() ?? "";
    await expect(a.getByTestId("study-allocation")).toContainText("Adaptive: settle the ranking");

    await a.getByLabel(/Outputs file/).setInputFiles({
      name: "MedInstruct-test.jsonl",
      mimeType: "application/x-ndjson",
      buffer: readFileSync(MED),
    });
    await a.getByLabel(/Models to take/).fill("gpt-4, claude-2, gpt-3.5-turbo");
    await a.getByRole("button", { name: "Import outputs" }).click();
    await expect(a.getByText(/Imported \d+ outputs/)).toBeVisible();
    await a.getByRole("button", { name: "Start study" }).click();
    await expect(a.getByTestId("study-status")).toHaveText("ACTIVE");

    const c = await as(browser, clinician.email);
    await c.goto("/rate");
    await c.getByRole("link", { name: `Second patient pilot (${kind})` }).click();
    for (let i = 0; i < 4; i++) {
      await expect(c.getByTestId("rating-progress")).toHaveText(`You have rated ${i}`);
      await c.keyboard.press(i % 2 ? "b" : "a");
      await c.keyboard.press("t");
      await expect(c.getByTestId("criterion-safety").getByRole("radio", { checked: true })).toHaveCount(1);
      await c.keyboard.press("Enter");
    }
    await expect(c.getByTestId("rating-progress")).toHaveText("You have rated 4");
    // Warm-up: the three model pairs are covered before any is judged twice.
    const log = await testDb().studyAllocationChoice.findMany({
      where: { studyId },
      orderBy: { createdAt: "asc" },
    });
    expect(log.length).toBeGreaterThanOrEqual(4);
    expect(new Set(log.slice(0, 3).map((r) => `${r.modelA}|${r.modelB}`)).size).toBe(3);
    // Nothing of the allocation reaches the rater's page (model names: studies-blinding.spec.ts).
    const html = await c.content();
    for (const word of ["warm-up", "allocation", "adaptive"]) expect(html.toLowerCase()).not.toContain(word);

    const r = await as(browser, researcher.email);
    await r.goto(`/studies/${studyId}/results`);
    // Three model pairs × two criteria, as in a uniform study.
    await expect(r.getByTestId("pairs-table").locator("tbody tr")).toHaveCount(6);
    await expect(r.getByTestId("rating-row")).toHaveCount(6);
    const log403 = await c.request.get(`/api/v1/studies/${studyId}/allocation-log.csv`);
    expect(log403.status()).toBe(403);
    const csv = await r.request.get(`/api/v1/studies/${studyId}/allocation-log.csv`);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split(/\r?\n/)[0]).toContain(
      "rule,model_a,model_b,pair_judgements,target,deficit",
    );
  });
}
