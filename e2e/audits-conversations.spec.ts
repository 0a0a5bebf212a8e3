// Conversation datasets end to end (issue 16, audit side): a chat file in each shape is uploaded
// through the screen with its conversation field, audited in a campaign with a correction of the
// final assistant turn, and exported in the shape it came in. The review screen showing a
// transcript passes axe and fits 375 px. Records are generated (tests/support/clinical-dialogues.ts).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { TConversationShape } from "../lib/conversations/types";
import { clinicalDialogue, clinicalDialoguesJsonl } from "../tests/support/clinical-dialogues";
import { createUser } from "./support/db";
import { signInViaApi } from "./support/auth";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const ADDED = " Seek urgent care if symptoms worsen.";
const SPELLED = {
  messages: (role: string, content: string) => ({ role, content }),
  conversations: (role: string, content: string) => ({
    from: { system: "system", user: "human", assistant: "gpt" }[role],
    value: content,
  }),
};

async function signedIn(browser: Browser, email: string, viewport?: { width: number; height: number }) {
  const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
  await signInViaApi(page.request, email);
  return page;
}

/** Uploads a generated chat file through the screen, reading it by its conversation field. */
async function upload(page: Page, shape: TConversationShape, name: string) {
  await page.goto("/datasets");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel(/^File/).setInputFiles({
    name: `${shape}.jsonl`,
    mimeType: "application/x-ndjson",
    buffer: Buffer.from(clinicalDialoguesJsonl(shape, 6)),
  });
  // The field of turns is found in the file's first records and chosen; the three text fields hide.
  await expect(page.getByLabel(/^Conversation field/)).toHaveValue(shape);
  await expect(page.getByTestId("field-mapping")).toHaveCount(0);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("import-done")).toHaveText("Imported 6 records (0 duplicates skipped).");
  await expect(page.getByTestId("import-summary")).toContainText(`Conversation field${shape}`);
  await page.getByRole("link", { name }).click();
  const first = page.getByTestId("dataset-record").first();
  await expect(first.getByTestId("transcript")).toBeVisible();
  await expect(first.getByTestId("transcript-final")).toContainText(
    clinicalDialogue(0).at(-1)?.content.slice(0, 30) ?? "",
  );
  const datasetId = page.url().split("/").pop() ?? "";
  const created = await page.request.post("/api/v1/audits", {
    headers: { origin: new URL(page.url()).origin },
    data: { datasetId, name, sampleSize: 2, seed: `seed-${shape}`, reviewersPerItem: 1 },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** The reviewer's pass: the first item corrected (its final turn), the second accepted. */
async function review(page: Page, campaignId: string, check?: () => Promise<void>) {
  await page.goto(`/audits/${campaignId}/review`);
  const transcript = page.getByTestId("transcript");
  await expect(transcript).toBeVisible();
  await expect(transcript.getByTestId("transcript-final")).toContainText("Answer under review");
  await expect(transcript.getByTestId("transcript-final").getByTestId("task-output")).toBeVisible();
  expect(await transcript.getByTestId("transcript-turn").count()).toBeGreaterThan(0);
  await check?.();
  const before = await transcript.textContent();
  await page.keyboard.press("e");
  await expect(page.getByLabel(/^Correction/)).toBeFocused();
  await page.keyboard.press("Control+End");
  await page.keyboard.type(ADDED);
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("diff-view")).toContainText(ADDED.trim());
  const corrected = await page.getByLabel(/^Correction/).inputValue();
  await check?.();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("queue-progress")).toHaveText("1 done");
  // The second item: another record's turns, shown as it was stored.
  await expect(async () => expect(await transcript.textContent()).not.toBe(before)).toPass();
  await expect(page.getByTestId("task-output")).toBeVisible();
  // The next item's draft is applied as it arrives: press until the verdict holds.
  await expect(async () => {
    await page.keyboard.press("a");
    await expect(page.getByRole("button", { name: /^Accept/ })).toHaveAttribute("aria-pressed", "true", {
      timeout: 1_000,
    });
  }).toPass();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("queue-empty")).toBeVisible();
  return corrected;
}

async function exportedLines(page: Page, campaignId: string) {
  const res = await page.request.get(`/api/v1/audits/${campaignId}/export`);
  expect(res.status()).toBe(200);
  return (await res.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown> & { audit: { line: number; verdict: string } });
}

for (const shape of ["messages", "conversations"] as const) {
  test(`a ${shape} chat file is uploaded, audited with a correction of the final turn, and exported in its shape`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const [admin, clinician] = await Promise.all([createUser("ADMIN"), createUser("CLINICIAN")]);
    const a = await signedIn(browser, admin.email);
    const campaignId = await upload(a, shape, `Chats ${shape} ${Date.now()}`);

    // The messages pass runs at 375 px: the transcript and the correction fit, and axe passes.
    const narrow = shape === "messages";
    const c = await signedIn(browser, clinician.email, narrow ? { width: 375, height: 812 } : undefined);
    const found: string[] = [];
    const corrected = await review(
      c,
      campaignId,
      narrow
        ? async () => {
            expect(await c.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
            const results = await new AxeBuilder({ page: c }).withTags(TAGS).analyze();
            found.push(
              ...results.violations.map(
                (v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
              ),
            );
          }
        : undefined,
    );
    expect(found, `axe violations on the review screen with a transcript:\n${found.join("\n")}`).toEqual([]);
    expect(corrected.endsWith(ADDED)).toBe(true);

    const lines = await exportedLines(a, campaignId);
    expect(lines).toHaveLength(2);
    const fixed = lines.find((l) => l.audit.verdict === "revise");
    const kept = lines.find((l) => l.audit.verdict === "accept");
    if (!fixed || !kept) throw new Error("expected one revised and one accepted line");
    for (const line of [fixed, kept]) {
      const turns = clinicalDialogue(line.audit.line - 1);
      const final = line === fixed ? corrected : (turns.at(-1)?.content ?? "");
      expect(line.id).toBe(`dlg-${line.audit.line}`);
      expect(line).not.toHaveProperty("instruction");
      expect(line[shape]).toEqual([
        ...turns.slice(0, -1).map((t) => SPELLED[shape](t.role, t.content)),
        SPELLED[shape]("assistant", final),
      ]);
    }
    expect(fixed.original_output).toBe(clinicalDialogue(fixed.audit.line - 1).at(-1)?.content);
  });
}
