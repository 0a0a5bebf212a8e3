import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createToken, createUser } from "./support/db";
import { signInViaApi } from "./support/auth";
import { realDataFile, realDataSkipReason, realDataTitle } from "../tests/support/real-data";

// Issue 15, items 2 and 3: instructions, inputs and outputs read as rendered markdown (inert
// links, raw HTML as text, no image fetched), the decision bar stays in view, keyboard hints only
// where there is a keyboard, and an audit correction is made in the output's own panel.

const MED = "alpacare/MedInstruct-test.jsonl";

/** Sets up through the API as an admin with a token. */
function adminApi(request: APIRequestContext, token: string) {
  const auth = { authorization: `Bearer ${token}` };
  return async (path: string, data: unknown, type = "application/json") => {
    const res = await request.post(path, {
      headers: { ...auth, "content-type": type },
      data: typeof data === "string" || Buffer.isBuffer(data) ? data : JSON.stringify(data),
    });
    expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
    return (await res.json()) as { id: string };
  };
}

/** A generated answer with the markdown models write, long enough to push controls off screen. */
function markdownAnswer(i: number, model: string): string {
  const filler = Array.from(
    { length: 12 },
    (_, k) => `Sentence ${k} of a long paragraph from ${model}.`,
  ).join(" ");
  return [
    `**Rest** and fluids come first (case ${i}).`,
    "",
    "1. Paracetamol 1 g every 6 hours",
    "2. See a doctor if it lasts over 3 days",
    "",
    "| Drug | Dose |",
    "| --- | ---: |",
    "| Paracetamol | 1 g |",
    "",
    "See [the leaflet](https://example.org/leaflet) and <b>read</b> it. ![pill](https://example.org/p.png)",
    "",
    filler,
    "",
    filler,
  ].join("\n");
}

async function study(post: ReturnType<typeof adminApi>, name: string, rows: unknown[] | Buffer, query = "") {
  const s = await post("/api/v1/studies", {
    name,
    title: name,
    criteria: ["Accuracy", "Safety"],
    design: "all_pairs",
    ratingsPerComparison: 1,
    attentionCheckShare: 0,
    repeatShare: 0,
  });
  if (Buffer.isBuffer(rows))
    await post(`/api/v1/studies/${s.id}/outputs${query}`, rows, "application/x-ndjson");
  else await post(`/api/v1/studies/${s.id}/outputs`, rows);
  await post(`/api/v1/studies/${s.id}/start`, {});
  return s.id;
}

/**
 * On a touch screen no keyboard hint shows: every hint element (a kbd, anything marked .kbd-hint,
 * the key-hints paragraph) is hidden, checked one by one rather than the first only.
 */
async function expectNoKeyHints(page: Page) {
  expect(await page.evaluate(() => matchMedia("(pointer: coarse)").matches)).toBe(true);
  const hints = page.locator("kbd, .kbd-hint, [data-testid=key-hints]");
  expect(await hints.count()).toBeGreaterThan(0);
  for (const h of await hints.all()) await expect(h).toBeHidden();
  for (const t of await page.getByText(/keyboard|Keys:|\(Enter\)|\(e\)/i).all()) await expect(t).toBeHidden();
}

/** The decision bar is on screen, whole, at the bottom of the viewport. */
async function expectBarInView(page: Page) {
  const bar = page.getByTestId("decision-bar");
  await expect(bar).toBeInViewport({ ratio: 1 });
  const box = await bar.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  expect(Math.round((box?.y ?? 0) + (box?.height ?? 0))).toBeLessThanOrEqual(height);
}

test("a rater reads generated markdown rendered (inert links, HTML as text, no image), with the decision bar in view", async ({
  page,
  request,
}) => {
  const [admin, rater] = await Promise.all([createUser("ADMIN"), createUser("CLINICIAN")]);
  const post = adminApi(request, (await createToken(admin.id)).token);
  const rows = [0, 1].flatMap((i) =>
    ["m1", "m2"].map((m) => ({
      instruction: `**Question ${i}**: what should a patient with a fever do?`,
      output: markdownAnswer(i, m),
      generator: m,
    })),
  );
  const studyId = await study(post, "Markdown pilot", rows);
  const fetched: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("example.org")) fetched.push(r.url());
  });
  await signInViaApi(page.request, rater.email);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/rate/${studyId}`);

  const a = page.getByTestId("response-A");
  await expect(a.locator("strong").first()).toHaveText("Rest");
  await expect(a.locator("ol > li")).toHaveText([
    "Paracetamol 1 g every 6 hours",
    "See a doctor if it lasts over 3 days",
  ]);
  await expect(a.locator("table td").last()).toHaveText("1 g");
  await expect(a.getByText("<b>read</b>")).toBeVisible();
  await expect(a.getByText("[image: pill]")).toBeVisible();
  await expect(a.locator("a, img, b")).toHaveCount(0);
  await expect(a).not.toContainText("**");
  // Either pair may be claimed first.
  await expect(page.getByTestId("prompt").locator("strong")).toHaveText(/^Question [01]$/);
  // Side by side on a wide screen.
  const [boxA, boxB] = await Promise.all([a.boundingBox(), page.getByTestId("response-B").boundingBox()]);
  expect(Math.abs((boxA?.y ?? 0) - (boxB?.y ?? 1))).toBeLessThan(2);
  expect(boxB?.x ?? 0).toBeGreaterThan((boxA?.x ?? 0) + (boxA?.width ?? 0) - 1);
  await expectBarInView(page);
  await expect(page.getByTestId("key-hints")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("rate-1440.png"), fullPage: false });

  // The answers are chosen in the bar, without scrolling.
  const bar = page.getByTestId("decision-bar");
  await bar.getByTestId("criterion-accuracy").getByRole("radio", { name: "A is better" }).check();
  await bar.getByTestId("criterion-safety").getByRole("radio", { name: "Tie" }).check();
  await expect(page.getByTestId("draft-status")).toHaveText("Draft saved");
  await bar.getByRole("button", { name: /^Submit/ }).click();
  await expect(page.getByTestId("rating-progress")).toHaveText("You have rated 1");
  expect(fetched).toEqual([]);
});

test("on a 375 px touch screen the answers are stacked in short boxes, the bar stays in view, no key hints", async ({
  browser,
  request,
}) => {
  const [admin, rater] = await Promise.all([createUser("ADMIN"), createUser("CLINICIAN")]);
  const post = adminApi(request, (await createToken(admin.id)).token);
  const rows = ["m1", "m2"].map((m) => ({
    instruction: "Fever?",
    output: markdownAnswer(0, m),
    generator: m,
  }));
  const studyId = await study(post, "Markdown phone", rows);
  const context = await browser.newContext({
    viewport: { width: 375, height: 667 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await signInViaApi(page.request, rater.email);
  await page.goto(`/rate/${studyId}`);
  const a = page.getByTestId("response-A");
  const b = page.getByTestId("response-B");
  await expect(a.locator("ol > li")).toHaveCount(2);
  const [boxA, boxB] = await Promise.all([a.boundingBox(), b.boundingBox()]);
  // Stacked, each at most about half the screen tall.
  expect(boxB?.y ?? 0).toBeGreaterThan((boxA?.y ?? 0) + (boxA?.height ?? 0) - 1);
  expect(boxA?.height ?? 1000).toBeLessThan(667 * 0.6);
  await expectBarInView(page);
  // The bar is compact: one row of short answers per criterion, the rationale behind a toggle,
  // so the responses above it stay readable.
  const barBox = await page.getByTestId("decision-bar").boundingBox();
  expect(barBox?.height ?? 1000).toBeLessThanOrEqual(667 * 0.35);
  await expect(page.getByLabel(/^Rationale/)).toBeHidden();
  await expectNoKeyHints(page);
  // The whole page is short: prompt, two boxes and the rationale, not 2,500 px of text.
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(2_000);
  // Nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: test.info().outputPath("rate-375.png"), fullPage: true });
  await page.screenshot({ path: test.info().outputPath("rate-375-view.png") });
  await page.getByTestId("rationale-toggle").tap();
  await expect(page.getByLabel(/^Rationale/)).toBeVisible();
  await page.getByTestId("rationale-toggle").tap();
  await expect(page.getByLabel(/^Rationale/)).toBeHidden();
  await page.getByTestId("criterion-accuracy").getByRole("radio", { name: "B is better" }).tap();
  await page.getByTestId("criterion-safety").getByRole("radio", { name: "A is better" }).tap();
  await page
    .getByTestId("decision-bar")
    .getByRole("button", { name: /^Submit/ })
    .tap();
  await expect(page.getByText("All done")).toBeVisible();
  await context.close();
});

const medFile = realDataFile(MED);

test(
  realDataTitle("MedInstruct-test's gpt-4 and claude-2 answers are rated as rendered markdown", MED),
  async ({ page, request }) => {
    test.skip(!medFile, realDataSkipReason(MED));
    test.setTimeout(120_000);
    const [admin, rater] = await Promise.all([createUser("ADMIN"), createUser("CLINICIAN")]);
    const post = adminApi(request, (await createToken(admin.id)).token);
    const studyId = await study(
      post,
      "MedInstruct markdown",
      readFileSync(medFile ?? ""),
      "?models=gpt-4,claude-2",
    );
    await signInViaApi(page.request, rater.email);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/rate/${studyId}`);
    let lists = 0;
    for (let i = 0; i < 6; i++) {
      await expect(page.getByTestId("rating-progress")).toHaveText(`You have rated ${i}`);
      for (const side of ["A", "B"]) {
        const r = page.getByTestId(`response-${side}`).getByTestId("response-text");
        // The answers' numbered lists and emphasis are rendered, their marks never shown.
        await expect(r).not.toContainText("**");
        expect(await r.innerText()).not.toMatch(/^\d+\. /m);
        lists += await r.locator("ol, ul").count();
      }
      await expectBarInView(page);
      await page.keyboard.press("a");
      await page.keyboard.press("b");
      await page.keyboard.press("Enter");
    }
    // MedInstruct's answers are mostly lists: six pairs hold some.
    expect(lists).toBeGreaterThan(0);
  },
);

test("an audit correction is made in the output's own panel: raw text, growing box, live word diff, PHI marked", async ({
  page,
  request,
}) => {
  const [admin, reviewer] = await Promise.all([createUser("ADMIN"), createUser("CLINICIAN")]);
  const post = adminApi(request, (await createToken(admin.id)).token);
  const output = "**Rest** and fluids.\n\n1. Paracetamol 1 g\n2. Water";
  const dataset = await post(
    "/api/v1/datasets?name=Markdown%20audit",
    [0, 1].map((i) => JSON.stringify({ instruction: `Advise on fever ${i}.`, input: "", output })).join("\n"),
    "application/x-ndjson",
  );
  const campaign = await post("/api/v1/audits", {
    datasetId: dataset.id,
    sampleSize: 2,
    seed: "md-e2e",
    reviewersPerItem: 1,
    name: "Markdown audit",
  });
  await signInViaApi(page.request, reviewer.email);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/audits/${campaign.id}/review`);

  const panel = page.getByTestId("output-panel");
  await expect(panel.getByTestId("task-output").locator("strong")).toHaveText("Rest");
  await expect(panel.getByTestId("task-output").locator("ol > li")).toHaveCount(2);
  await expectBarInView(page);

  await page.keyboard.press("e");
  const box = page.getByLabel(/^Correction/);
  await expect(box).toBeFocused();
  // The panel now holds the raw text, and only it: no rendered copy beside the box.
  await expect(box).toHaveValue(output);
  await expect(panel.getByTestId("task-output")).toHaveCount(0);
  await expect(page.getByTestId("task-output")).toHaveCount(0);
  await page.keyboard.press("Control+End");
  await page.keyboard.type(
    "\n3. Ask Mr. John Smith at the clinic\n4. Rest\n5. Sleep\n6. Eat\n7. Walk\n8. Call",
  );
  await expect(page.getByTestId("diff-view").locator("ins")).toContainText("Ask Mr. John Smith");
  await expect(page.getByTestId("diff-view").getByTestId("phi-mark")).toContainText("John Smith");
  await expect(panel.getByTestId("phi-findings-inline").getByTestId("phi-mark")).toContainText("John Smith");
  await page.screenshot({ path: test.info().outputPath("audit-correct-1440.png") });
  await page.keyboard.press("Escape");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("phi-confirm")).toContainText("Correction: person's name");
  await page.getByTestId("phi-confirm").getByRole("button", { name: "Not PHI: submit" }).click();
  // The next item comes back rendered, not in the box.
  await expect(page.getByTestId("task-output").locator("strong")).toHaveText("Rest");
  await expect(page.getByLabel(/^Correction/)).toHaveCount(0);
});

test("the correction box grows as lines are added, never scrolling inside", async ({ page, request }) => {
  const [admin, reviewer] = await Promise.all([createUser("ADMIN"), createUser("CLINICIAN")]);
  const post = adminApi(request, (await createToken(admin.id)).token);
  const dataset = await post(
    "/api/v1/datasets?name=Grow%20audit",
    JSON.stringify({ instruction: "Advise on fever.", input: "", output: "Rest.\n\n1. Water\n2. Sleep" }),
    "application/x-ndjson",
  );
  const campaign = await post("/api/v1/audits", {
    datasetId: dataset.id,
    sampleSize: 1,
    seed: "grow-e2e",
    reviewersPerItem: 1,
    name: "Grow audit",
  });
  await signInViaApi(page.request, reviewer.email);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/audits/${campaign.id}/review`);
  await expect(page.getByTestId("task-output")).toBeVisible();
  await page.keyboard.press("e");
  const box = page.getByLabel(/^Correction/);
  await expect(box).toBeFocused();
  const before = (await box.boundingBox())?.height ?? 0;
  await page.keyboard.press("Control+End");
  await page.keyboard.type(Array.from({ length: 14 }, (_, i) => `\n${i + 3}. Line ${i}`).join(""));
  await expect.poll(async () => (await box.boundingBox())?.height ?? 0).toBeGreaterThan(before + 150);
  // All of the text is in view: the box does not scroll inside.
  expect(await box.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(2);
});

test("on a 375 px touch screen the audit review shows no key hints and a compact bar", async ({
  browser,
  request,
}) => {
  const [admin, reviewer] = await Promise.all([createUser("ADMIN"), createUser("CLINICIAN")]);
  const post = adminApi(request, (await createToken(admin.id)).token);
  const dataset = await post(
    "/api/v1/datasets?name=Touch%20audit",
    JSON.stringify({ instruction: "Advise on fever.", input: "", output: markdownAnswer(0, "m1") }),
    "application/x-ndjson",
  );
  const campaign = await post("/api/v1/audits", {
    datasetId: dataset.id,
    sampleSize: 1,
    seed: "touch-e2e",
    reviewersPerItem: 1,
    name: "Touch audit",
  });
  const context = await browser.newContext({
    viewport: { width: 375, height: 667 },
    hasTouch: true,
    isMobile: true,
  });
  const page = await context.newPage();
  await signInViaApi(page.request, reviewer.email);
  await page.goto(`/audits/${campaign.id}/review`);
  await expect(page.getByTestId("task-output")).toBeVisible();
  await expectBarInView(page);
  await expectNoKeyHints(page);
  await page.screenshot({ path: test.info().outputPath("audit-375.png") });
  await context.close();
});
