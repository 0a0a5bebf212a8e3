// Issue 16, study side: a study whose prompts are conversations. The admin uploads two models'
// outputs in the two chat shapes through the study page (and sees a bad file refused by line), a
// clinician rates in the browser at 375 px with the context shown once as a transcript (axe scan,
// no sideways scroll), and a researcher reads the examples and downloads chat-shaped exports.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser } from "@playwright/test";
import { createUser, testDb } from "./support/db";
import { signInViaApi } from "./support/auth";
import { flattenTranscript } from "../lib/conversations/transcript-text";
import {
  BAD_DIALOGUE_LINES,
  DIALOGUE_CONTEXTS,
  dialogueAnswer,
  dialogueOutputsJson,
  dialogueOutputsJsonl,
} from "../tests/support/study-dialogues";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function signedIn(browser: Browser, email: string, viewport?: { width: number; height: number }) {
  const page = await (
    await browser.newContext(viewport ? { viewport, acceptDownloads: true } : {})
  ).newPage();
  await signInViaApi(page.request, email);
  return page;
}

test("a conversation study: outputs in both chat shapes, rated blind with one transcript, exported as chats", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const [admin, clinician, researcher] = await Promise.all([
    createUser("ADMIN"),
    createUser("CLINICIAN"),
    createUser("RESEARCHER"),
  ]);
  const suffix = Date.now().toString(36);
  const title = `Dialogue pilot ${suffix}`;

  const a = await signedIn(browser, admin.email);
  await a.goto("/studies");
  await a.getByLabel("Name").fill(`Chat study ${suffix}`);
  await a.getByLabel("Title (what raters see)").fill(title);
  // One criterion: the default rows are Correctness and Helpfulness.
  await a.getByRole("button", { name: "Remove criterion 1" }).click();
  await expect(a.getByLabel("Criterion 1", { exact: true })).toHaveValue("Helpfulness");
  await a.getByLabel("Ratings per comparison").fill("1");
  await a.getByLabel("Attention checks (% of comparisons)").fill("0");
  await a.getByLabel("Consistency repeats (% of judgements)").fill("0");
  await a.getByRole("button", { name: "Create study" }).click();
  await expect(a).toHaveURL(/\/studies\/[0-9a-f-]{36}$/);
  const studyId = a.url().split("/").pop() ?? "";

  // A file with bad conversations is refused, naming its lines; nothing is imported.
  const good = dialogueOutputsJsonl("ward-model-a", "messages").split("\n");
  await a.getByLabel(/Outputs file/).setInputFiles({
    name: "bad.jsonl",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from([good[0], JSON.stringify(BAD_DIALOGUE_LINES[0]!.row)].join("\n")),
  });
  await a.getByRole("button", { name: "Import outputs" }).click();
  const firstReason = BAD_DIALOGUE_LINES[0]!.reason.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  await expect(a.getByText(new RegExp(`Line 2: .*${firstReason}`))).toBeVisible();
  expect(await testDb().studyPrompt.count({ where: { studyId } })).toBe(0);

  // Model a in OpenAI `messages` JSONL, model b as a ShareGPT JSON array: one prompt set.
  await a.getByLabel(/Outputs file/).setInputFiles({
    name: "ward-model-a.jsonl",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from(good.join("\n")),
  });
  await a.getByRole("button", { name: "Import outputs" }).click();
  await expect(a.getByText(/Imported 5 outputs/)).toBeVisible();
  await a.getByLabel(/Outputs file/).setInputFiles({
    name: "ward-model-b.json",
    mimeType: "application/json",
    buffer: Buffer.from(dialogueOutputsJson("ward-model-b", "conversations")),
  });
  await a.getByRole("button", { name: "Import outputs" }).click();
  await expect(a.getByText(/Imported 5 outputs .*0 new prompts/)).toBeVisible();
  await expect(a.getByTestId("study-prompts")).toHaveText("5");
  await a.getByRole("button", { name: "Start study" }).click();
  await expect(a.getByTestId("study-status")).toHaveText("ACTIVE");

  // The clinician rates on a phone-sized screen.
  const c = await signedIn(browser, clinician.email, { width: 375, height: 812 });
  await c.goto("/rate");
  await c.getByRole("link", { name: title }).click();
  const transcript = c.getByTestId("transcript");
  await expect(transcript).toHaveCount(1);
  await expect(c.getByTestId("response-B")).toBeVisible();
  const axe = await new AxeBuilder({ page: c }).withTags(TAGS).analyze();
  expect(
    axe.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
  expect(await c.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  for (let i = 0; i < DIALOGUE_CONTEXTS.length; i++) {
    await expect(c.getByTestId("rating-progress")).toHaveText(`You have rated ${i}`);
    // The context shows once, above both responses; no answer text is inside it.
    await expect(transcript).toHaveCount(1);
    const turns = await transcript.getByTestId("transcript-turn").count();
    expect(DIALOGUE_CONTEXTS.map((d) => d.length)).toContain(turns);
    const context = (await transcript.innerText()).toLowerCase();
    expect(context).not.toContain("short answer");
    expect(context).not.toContain("rest and fluids");
    const [top, firstResponse] = [
      await transcript.boundingBox(),
      await c.getByTestId("response-A").boundingBox(),
    ];
    expect(top!.y + top!.height).toBeLessThanOrEqual(firstResponse!.y);
    // Prefer model a's answer (its "Short answer" marker) wherever it stands.
    const left = await c.getByTestId("response-A").innerText();
    await c.keyboard.press(left.includes("Short answer") ? "a" : "b");
    await c.keyboard.press("Enter");
  }
  await expect(c.getByText("All done")).toBeVisible();
  expect(await testDb().studyJudgement.count({ where: { comparison: { studyId } } })).toBe(5);

  // The researcher reads transcripts among the examples and downloads chat-shaped exports.
  const r = await signedIn(browser, researcher.email, { width: 1280, height: 900 });
  await r.goto(`/studies/${studyId}/results`);
  await expect(r.getByTestId("study-examples").getByTestId("transcript").first()).toBeVisible();
  await expect(r.getByTestId("study-examples").getByTestId("transcript-final").first()).toContainText(
    "ward-model-a",
  );

  const download = async (name: string) => {
    const [file] = await Promise.all([r.waitForEvent("download"), r.getByRole("link", { name }).click()]);
    return readFileSync(await file.path(), "utf8");
  };
  const dpo = (await download("DPO pairs"))
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { prompt: unknown; chosen: unknown; rejected: unknown });
  expect(dpo).toHaveLength(5);
  for (const d of dpo) {
    const i = DIALOGUE_CONTEXTS.findIndex((ctx) => JSON.stringify(ctx) === JSON.stringify(d.prompt));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(d.chosen).toEqual([{ role: "assistant", content: dialogueAnswer("ward-model-a", i) }]);
    expect(d.rejected).toEqual([{ role: "assistant", content: dialogueAnswer("ward-model-b", i) }]);
  }
  const annotations = JSON.parse(await download("AlpacaEval annotations")) as { instruction: string }[];
  expect(new Set(annotations.map((x) => x.instruction))).toEqual(
    new Set(DIALOGUE_CONTEXTS.map((ctx) => flattenTranscript(ctx))),
  );
});
