// Submit → next item rendered, in a real browser (issue 15's target: p95 ≤ 200 ms on both work
// screens, markdown on, outputs of 4,000 characters). Chromium drives the production build: a
// clinician signs in, and each sample is the time from the Submit click to the frame after the next
// item's text is in the DOM (the claim round trip, React's render of two or one 4,000-character
// markdown answers, PHI marks on the audit screen, and layout). `npm run bench -- "rendered"`.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { callJson, uploadFile, type TCaller } from "./api-client";
import type { TBenchRow } from "./benchmarks";
import { startBenchServer } from "./http-server";
import { formatLatency, summarize } from "./latency";

export const WORK_SCREENS_ROW = "Submit → next item rendered in Chromium (markdown, 4,000-character outputs)";

const SAMPLES = 40;
const WARMUP = 3;
const CHARS = 4_000;
const TARGET_MS = 200;
const CHROMIUM = "/usr/bin/chromium";

/** A model-like answer of about `CHARS` characters: a heading, emphasis, lists, a table, paragraphs. */
export function markdownAnswer(i: number, model: string): string {
  const parts = [
    `## Answer ${i} (${model})`,
    "",
    `**Rest** and fluids come first; *paracetamol* helps with the fever of case ${i}.`,
    "",
    "1. Paracetamol 1 g every 6 hours, at most 4 g a day",
    "2. Drink water regularly",
    "3. See a doctor if it lasts over 3 days",
    "",
    "| Drug | Dose | Interval |",
    "| --- | ---: | --- |",
    "| Paracetamol | 1 g | 6 h |",
    "| Ibuprofen | 400 mg | 8 h |",
    "",
  ];
  let text = parts.join("\n");
  for (let k = 0; text.length < CHARS; k++)
    text += `\n- Point ${k}: a patient with a fever should keep drinking, rest, and watch for a stiff neck, a rash that does not fade, or confusion, which need care at once.\n`;
  return text.slice(0, CHARS);
}

async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  const csrf = (await (await page.request.get(`${baseUrl}/api/auth/csrf`)).json()) as { csrfToken: string };
  const res = await page.request.post(`${baseUrl}/api/auth/callback/credentials`, {
    form: { csrfToken: csrf.csrfToken, email, password, json: "true", callbackUrl: "/" },
    maxRedirects: 0,
  });
  if (res.status() >= 400) throw new Error(`sign-in answered ${res.status()}`);
}

// Run in the page as a string: tsx's transform would wrap a function's inner closures in a
// helper (`__name`) that exists only in Node.
const SUBMIT_TO_NEXT = `async ({ marker, submit }) => {
  const before = document.querySelector(marker)?.textContent;
  const button = document.querySelector(submit);
  if (!button) throw new Error("no " + submit);
  const t0 = performance.now();
  await new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const el = document.querySelector(marker);
      if (el && el.textContent !== before) {
        observer.disconnect();
        resolve();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    button.click();
  });
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t0;
}`;

/** Clicks Submit and waits for the next item's marker text to change, then for the next frame. */
async function submitToNext(page: Page, marker: string, submit: string): Promise<number> {
  return page.evaluate<number>(`(${SUBMIT_TO_NEXT})(${JSON.stringify({ marker, submit })})`);
}

async function measure(page: Page, answer: () => Promise<void>, marker: string, submit: string) {
  const ms: number[] = [];
  for (let i = 0; i < SAMPLES + WARMUP; i++) {
    await page.waitForSelector(marker);
    await answer();
    const t = await submitToNext(page, marker, submit);
    if (i >= WARMUP) ms.push(t);
  }
  return summarize(ms);
}

export async function runWorkScreenBenchmarks(): Promise<TBenchRow[]> {
  const workDir = mkdtempSync(path.join(tmpdir(), "clinreview-screens-"));
  const server = await startBenchServer({ reviewers: 0, workDir });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    const admin: TCaller = { baseUrl: server.baseUrl, token: server.adminToken };
    const items = SAMPLES + WARMUP + 5;
    console.log(
      `  · ${items} audit records and ${items} study prompts with ${CHARS}-character markdown outputs…`,
    );
    const file = path.join(workDir, "records.jsonl");
    writeFileSync(
      file,
      Array.from({ length: items }, (_, i) =>
        JSON.stringify({
          instruction: `Question ${i}: what should a patient with a fever do?`,
          input: "",
          output: markdownAnswer(i, "m"),
        }),
      ).join("\n"),
    );
    const up = await uploadFile(admin, "/api/v1/datasets?name=screens", file, "application/x-ndjson");
    if (up.status !== 201 && up.status !== 200)
      throw new Error(`dataset upload answered ${up.status}: ${up.body}`);
    const { id: datasetId } = JSON.parse(up.body) as { id: string };
    const { id: campaignId } = await callJson<{ id: string }>(
      admin,
      "POST",
      "/api/v1/audits",
      { datasetId, sampleSize: items, seed: "screens", reviewersPerItem: 1, name: "Screens" },
      201,
    );
    const { id: studyId } = await callJson<{ id: string }>(
      admin,
      "POST",
      "/api/v1/studies",
      {
        name: "Screens",
        criteria: ["Accuracy"],
        design: "all_pairs",
        ratingsPerComparison: 1,
        attentionCheckShare: 0,
        repeatShare: 0,
      },
      201,
    );
    const rows = Array.from({ length: items }, (_, i) =>
      ["m1", "m2"].map((m) => ({
        instruction: `Question ${i}: fever?`,
        output: markdownAnswer(i, m),
        generator: m,
      })),
    ).flat();
    await callJson(admin, "POST", `/api/v1/studies/${studyId}/outputs`, rows, 200);
    await callJson(admin, "POST", `/api/v1/studies/${studyId}/start`, undefined, 200);

    const password = randomBytes(18).toString("base64url");
    const email = "bench-screens@example.org";
    const { db } = await import("../../lib/db/prisma");
    const { createUserWithPassword } = await import("../../lib/users/create-user");
    await db().$transaction((tx) =>
      createUserWithPassword(tx, { email, name: "Screens", role: "CLINICIAN", password }),
    );

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, email, password);

    console.log("  · audit review: accept, submit, next…");
    await page.goto(`${server.baseUrl}/audits/${campaignId}/review`);
    const audit = await measure(
      page,
      () => page.keyboard.press("a"),
      '[data-testid="task-instruction"]',
      '[data-testid="submit-review"]',
    );
    console.log(`    ${formatLatency(audit)}`);

    console.log("  · rating: A is better, submit, next…");
    await page.goto(`${server.baseUrl}/rate/${studyId}`);
    const rating = await measure(
      page,
      () => page.keyboard.press("a"),
      '[data-testid="prompt"]',
      '[data-testid="submit-rating"]',
    );
    console.log(`    ${formatLatency(rating)}`);
    await context.close();

    const row = (screen: string, l: ReturnType<typeof summarize>): TBenchRow => ({
      name: `${WORK_SCREENS_ROW}: ${screen}`,
      target: `p95 ≤ ${TARGET_MS} ms`,
      result: {
        value: Math.round(l.p95),
        unit: "ms",
        display: formatLatency(l),
        pass: l.p95 <= TARGET_MS,
        notes: `${l.n} submits at 1440 × 900, after ${WARMUP} warm-up ones; one clinician, nothing else running on the server`,
      },
    });
    return [
      row("audit review (one output, PHI marks)", audit),
      row("rating (two outputs side by side)", rating),
    ];
  } catch (err) {
    console.error(server.logTail());
    throw err;
  } finally {
    await browser.close();
    await server.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}
