// Accessibility: every main page, for each role, has no WCAG 2.1 A/AA violation axe can find; the
// two work screens (audit review, rating) are operable by keyboard alone; the rating screen reflows
// at 375 px. The data each page needs is created through the API, as a pipeline would.
import { randomBytes, randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import {
  expect,
  test,
  type APIRequestContext,
  type Browser,
  type Locator,
  type Page,
} from "@playwright/test";
import { createToken, createUser, testDb } from "./support/db";
import { signInViaApi } from "./support/auth";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
type TRole = "ADMIN" | "CLINICIAN" | "RESEARCHER";
type TViolation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

const suffix = randomBytes(3).toString("hex");
const fx = {
  admin: "",
  clinician: "",
  researcher: "",
  seedId: "",
  datasetId: "",
  campaignId: "",
  studyId: "",
};

async function ok(res: Awaited<ReturnType<APIRequestContext["post"]>>, what: string) {
  expect(res.ok(), `${what}: ${res.status()} ${await res.text().catch(() => "")}`).toBe(true);
  return res.status() === 204 ? null : ((await res.json()) as Record<string, unknown>);
}

test.beforeAll(async ({ playwright }, testInfo) => {
  test.setTimeout(120_000);
  const baseURL = testInfo.project.use.baseURL;
  const [admin, clinician, colleague, colleague2, researcher] = await Promise.all([
    createUser("ADMIN"),
    createUser("CLINICIAN"),
    createUser("CLINICIAN"),
    createUser("CLINICIAN"),
    createUser("RESEARCHER"),
  ]);
  Object.assign(fx, { admin: admin.email, clinician: clinician.email, researcher: researcher.email });
  const api = async (userId: string) =>
    playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${(await createToken(userId)).token}` },
    });
  const [asAdmin, asColleague, asColleague2, asClinician] = await Promise.all([
    api(admin.id),
    api(colleague.id),
    api(colleague2.id),
    api(clinician.id),
  ]);

  // A seed in review with vocabulary terms, so the list, the editor's selects and the detail page have content.
  const terms: Record<string, string> = {};
  for (const kind of ["TOPIC", "VIEW", "TYPE"] as const) {
    const t = await testDb().vocabularyTerm.create({
      data: { kind, label: `${kind.toLowerCase()} a11y ${suffix}`, aliases: [] },
    });
    terms[kind] = t.id;
  }
  const seed = await ok(
    await asColleague.post("/api/v1/seeds", {
      data: {
        topicId: terms.TOPIC,
        viewId: terms.VIEW,
        typeId: terms.TYPE,
        instruction: `Explain how to take an inhaler (${suffix}).`,
        difficulty: 2,
        duplicateReason: "Accessibility test fixture",
      },
    }),
    "create seed",
  );
  fx.seedId = String(seed?.id);
  // Submitted, so colleagues and admins can open it too (a draft is its author's only).
  await ok(
    await asColleague.post(`/api/v1/seeds/${fx.seedId}/submit`, { data: { baseVersion: 1 } }),
    "submit seed",
  );

  // A dataset and a running campaign; two colleagues review the same three items and disagree on
  // two, so the report has numbers and the admin sees the adjudication forms.
  const records = Array.from({ length: 8 }, (_, i) =>
    JSON.stringify({
      instruction: `How is condition ${i} treated?`,
      input: "",
      output: `Rest, fluids and review in ${i + 2} days.`,
      difficulty: "2",
    }),
  );
  const dataset = await ok(
    await asAdmin.post(`/api/v1/datasets?name=${encodeURIComponent(`A11y dataset ${suffix}`)}`, {
      headers: { "content-type": "application/x-ndjson" },
      data: records.join("\n"),
    }),
    "import dataset",
  );
  fx.datasetId = String(dataset?.id);
  const campaign = await ok(
    await asAdmin.post("/api/v1/audits", {
      data: {
        datasetId: fx.datasetId,
        name: `A11y audit ${suffix}`,
        sampleSize: 8,
        seed: "a11y",
        reviewersPerItem: 2,
      },
    }),
    "create campaign",
  );
  fx.campaignId = String(campaign?.id);
  for (const [who, verdicts] of [
    [asColleague, ["accept", "reject", "accept"]],
    [asColleague2, ["reject", "reject", "revise"]],
  ] as const) {
    for (const verdict of verdicts) {
      const task = await ok(
        await who.post(`/api/v1/audits/${fx.campaignId}/assignments/next`),
        "claim audit item",
      );
      const data = {
        verdict,
        flags: verdict === "accept" ? [] : ["incomplete"],
        ...(verdict === "revise" ? { correctedOutput: `${String(task?.output)} See a doctor.` } : {}),
      };
      await ok(
        await who.post(`/api/v1/assignments/${String(task?.assignmentId)}/submit`, {
          headers: { "idempotency-key": randomUUID() },
          data,
        }),
        "submit review",
      );
    }
  }

  // One answer of the clinician's own, so My answers has a row to show (and to reopen).
  const own = await ok(
    await asClinician.post(`/api/v1/audits/${fx.campaignId}/assignments/next`),
    "claim audit item (clinician)",
  );
  await ok(
    await asClinician.post(`/api/v1/assignments/${String(own?.assignmentId)}/submit`, {
      headers: { "idempotency-key": randomUUID() },
      data: { verdict: "accept", flags: [] },
    }),
    "submit review (clinician)",
  );

  // A started two-model study (a criterion label with a space, as clinicians write them), partly
  // rated by a colleague so the results page has charts and tables.
  const study = await ok(
    await asAdmin.post("/api/v1/studies", {
      data: {
        name: `A11y study ${suffix}`,
        criteria: ["Accuracy", "Clinical safety"],
        design: "all_pairs",
        ratingsPerComparison: 2,
      },
    }),
    "create study",
  );
  fx.studyId = String(study?.id);
  for (const model of ["model-left", "model-right"]) {
    const rows = Array.from({ length: 10 }, (_, i) => ({
      instruction: `What should a patient with a fever of 38.${i} °C do?`,
      output:
        model === "model-left"
          ? `Drink fluids and rest (${i}).`
          : `Take paracetamol and call a doctor if it lasts (${i}).`,
      generator: model,
    }));
    await ok(await asAdmin.post(`/api/v1/studies/${fx.studyId}/outputs`, { data: rows }), "import outputs");
  }
  await ok(await asAdmin.post(`/api/v1/studies/${fx.studyId}/start`), "start study");
  for (let i = 0; i < 4; i++) {
    const a = await ok(
      await asColleague.post(`/api/v1/studies/${fx.studyId}/assignments/next`),
      "claim comparison",
    );
    await ok(
      await asColleague.post(`/api/v1/assignments/${String(a?.assignmentId)}/submit`, {
        headers: { "idempotency-key": randomUUID() },
        data: { choices: { accuracy: i % 2 ? "A" : "B", clinical_safety: "tie" }, durationMs: 4000 },
      }),
      "submit judgement",
    );
  }
  await Promise.all([asAdmin, asColleague, asColleague2, asClinician].map((c) => c.dispose()));
});

type TPage = { path: () => string; ready?: (page: Page) => Locator };
const main = (page: Page) => page.locator("main h1").first();

const PAGES: Record<TRole, TPage[]> = {
  ADMIN: [
    { path: () => "/" },
    { path: () => "/seeds" },
    { path: () => `/seeds/${fx.seedId}` },
    { path: () => "/datasets" },
    { path: () => `/datasets/${fx.datasetId}` },
    { path: () => "/audits" },
    { path: () => `/audits/${fx.campaignId}` },
    { path: () => "/studies" },
    { path: () => `/studies/${fx.studyId}` },
    { path: () => `/studies/${fx.studyId}/results`, ready: (p) => p.locator("svg[role=img]").first() },
    { path: () => "/account" },
    { path: () => "/admin/users" },
    { path: () => "/admin/audit-log" },
    { path: () => "/admin/vocabulary", ready: (p) => p.getByTestId("terms-live") },
    { path: () => "/seeds/import" },
  ],
  CLINICIAN: [
    { path: () => "/" },
    { path: () => "/seeds" },
    { path: () => "/seeds/new" },
    { path: () => "/seeds?review=mine" },
    { path: () => `/seeds/${fx.seedId}` },
    { path: () => "/audits" },
    { path: () => `/audits/${fx.campaignId}/review`, ready: (p) => p.getByTestId("task-instruction") },
    { path: () => "/rate" },
    { path: () => `/rate/${fx.studyId}`, ready: (p) => p.getByTestId("response-B") },
    { path: () => "/my-answers", ready: (p) => p.getByTestId("my-answers") },
    { path: () => "/account" },
  ],
  RESEARCHER: [
    { path: () => "/" },
    { path: () => "/seeds" },
    { path: () => "/datasets" },
    { path: () => "/audits" },
    { path: () => `/audits/${fx.campaignId}` },
    { path: () => "/studies" },
    { path: () => `/studies/${fx.studyId}/results`, ready: (p) => p.locator("svg[role=img]").first() },
    { path: () => "/account" },
  ],
};

function describe(path: string, v: TViolation): string {
  const nodes = v.nodes.map(
    (n) =>
      `      ${n.target.join(" ")}${n.failureSummary ? `\n        ${n.failureSummary.replace(/\n/g, "\n        ")}` : ""}`,
  );
  return `  ${path}: [${v.impact ?? "?"}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes.join("\n")}`;
}

/** Runs axe on the page as it is; returns the violations, one readable block each. */
async function violations(page: Page, path: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map((v) => describe(path, v));
}

async function visit(page: Page, path: string, ready?: (page: Page) => Locator): Promise<string[]> {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(200);
  expect(new URL(page.url()).pathname, path).toBe(path.split("?")[0]);
  await expect((ready ?? main)(page)).toBeVisible();
  return violations(page, path);
}

async function signedIn(
  browser: Browser,
  email: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
  await signInViaApi(page.request, email);
  return page;
}

test("the sign-in page, signed out, has no WCAG 2.1 A/AA violations", async ({ page }) => {
  const found = await visit(page, "/signin", (p) => p.getByRole("button", { name: "Sign in" }));
  expect(found, `axe violations:\n${found.join("\n")}`).toEqual([]);
});

for (const role of ["ADMIN", "CLINICIAN", "RESEARCHER"] as const) {
  test(`${role.toLowerCase()}: the main pages have no WCAG 2.1 A/AA violations`, async ({ browser }) => {
    // Up to 14 pages with an axe run each: on a shared, loaded machine the admin's list outgrew 60 s.
    test.setTimeout(180_000);
    const email = { ADMIN: fx.admin, CLINICIAN: fx.clinician, RESEARCHER: fx.researcher }[role];
    const page = await signedIn(browser, email);
    const found: string[] = [];
    for (const p of PAGES[role]) found.push(...(await visit(page, p.path(), p.ready)));
    expect(found, `axe violations:\n${found.join("\n")}`).toEqual([]);
  });
}

/** Presses Tab until `target` has focus; returns the stops passed on the way. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return stops;
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return "body";
        const name =
          el.getAttribute("aria-label") ??
          (el as HTMLInputElement).labels?.[0]?.textContent ??
          el.textContent ??
          "";
        return `${el.tagName.toLowerCase()}${el.getAttribute("type") ? `[${el.getAttribute("type")}]` : ""} "${name.trim().slice(0, 40)}"`;
      }),
    );
  }
  throw new Error(`Tab never reached the target; stops: ${stops.join(" → ")}`);
}

async function expectFocusVisible(target: Locator) {
  const outline = await target.evaluate((el) => {
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(outline.style, "focused control shows an outline").not.toBe("none");
  expect(outline.width).toBeGreaterThan(0);
}

test("keyboard only: the audit review and rating screens reach submit by Tab, and their shortcuts work", async ({
  browser,
}) => {
  const page = await signedIn(browser, fx.clinician);

  // Audit review.
  await page.goto(`/audits/${fx.campaignId}/review`);
  const instruction = page.getByTestId("task-instruction");
  await expect(instruction).toBeVisible();
  const accept = page.getByRole("button", { name: "Accept (a)" });
  const reject = page.getByRole("button", { name: "Reject (r)" });
  await page.keyboard.press("r");
  await expect(reject).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("a");
  await expect(accept).toHaveAttribute("aria-pressed", "true");
  await expect(reject).toHaveAttribute("aria-pressed", "false");
  const firstFlag = page.locator("[data-testid^=flag-]").first();
  await page.keyboard.press("1");
  await expect(firstFlag).toBeChecked();
  await page.keyboard.press("1");
  await expect(firstFlag).not.toBeChecked();

  // The shortcuts moved no focus: the first Tab lands on the skip link, then on through the page.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  const submitReview = page.getByTestId("submit-review");
  const reviewStops = await tabTo(page, submitReview);
  // The correction is made in the output's own panel: Tab passes its "Edit the output" button.
  expect(
    reviewStops.some((s) => s.includes("Edit the output")),
    reviewStops.join(" → "),
  ).toBe(true);
  await expectFocusVisible(submitReview);
  // Passing through the output panel on the way does not change the verdict.
  await expect(accept).toHaveAttribute("aria-pressed", "true");
  let before = await instruction.textContent();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("review-message")).toHaveText("Saved.");
  await expect(instruction).not.toHaveText(before ?? "");

  // Enter on a focused button does what that button says (here: skip), not a submit.
  before = await instruction.textContent();
  await page.keyboard.press("a");
  await tabTo(page, page.getByRole("button", { name: "Skip (s)" }));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("review-message")).toHaveText("Skipped.");
  await expect(instruction).not.toHaveText(before ?? "");

  // e opens the correction, Esc leaves it, Enter submits the revision.
  before = await instruction.textContent();
  await page.keyboard.press("e");
  await expect(page.getByLabel(/^Correction/)).toBeFocused();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(" Review sooner if worse.");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Needs revision (e)" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("review-message")).toHaveText("Saved.");
  await expect(instruction).not.toHaveText(before ?? "");

  // Rating: first by Tab, Space and arrows alone.
  await page.goto(`/rate/${fx.studyId}`);
  await expect(page.getByTestId("rating-panel")).toBeVisible();
  await expect(page.getByTestId("rating-progress")).toHaveText("You have rated 0");
  const accuracy = page.getByTestId("criterion-accuracy");
  const safety = page.getByTestId("criterion-clinical_safety");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  // Each criterion is one Tab stop (a native radio group); Space answers, arrows change the answer.
  await tabTo(page, accuracy.getByRole("radio", { name: "A is better" }));
  await page.keyboard.press("Space");
  await expect(accuracy.getByRole("radio", { name: "A is better" })).toBeChecked();
  await page.keyboard.press("ArrowRight");
  await expect(accuracy.getByRole("radio", { name: "B is better" })).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(safety.getByRole("radio", { name: "A is better" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(safety.getByRole("radio", { name: "A is better" })).toBeChecked();
  const submitRating = page.getByRole("button", { name: "Submit (Enter)" });
  const ratingStops = await tabTo(page, submitRating);
  expect(
    ratingStops.some((s) => s.includes("Rationale")),
    ratingStops.join(" → "),
  ).toBe(true);
  await expectFocusVisible(submitRating);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("rating-progress")).toHaveText("You have rated 1");

  // Then by the shortcuts: a/b/t/x answer the highlighted criterion, r writes the rationale, Esc leaves it, Enter submits, s skips.
  await page.keyboard.press("a");
  await expect(accuracy.getByRole("radio", { name: "A is better" })).toBeChecked();
  await page.keyboard.press("t");
  await expect(safety.getByRole("radio", { name: "Tie" })).toBeChecked();
  await page.keyboard.press("r");
  const rationale = page.getByLabel(/^Rationale/);
  await expect(rationale).toBeFocused();
  await page.keyboard.type("Clearer advice.");
  await page.keyboard.press("Escape");
  await expect(rationale).not.toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("rating-progress")).toHaveText("You have rated 2");
  const prompt = await page.getByTestId("prompt").textContent();
  await page.keyboard.press("s");
  await expect(page.getByTestId("rating-info")).toContainText("Skipped");
  await expect(page.getByTestId("prompt")).not.toHaveText(prompt ?? "");
});

test("at 375 px the rating responses and the review output/correction stack, nothing scrolls sideways, and axe still passes", async ({
  browser,
}) => {
  const page = await signedIn(browser, fx.clinician, { width: 375, height: 812 });
  const noSidewaysScroll = async () =>
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      "page is wider than the viewport",
    ).toBeLessThanOrEqual(375);
  const stacked = async (first: Locator, second: Locator) => {
    const [a, b] = [await first.boundingBox(), await second.boundingBox()];
    if (!a || !b) throw new Error("element not rendered");
    expect(b.y, "second box starts below the first").toBeGreaterThanOrEqual(a.y + a.height - 1);
    expect(Math.abs(a.x - b.x)).toBeLessThan(1);
    expect(a.x + a.width).toBeLessThanOrEqual(375);
  };

  const path = `/rate/${fx.studyId}`;
  const rating = await visit(page, path, (p) => p.getByTestId("response-B"));
  await stacked(page.getByTestId("response-A"), page.getByTestId("response-B"));
  await noSidewaysScroll();

  const reviewPath = `/audits/${fx.campaignId}/review`;
  const review = await visit(page, reviewPath, (p) => p.getByTestId("task-instruction"));
  await stacked(page.getByTestId("task-instruction"), page.getByTestId("task-output"));
  await noSidewaysScroll();
  // Editing puts the correction in the output's place, as wide as the screen allows.
  await page.keyboard.press("e");
  await stacked(page.getByTestId("task-instruction"), page.getByLabel(/^Correction/));
  await noSidewaysScroll();

  const found = [...rating, ...review];
  expect(found, `axe violations at 375 px:\n${found.join("\n")}`).toEqual([]);
});

test("on a phone (375 px, touch) each study criterion sits on one line with all its answers", async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await signInViaApi(page.request, fx.clinician);
  await visit(page, `/rate/${fx.studyId}`, (p) => p.getByTestId("response-B"));
  // Its name beside its answers, every answer inside the screen.
  const criteria = page.locator("[data-testid^=criterion-]");
  expect(await criteria.count()).toBeGreaterThan(1);
  for (const criterion of await criteria.all()) {
    // Both in the same coordinates (the viewport's, read at once).
    const { name, answers } = await criterion.evaluate((el) => {
      const box = (e: Element) => {
        const r = e.getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, right: r.right };
      };
      const legend = el.querySelector("legend");
      return { name: legend ? box(legend) : null, answers: [...el.querySelectorAll("label")].map(box) };
    });
    if (!name || answers.length < 4) throw new Error("criterion not rendered with its four answers");
    for (const a of answers) {
      expect(a.top, "answer on the name's line").toBeLessThan(name.bottom);
      expect(a.bottom, "answer on the name's line").toBeGreaterThan(name.top);
      expect(a.right, "answer inside the screen").toBeLessThanOrEqual(375);
    }
  }
  await context.close();
});

test("at 375 px the audit trail and a campaign's page with its reviewers form fit, and axe passes", async ({
  browser,
}) => {
  const page = await signedIn(browser, fx.admin, { width: 375, height: 812 });
  const found: string[] = [];
  for (const [path, ready] of [
    ["/admin/audit-log", (p: Page) => p.getByTestId("audit-entry").first()],
    [`/audits/${fx.campaignId}`, (p: Page) => p.getByTestId("reviewers-form")],
  ] as const) {
    found.push(...(await visit(page, path, ready)));
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${path} is wider than the viewport`,
    ).toBeLessThanOrEqual(375);
  }
  expect(found, `axe violations:\n${found.join("\n")}`).toEqual([]);
});

test("at 375 px the seed import's label mapping and the vocabulary page fit, and axe passes on both with their controls open", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, fx.admin, { width: 375, height: 812 });
  const fits = async (what: string) =>
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${what} is wider than the viewport`,
    ).toBeLessThanOrEqual(375);
  const s = randomBytes(3).toString("hex");
  const records = ["Rewrites", "Rewriting", "Rewrite Task", "Classification"].map((type, i) => ({
    topic: `Cardiology ${s}`,
    view: `Patient's Perspective ${s}`,
    type: `${type} ${s}`,
    instruction: `Explain the treatment of angina, case ${i} [${s}].`,
    input: "<noinput>",
    difficulty: "2",
  }));
  await visit(page, "/seeds/import");
  await page.getByLabel("Seed file (AlpaCare JSON or JSON Lines)").setInputFiles({
    name: "seeds.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(records)),
  });
  await page.getByRole("button", { name: "Check" }).click();
  const table = page.getByTestId("unknown-labels");
  await expect(table).toBeVisible();
  // The three Rewrite spellings share one row.
  await expect(table.locator("tbody tr")).toHaveCount(4);
  await table.getByRole("combobox", { name: `Decision for “Classification ${s}”` }).selectOption("other");
  await fits("the import screen");
  const box = await table.boundingBox();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(375);
  const found = await violations(page, "/seeds/import (mapping)");

  await visit(page, "/admin/vocabulary", (p) => p.getByTestId("terms-live"));
  await page.getByLabel("Search terms (label or alias)").fill("a");
  // A row's forms are rendered when it is first opened: open one, so they are scanned too.
  const row = page.getByTestId("vocabulary-term").first();
  await row.locator("summary").click();
  await expect(row.getByRole("button", { name: "Rename" })).toBeVisible();
  await fits("the vocabulary page");
  found.push(...(await violations(page, "/admin/vocabulary")));
  expect(found, `axe violations at 375 px:\n${found.join("\n")}`).toEqual([]);
});

/** Issue 15's screens, by the role that works on them, each with what shows it is ready. */
// Paths are functions: the fixture ids exist only once beforeAll has run.
const ISSUE_15: [TRole, () => string, (p: Page) => Locator][] = [
  ["CLINICIAN", () => "/my-answers", (p) => p.getByTestId("my-answer").first()],
  ["CLINICIAN", () => "/seeds?review=mine", main],
  ["CLINICIAN", () => `/audits/${fx.campaignId}/review`, (p) => p.getByTestId("task-instruction")],
  ["CLINICIAN", () => `/rate/${fx.studyId}`, (p) => p.getByTestId("response-B")],
  ["ADMIN", () => "/seeds", (p) => p.getByTestId("seed-export-form")],
  ["ADMIN", () => "/seeds/import", (p) => p.getByLabel("Seed file (AlpaCare JSON or JSON Lines)")],
  ["ADMIN", () => "/admin/vocabulary", (p) => p.getByTestId("terms-live")],
  [
    "ADMIN",
    () => "/admin/audit-log?action=audit.&entityType=audit_campaign",
    (p) => p.getByTestId("audit-entry").first(),
  ],
  ["ADMIN", () => `/audits/${fx.campaignId}`, (p) => p.getByTestId("reviewers-form")],
  ["ADMIN", () => `/studies/${fx.studyId}`, main],
  ["ADMIN", () => `/studies/${fx.studyId}/results`, (p) => p.locator("svg[role=img]").first()],
  ["RESEARCHER", () => `/audits/${fx.campaignId}`, main],
  ["RESEARCHER", () => `/studies/${fx.studyId}/results`, (p) => p.locator("svg[role=img]").first()],
];

test("at 375 px every screen of issue 15 fits without sideways scrolling and passes axe", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const found: string[] = [];
  const wide: string[] = [];
  for (const role of ["CLINICIAN", "ADMIN", "RESEARCHER"] as const) {
    const email = { ADMIN: fx.admin, CLINICIAN: fx.clinician, RESEARCHER: fx.researcher }[role];
    const page = await signedIn(browser, email, { width: 375, height: 812 });
    for (const [who, path, ready] of ISSUE_15) {
      if (who !== role) continue;
      const at = path();
      found.push(...(await visit(page, at, ready)));
      const { scroll, client } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
      }));
      if (scroll > client) wide.push(`${role} ${at}: ${scroll} px wide in a ${client} px viewport`);
    }
    await page.context().close();
  }
  expect(wide, wide.join("\n")).toEqual([]);
  expect(found, `axe violations at 375 px:\n${found.join("\n")}`).toEqual([]);
});
