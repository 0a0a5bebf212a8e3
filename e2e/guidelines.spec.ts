import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequest, type Browser, type Page } from "@playwright/test";
import { createToken, createUser, testDb } from "./support/db";
import { signInViaApi } from "./support/auth";

// Issue 15 item 4: the admin writes guidelines (versioned), the clinician reads them on the work
// screen, acknowledges them before the first item, finds them again in the panel, and submits; the
// answer records the version. The gate and the panel pass axe and fit 375 px.

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function adminApi(request: APIRequest, baseURL: string | undefined) {
  const admin = await createUser("ADMIN");
  const { token } = await createToken(admin.id);
  return {
    admin,
    api: await request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } }),
  };
}

async function signedIn(browser: Browser, email: string, width = 1280): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height: 812 } });
  const page = await ctx.newPage();
  await signInViaApi(page.request, email);
  return page;
}

async function expectAccessibleAndNarrow(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
}

test("audit: the admin writes guidelines, the clinician acknowledges them before the first item and submits under version 1", async ({
  playwright,
  baseURL,
  browser,
}) => {
  const { admin, api } = await adminApi(playwright.request, baseURL);
  const lines = Array.from({ length: 2 }, (_, i) =>
    JSON.stringify({ instruction: `Guided question ${i}?`, input: "", output: `Answer ${i}.` }),
  );
  const ds = await api.post("/api/v1/datasets?name=Guidelines%20e2e", {
    headers: { "content-type": "application/x-ndjson" },
    data: lines.join("\n"),
  });
  const datasetId = ((await ds.json()) as { id: string }).id;
  const c = await api.post("/api/v1/audits", {
    data: { datasetId, sampleSize: 2, seed: "g", reviewersPerItem: 1, name: "Guided audit e2e" },
  });
  expect(c.status(), await c.text()).toBeLessThan(300);
  const campaignId = ((await c.json()) as { id: string }).id;
  await api.dispose();

  const a = await signedIn(browser, admin.email);
  await a.goto(`/audits/${campaignId}`);
  const editor = a.getByTestId("guidelines-editor");
  await expect(editor).toContainText("No guidelines yet");
  await editor
    .getByLabel("Guidelines for raters (markdown)")
    .fill("## Be strict\n\n1. Read **all** of the answer.\n2. Reject unsafe doses.");
  await editor.getByLabel("Unsafe advice").fill("Could harm a patient if followed.");
  await a.getByTestId("guidelines-save").click();
  await expect(a.getByTestId("guidelines-editor")).toContainText("Version 1 is current");
  await expect(a.getByTestId("guidelines-versions")).toContainText(`Version 1, saved by ${admin.name}`);

  const clinician = await createUser("CLINICIAN");
  const p = await signedIn(browser, clinician.email, 375);
  await p.goto(`/audits/${campaignId}/review`);
  const gate = p.getByTestId("guidelines-gate");
  // Headings inside rendered text are plain paragraphs (components/markdown keeps the page outline).
  await expect(gate.getByText("Be strict", { exact: true })).toBeVisible();
  await expect(gate.locator("strong")).toHaveText("all");
  await expect(gate.getByTestId("guidelines-definitions")).toContainText(
    "Unsafe advice: Could harm a patient",
  );
  // Nothing is claimed before the acknowledgement.
  await expect(p.getByTestId("task-instruction")).toHaveCount(0);
  expect(await testDb().queueAssignment.count({ where: { userId: clinician.id } })).toBe(0);
  await expectAccessibleAndNarrow(p);

  await p.getByTestId("guidelines-acknowledge").click();
  await expect(p.getByTestId("task-instruction")).toBeVisible();
  // The panel stays reachable by keyboard: its summary takes focus and opens with Enter.
  const panel = p.getByTestId("guidelines-panel");
  await panel.locator("summary").focus();
  await p.keyboard.press("Enter");
  await expect(panel.getByTestId("guidelines-definitions")).toBeVisible();
  await expectAccessibleAndNarrow(p);
  await panel.locator("summary").click();

  await p.getByRole("button", { name: /^Accept/ }).click();
  await p.getByRole("button", { name: /^Submit/ }).click();
  await expect(p.getByTestId("work-mine")).toHaveText("You: 1 of 2");
  const review = await testDb().auditReview.findFirstOrThrow({ where: { reviewerId: clinician.id } });
  expect(review.guidelineVersion).toBe(1);
  const ack = await testDb().guidelineAck.findFirstOrThrow({ where: { userId: clinician.id } });
  expect(ack).toMatchObject({ campaignId, version: 1 });
});

test("study: guidelines naming a model are refused on the field; the rater acknowledges, sees the definitions and rates under version 1", async ({
  playwright,
  baseURL,
  browser,
}) => {
  const { admin, api } = await adminApi(playwright.request, baseURL);
  const created = await api.post("/api/v1/studies", {
    data: {
      name: "Internal gpt-zeta vs llama-omega",
      title: "Guided rating e2e",
      criteria: [{ key: "accuracy", label: "Accuracy", description: "" }],
      design: "all_pairs",
      ratingsPerComparison: 1,
      attentionCheckShare: 0,
      repeatShare: 0,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const rows = ["gpt-zeta", "llama-omega"].flatMap((generator, g) =>
    [0, 1].map((i) => ({
      instruction: `Guided ${i}?`,
      output: `Rest, version ${g + 1}, case ${i}.`,
      generator,
    })),
  );
  expect((await api.post(`/api/v1/studies/${id}/outputs`, { data: rows })).status()).toBe(200);
  expect((await api.post(`/api/v1/studies/${id}/start`)).status()).toBe(200);
  await api.dispose();

  const a = await signedIn(browser, admin.email);
  await a.goto(`/studies/${id}`);
  const editor = a.getByTestId("guidelines-editor");
  const text = editor.getByLabel("Guidelines for raters (markdown)");
  await text.fill("Prefer what gpt-zeta says.");
  await expect(a.getByTestId("guidelines-names-model")).toContainText("gpt-zeta");
  await a.getByTestId("guidelines-save").click();
  await expect(editor.getByText(/name no model or vendor/)).toBeVisible();
  expect(await testDb().guidelineVersion.count({ where: { studyId: id } })).toBe(0);
  await text.fill("Compare **both** answers in full.");
  await editor.getByLabel("Accuracy").fill("No factual or dosing errors.");
  await a.getByTestId("guidelines-save").click();
  await expect(a.getByTestId("guidelines-editor")).toContainText("Version 1 is current");

  const clinician = await createUser("CLINICIAN");
  const p = await signedIn(browser, clinician.email, 375);
  await p.goto(`/rate/${id}`);
  const gate = p.getByTestId("guidelines-gate");
  await expect(gate.locator("strong")).toHaveText("both");
  await expect(gate).toContainText("Accuracy: No factual or dosing errors.");
  await expectAccessibleAndNarrow(p);
  await p.getByTestId("guidelines-acknowledge").click();
  await expect(p.getByTestId("work-mine")).toHaveText("You: 0 of 2");
  await p.getByRole("radio", { name: /A is better/ }).check();
  await p.getByRole("button", { name: /^Submit/ }).click();
  await expect(p.getByTestId("work-mine")).toHaveText("You: 1 of 2");
  const judgement = await testDb().studyJudgement.findFirstOrThrow({ where: { raterId: clinician.id } });
  expect(judgement.guidelineVersion).toBe(1);
});
