import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { createToken, createUser, testDb } from "./support/db";
import { signInViaApi } from "./support/auth";

async function signedInContext(browser: Browser, email: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  await signInViaApi(context.request, email);
  return context;
}

/** A complete seed at version 1, written through the API as a pipeline would. */
async function seedViaApi(request: APIRequestContext, token: string, instruction: string) {
  const s = randomBytes(3).toString("hex");
  const ids: Record<string, string> = {};
  for (const [kind, label] of [
    ["TOPIC", `Pulmonology ${s}`],
    ["VIEW", `Patient ${s}`],
    ["TYPE", `Open Q&A ${s}`],
  ] as const) {
    ids[kind] = (await testDb().vocabularyTerm.create({ data: { kind, label, aliases: [] } })).id;
  }
  const res = await request.post("/api/v1/seeds", {
    headers: { authorization: `Bearer ${token}` },
    data: { topicId: ids.TOPIC, viewId: ids.VIEW, typeId: ids.TYPE, instruction, difficulty: "2" },
  });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const draftOf = async (seedId: string, userId: string) =>
  (await testDb().seedDraft.findUnique({ where: { seedId_userId: { seedId, userId } } }))?.payload as
    Record<string, string> | undefined;

test("a new seed is autosaved server-side from the first pause: closing the tab loses nothing", async ({
  browser,
}) => {
  const s = randomBytes(3).toString("hex");
  const author = await createUser("CLINICIAN");
  const context = await signedInContext(browser, author.email);
  const page = await context.newPage();
  await page.goto("/seeds/new");
  const instruction = `Teach inhaler technique with a spacer, case ${s}, in plain words.`;
  await page.getByLabel("Instruction").fill(instruction);
  // Never saved by hand: the first autosave creates the seed, and the address names it.
  await expect(page.getByText(/Autosaved .* as a private draft/)).toBeVisible();
  await expect(page).toHaveURL(/\/seeds\/[0-9a-f-]{36}$/);
  const seedId = page.url().split("/").pop() ?? "";
  expect(await testDb().seed.findUniqueOrThrow({ where: { id: seedId } })).toMatchObject({
    status: "DRAFT",
    version: 1,
    instruction,
    authorId: author.id,
  });

  // Typing on is autosaved onto that seed, never a second one.
  const input = `I use a blue inhaler ${s} and still wheeze.`;
  await page.getByLabel("Input (optional context)").fill(input);
  await expect.poll(async () => (await draftOf(seedId, author.id))?.input, { timeout: 15_000 }).toBe(input);
  expect(await testDb().seed.count({ where: { authorId: author.id } })).toBe(1);
  await page.close();

  const reopened = await context.newPage();
  await reopened.goto(`/seeds/${seedId}`);
  await expect(reopened.getByLabel("Instruction")).toHaveValue(instruction);
  await expect(reopened.getByLabel("Input (optional context)")).toHaveValue(input);
  await expect(reopened.getByText("Your autosaved, unsaved edits were restored.")).toBeVisible();
  await context.close();
});

test("saving a new seed after its first autosave saves onto that seed and opens its page", async ({
  browser,
}) => {
  const s = randomBytes(3).toString("hex");
  const author = await createUser("CLINICIAN");
  const context = await signedInContext(browser, author.email);
  const page = await context.newPage();
  await page.goto("/seeds/new");
  await page.getByLabel("Instruction").fill(`Explain oxygen saturation readings, case ${s}.`);
  await expect(page.getByText(/Autosaved .* as a private draft/)).toBeVisible();
  await page.getByLabel("Input (optional context)").fill(`My reading was low ${s}.`);
  await page.keyboard.press("Control+s");
  await expect(page.getByText("Saved version 2.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  expect(
    await testDb().seed.findMany({ where: { authorId: author.id }, select: { version: true, input: true } }),
  ).toEqual([{ version: 2, input: `My reading was low ${s}.` }]);
  await context.close();
});

test("restored autosaved text is unsaved: Submit for review saves it first, then submits that version", async ({
  browser,
  request,
}) => {
  const s = randomBytes(3).toString("hex");
  const author = await createUser("CLINICIAN");
  const { token } = await createToken(author.id);
  const seedId = await seedViaApi(request, token, `Explain how to read a peak flow diary, case ${s}.`);

  const context = await signedInContext(browser, author.email);
  const page = await context.newPage();
  await page.goto(`/seeds/${seedId}`);
  const revised = `Explain how to read a peak flow diary and when to call for help, case ${s}.`;
  await page.getByLabel("Instruction").fill(revised);
  await expect
    .poll(async () => (await draftOf(seedId, author.id))?.instruction, { timeout: 15_000 })
    .toBe(revised);
  await page.close();

  const reopened = await context.newPage();
  await reopened.goto(`/seeds/${seedId}`);
  await expect(reopened.getByLabel("Instruction")).toHaveValue(revised);
  await expect(reopened.getByText("unsaved changes")).toBeVisible();
  await reopened.getByRole("button", { name: "Submit for review" }).click();
  await expect(reopened.getByTestId("seed-status")).toHaveText("submitted");
  expect(await testDb().seed.findUniqueOrThrow({ where: { id: seedId } })).toMatchObject({
    status: "SUBMITTED",
    version: 2,
    instruction: revised,
  });
  expect(await draftOf(seedId, author.id)).toBeUndefined();
  await context.close();
});

test("an autosave older than the latest version is restored as a conflict beside it, never dropped", async ({
  browser,
  request,
}) => {
  const s = randomBytes(3).toString("hex");
  const author = await createUser("CLINICIAN", { name: `Dr Author ${s}` });
  const { token } = await createToken(author.id);
  const seedId = await seedViaApi(request, token, `Describe a nebuliser routine, case ${s}.`);
  const current = await testDb().seed.findUniqueOrThrow({ where: { id: seedId } });
  const fields = {
    topicId: current.topicId,
    viewId: current.viewId,
    typeId: current.typeId,
    difficulty: "2",
  };
  const theirs = `Describe a nebuliser routine for a child, case ${s}.`;
  const saved = await request.put(`/api/v1/seeds/${seedId}`, {
    headers: { authorization: `Bearer ${token}` },
    data: { ...fields, instruction: theirs, baseVersion: 1 },
  });
  expect(saved.status()).toBe(200);
  // Text autosaved on version 1 (another tab, say) after version 2 was saved.
  const mine = `Describe a nebuliser routine for an older adult, case ${s}.`;
  const stale = {
    ...fields,
    instruction: mine,
    input: "",
    referenceAnswer: "",
    specialtyTags: "",
    authorNotes: "",
    duplicateReason: "",
  };
  await testDb().seedDraft.create({ data: { seedId, userId: author.id, baseVersion: 1, payload: stale } });

  const context = await signedInContext(browser, author.email);
  const page = await context.newPage();
  await page.goto(`/seeds/${seedId}`);
  // The "Use their instruction" button is labelled Instruction too.
  const instruction = page.getByRole("textbox", { name: "Instruction" });
  const conflict = page.getByTestId("seed-conflict");
  await expect(conflict).toContainText("Version 2 was saved");
  const row = conflict.getByTestId("conflict-instruction");
  await expect(row.locator('[data-side="theirs"]')).toHaveText(theirs);
  await expect(row.locator('[data-side="yours"]')).toHaveText(mine);
  await expect(instruction).toHaveValue(mine);
  await conflict.getByRole("button", { name: "Save mine as version 3" }).click();
  await expect(page.getByText("Saved version 3.")).toBeVisible();
  expect(await testDb().seed.findUniqueOrThrow({ where: { id: seedId } })).toMatchObject({
    version: 3,
    instruction: mine,
  });

  // Taking theirs instead discards the autosave for good: the next visit opens the saved version.
  await testDb().seedDraft.create({
    data: {
      seedId,
      userId: author.id,
      baseVersion: 2,
      payload: { ...stale, instruction: `Old words ${s}.` },
    },
  });
  await page.reload();
  await expect(page.getByTestId("seed-conflict")).toContainText("Version 3 was saved");
  await page.getByRole("button", { name: "Discard mine and take theirs" }).click();
  await expect(instruction).toHaveValue(mine);
  await expect.poll(async () => draftOf(seedId, author.id)).toBeUndefined();
  await page.reload();
  await expect(instruction).toHaveValue(mine);
  await expect(page.getByTestId("seed-conflict")).toHaveCount(0);
  await context.close();
});
