import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import {
  expect,
  test,
  type APIRequest,
  type APIRequestContext,
  type Locator,
  type Page,
} from "@playwright/test";
import { createToken, createUser, testDb } from "./support/db";
import { signInViaApi } from "./support/auth";
import { HABIT_CONTENT, HABITS } from "../tests/support/presentation-habits";
import { canonicalPresentation } from "../lib/text/canonical-presentation";
import { realDataFile, realDataSkipReason, realDataTitle } from "../tests/support/real-data";

// Models' whitespace habits must not reach raters (after a few pairs they would say which side is
// which model): every form a rater receives (the page's HTML, its RSC payload, the API's JSON)
// carries one and the same text for the same content, whatever the model's habit.

const MED = "alpacare/MedInstruct-test.jsonl";
const INSTRUCTION = "What should a patient with a fever do?";

/** A started study as an admin's pipeline makes it; each model writes the same content with its own habit. */
async function habitStudy(api: APIRequestContext, name: string): Promise<string> {
  const created = await api.post("/api/v1/studies", {
    data: {
      name,
      title: name,
      criteria: ["Accuracy"],
      design: "vs_reference",
      reference: "h0",
      ratingsPerComparison: 1,
      attentionCheckShare: 0,
      repeatShare: 0,
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const rows = HABITS.map((h, i) => ({
    instruction: ` ${INSTRUCTION}\r\n`,
    output: h.apply(HABIT_CONTENT),
    generator: `h${i}`,
  }));
  expect((await api.post(`/api/v1/studies/${id}/outputs`, { data: rows })).status()).toBe(200);
  expect((await api.post(`/api/v1/studies/${id}/start`)).status()).toBe(200);
  return id;
}

async function adminApi(request: APIRequest, baseURL: string | undefined) {
  const admin = await createUser("ADMIN");
  const { token } = await createToken(admin.id);
  return request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
}

/** Every JSON string literal that follows `key` in a payload, as its raw bytes. */
function rawStrings(payload: string, key: RegExp): string[] {
  return [...payload.matchAll(new RegExp(`${key.source}("(?:[^"\\\\]|\\\\.)*")`, "g"))].map(
    (m) => m[1] ?? "",
  );
}

test("the same content with each habit reaches the rater as identical bytes: page HTML, RSC payload and API JSON", async ({
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const api = await adminApi(playwright.request, baseURL);
  const studyId = await habitStudy(api, "Habits (bytes)");
  await api.dispose();
  const stored = await testDb().studyOutput.findMany({
    where: { prompt: { studyId } },
    select: { text: true },
  });
  expect(new Set(stored.map((o) => o.text)).size).toBe(HABITS.length);

  const rater = await createUser("CLINICIAN");
  // The rater's own session, as the rating screen uses it (same-origin writes).
  const rq = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL ?? "" } });
  await signInViaApi(rq, rater.email);
  const portions = { json: new Set<string>(), html: new Set<string>(), rsc: new Set<string>() };
  let served = 0;
  for (;;) {
    const next = await rq.post(`/api/v1/studies/${studyId}/assignments/next`);
    // 204: nothing is left for this rater.
    if (next.status() === 204) break;
    expect(next.status()).toBe(200);
    const json = await next.text();
    const a = JSON.parse(json) as {
      assignmentId: string;
      prompt: { instruction: string };
      responses: { text: string }[];
    };
    served++;
    expect(a.prompt.instruction).toBe(INSTRUCTION);
    expect(a.responses.map((r) => r.text)).toEqual([HABIT_CONTENT, HABIT_CONTENT]);

    // The page resumes the same lease: its HTML and RSC payload carry this assignment.
    const page = await rq.get(`/rate/${studyId}`);
    expect(page.status()).toBe(200);
    const html = await page.text();
    const rsc = await rq.get(`/rate/${studyId}`, { headers: { RSC: "1" } });
    expect(rsc.status()).toBe(200);
    expect(rsc.headers()["content-type"]).toContain("text/x-component");
    const flight = await rsc.text();
    for (const body of [html, flight]) expect(body).toContain(a.assignmentId);

    const found = {
      json: rawStrings(json, /"text":/),
      // The rendered markdown of each side, up to the end of its section.
      html: [
        ...html.matchAll(/<div[^>]*data-testid="response-text"[^>]*>([\s\S]*?)<\/div><\/div><\/section>/g),
      ].map((m) => m[1] ?? ""),
      rsc: rawStrings(flight, /"label":"[AB]","text":/),
    };
    for (const [form, texts] of Object.entries(found)) {
      expect(texts, form).toHaveLength(2);
      for (const t of texts) portions[form as keyof typeof portions].add(t);
    }
    // Rendered as markdown (a paragraph, then a list), from the canonical text.
    expect(found.html[0]).toMatch(/^<p[^>]*>Rest and fluids come first\.<\/p>\s*<ul/);
    expect(JSON.parse(found.rsc[0] ?? "null")).toBe(HABIT_CONTENT);

    const done = await rq.post(`/api/v1/assignments/${a.assignmentId}/submit`, {
      headers: { "idempotency-key": randomUUID() },
      data: { choices: { accuracy: "A" } },
    });
    expect(done.status()).toBe(200);
  }
  // Every habit was on screen (h0 in each pair, each other habit once), and each form held one text.
  expect(served).toBe(HABITS.length - 1);
  expect([...portions.json]).toEqual([JSON.stringify(HABIT_CONTENT)]);
  expect(portions.html.size).toBe(1);
  expect(portions.rsc.size).toBe(1);
  await rq.dispose();
});

/**
 * What the browser shows of one response: its rendered text, and where its first and last glyphs
 * sit in their blocks (a habit's leading blank line or space would push them down or right).
 */
async function displayed(response: Locator) {
  return response.getByTestId("response-text").evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.textContent?.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT),
    });
    const texts: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
    const first = texts[0];
    const last = texts[texts.length - 1];
    const glyph = (node: Text | undefined, at: "start" | "end") => {
      const r = document.createRange();
      if (node) {
        const i = at === "start" ? 0 : (node.textContent ?? "").trimEnd().length - 1;
        r.setStart(node, Math.max(0, i));
        r.setEnd(node, Math.max(0, i) + 1);
      }
      return r.getBoundingClientRect();
    };
    const box = el.getBoundingClientRect();
    const block = first?.parentElement?.closest("p, li, td, th, pre, blockquote");
    const blockLeft = block
      ? block.getBoundingClientRect().left + parseFloat(getComputedStyle(block).paddingLeft)
      : box.left;
    const lineHeight = parseFloat(getComputedStyle(first?.parentElement ?? el).lineHeight);
    const innerText = (el as HTMLElement).innerText;
    return {
      innerText,
      firstText: first?.textContent ?? "",
      lineHeight,
      top: glyph(first, "start").top - box.top,
      left: glyph(first, "start").left - blockLeft,
      bottom: box.bottom - glyph(last, "end").bottom,
    };
  });
}

/** Rates every pair on screen in Chromium, checking both displayed responses; returns their texts. */
async function rateChecking(page: Page, pairs: number, check: (texts: [string, string]) => void) {
  for (let i = 0; i < pairs; i++) {
    await expect(page.getByTestId("rating-progress")).toHaveText(`You have rated ${i}`);
    const shown: string[] = [];
    for (const side of ["A", "B"]) {
      const d = await displayed(page.getByTestId(`response-${side}`));
      expect(d.innerText, `${side}: ${JSON.stringify(d.innerText.slice(0, 40))}`).not.toMatch(/^\s|\s$/);
      expect(d.firstText).not.toMatch(/^\s/);
      // Displayed: the first glyph sits on the first line at its block's left edge, the last on the last line.
      expect(d.top).toBeLessThan(d.lineHeight / 2);
      expect(Math.abs(d.left)).toBeLessThan(1);
      expect(d.bottom).toBeLessThan(d.lineHeight / 2);
      shown.push(d.innerText);
    }
    check([shown[0] ?? "", shown[1] ?? ""]);
    await page.keyboard.press("a");
    await expect(page.getByTestId("criterion-accuracy").getByRole("radio", { checked: true })).toHaveCount(1);
    await page.keyboard.press("Enter");
  }
}

test("in Chromium, a generated study with every habit shows both responses with no outer whitespace", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const api = await adminApi(playwright.request, baseURL);
  const studyId = await habitStudy(api, "Habits (screen)");
  await api.dispose();
  const rater = await createUser("CLINICIAN");
  await signInViaApi(page.request, rater.email);
  await page.goto("/rate");
  await expect(page.getByRole("link", { name: "Habits (screen)" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  // The page claims the first comparison when it renders: the study list's link (prefetched or not) must not.
  expect(await testDb().queueAssignment.count({ where: { userId: rater.id } })).toBe(0);
  await page.getByRole("link", { name: "Habits (screen)" }).click();
  await expect(page).toHaveURL(new RegExp(`/rate/${studyId}$`));
  await expect(page.getByTestId("prompt")).toHaveText(INSTRUCTION);
  await rateChecking(page, HABITS.length - 1, (texts) => {
    // One rendering for both sides: the markdown's list is a list (no "- " marks shown).
    expect(texts[1]).toBe(texts[0]);
    expect(texts[0]).toContain("Rest and fluids come first.");
    expect(texts[0]).not.toMatch(/^- |\n- /m);
  });
  await expect(page.getByText("All done")).toBeVisible();
});

const medFile = realDataFile(MED);

test(
  realDataTitle(
    "in Chromium, a study of MedInstruct-test's claude-2 and text-davinci-003 outputs shows neither habit",
    MED,
  ),
  async ({ page, playwright, baseURL }) => {
    test.skip(!medFile, realDataSkipReason(MED));
    test.setTimeout(120_000);
    const api = await adminApi(playwright.request, baseURL);
    const created = await api.post("/api/v1/studies", {
      data: {
        name: "MedInstruct habits",
        criteria: ["Accuracy"],
        design: "all_pairs",
        ratingsPerComparison: 1,
      },
    });
    expect(created.status()).toBe(201);
    const { id: studyId } = (await created.json()) as { id: string };
    const imported = await api.post(`/api/v1/studies/${studyId}/outputs?models=claude-2,text-davinci-003`, {
      headers: { "content-type": "application/x-ndjson" },
      data: readFileSync(medFile ?? ""),
    });
    expect(imported.status()).toBe(200);
    expect(await imported.json()).toMatchObject({ imported: 432 });
    expect((await api.post(`/api/v1/studies/${studyId}/start`)).status()).toBe(200);
    await api.dispose();

    // The habits are in the stored texts (so this test could fail): claude-2 opens with a space,
    // text-davinci-003 with a blank line.
    const outputs = await testDb().studyOutput.findMany({
      where: { prompt: { studyId } },
      select: { model: true, text: true },
    });
    // Rendered markdown drops marks and list numbers, never letters: an output is known by its letters.
    const letters = (t: string) => t.replace(/[^A-Za-z]/g, "");
    const raw = new Map(outputs.map((o) => [letters(canonicalPresentation(o.text)), o]));
    expect(outputs.filter((o) => o.model === "claude-2").every((o) => o.text.startsWith(" "))).toBe(true);
    expect(
      outputs.filter((o) => o.model === "text-davinci-003" && o.text.startsWith("\n")).length,
    ).toBeGreaterThan(200);

    const rater = await createUser("CLINICIAN");
    await signInViaApi(page.request, rater.email);
    await page.goto(`/rate/${studyId}`);
    await rateChecking(page, 6, (texts) => {
      // Each side is one model's stored output in its canonical presentation; the pair is one of each.
      const models = texts.map((t) => raw.get(letters(t))?.model);
      expect(models.slice().sort()).toEqual(["claude-2", "text-davinci-003"]);
    });
  },
);
