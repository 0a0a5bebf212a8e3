// Issue 17: the results page answers "are we done?". A study of three models where one order is
// clear and the other a coin flip is rated through the API; a researcher reads which adjacent order
// is settled, changes the target width and sees the estimate change, at 1440 and 375 px, with axe.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createToken, createUser } from "./support/db";
import { signInViaApi } from "./support/auth";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const PROMPTS = 12;

async function signedIn(browser: Browser, email: string, viewport: { width: number; height: number }) {
  const page = await (await browser.newContext({ viewport })).newPage();
  await signInViaApi(page.request, email);
  return page;
}

async function axeClean(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(
    axe.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
}

test("a researcher sees which order is settled and how many judgements a narrower interval needs", async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const [admin, clinician, researcher] = await Promise.all([
    createUser("ADMIN"),
    createUser("CLINICIAN"),
    createUser("RESEARCHER"),
  ]);
  const client = async (userId: string) =>
    playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${(await createToken(userId)).token}` },
    });
  const asAdmin = await client(admin.id);
  const created = await asAdmin.post("/api/v1/studies", {
    data: { name: `Done study ${Date.now().toString(36)}`, criteria: ["Accuracy"], design: "all_pairs" },
  });
  expect(created.status()).toBe(201);
  const studyId = String(((await created.json()) as { id: string }).id);
  for (const model of ["strong", "even-1", "even-2"]) {
    const rows = Array.from({ length: PROMPTS }, (_, i) => ({
      instruction: `How is fever ${i} managed?`,
      output: `Answer ${i} by ${model}`,
      generator: model,
    }));
    expect((await asAdmin.post(`/api/v1/studies/${studyId}/outputs`, { data: rows })).status()).toBe(200);
  }
  expect((await asAdmin.post(`/api/v1/studies/${studyId}/start`)).ok()).toBe(true);

  // "strong" always wins; "even-1" against "even-2" goes each way on half the prompts.
  const asRater = await client(clinician.id);
  for (let n = 0; ; n++) {
    const claim = await asRater.post(`/api/v1/studies/${studyId}/assignments/next`);
    if (claim.status() === 204) {
      expect(n).toBe(PROMPTS * 3);
      break;
    }
    expect(claim.status()).toBe(200);
    const a = (await claim.json()) as {
      assignmentId: string;
      prompt: { instruction: string };
      responses: { text: string }[];
    };
    const [left, right] = a.responses.map((r) => /by (\S+)$/.exec(r.text)?.[1] ?? "");
    const prompt = Number(/\d+/.exec(a.prompt.instruction)?.[0]);
    const winner = left === "strong" || right === "strong" ? "strong" : prompt % 2 ? "even-2" : "even-1";
    const submitted = await asRater.post(`/api/v1/assignments/${a.assignmentId}/submit`, {
      headers: { "idempotency-key": randomUUID() },
      data: { choices: { accuracy: left === winner ? "A" : "B" }, durationMs: 3000 },
    });
    expect(submitted.status()).toBe(200);
  }
  await Promise.all([asAdmin.dispose(), asRater.dispose()]);

  const page = await signedIn(browser, researcher.email, { width: 1440, height: 900 });
  await page.goto(`/studies/${studyId}/results`);
  const card = page.locator("section", { has: page.getByRole("heading", { name: "Are we done?" }) });
  await expect(card.getByTestId("progress-headline")).toContainText("Not done: 1 of 2 adjacent orders");
  const rows = card.getByTestId("progress-table").first().getByTestId("progress-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("strong >");
  await expect(rows.nth(0)).toContainText("Settled");
  await expect(rows.nth(1)).toContainText("Not yet");
  await expect(card.getByRole("img")).toHaveCount(1);
  await expect(card.getByTestId("progress-assumption")).toContainText("1/√n");
  await axeClean(page);

  const estimate = rows.nth(1).getByTestId("more-needed");
  const before = (await estimate.innerText()).trim();
  expect(before).toMatch(/^≈ [\d,]+$/);
  const width = card.getByLabel(/Target width/);
  await expect(width).toHaveValue("50");
  await width.fill("120");
  await card.getByRole("button", { name: "Estimate" }).click();
  await expect(page).toHaveURL(/[?&]width=120\b/);
  await expect(card.getByTestId("progress-assumption")).toContainText("width of 120 Elo points");
  await expect(estimate).not.toHaveText(before);
  const wider = Number((await estimate.innerText()).replace(/[^\d]/g, ""));
  expect(wider).toBeLessThan(Number(before.replace(/[^\d]/g, "")));

  // A width that is not a number of Elo points is refused on its field, and the default is used.
  await page.goto(`/studies/${studyId}/results?width=0`);
  await expect(page.locator("#f-width-error")).toContainText("At least 5");
  await expect(card.getByTestId("progress-assumption")).toContainText("width of 50 Elo points");
  await axeClean(page);

  const phone = await signedIn(browser, researcher.email, { width: 375, height: 812 });
  await phone.goto(`/studies/${studyId}/results?width=120`);
  await expect(phone.getByRole("heading", { name: "Are we done?" })).toBeVisible();
  await phone.getByText(/All 3 model pairs/).click();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await axeClean(phone);
});
