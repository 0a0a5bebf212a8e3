import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { realDataFile, realDataSkipReason } from "../tests/support/real-data";
import { generatedSeedRecords, repeatSeedFile, type TSeedRecord } from "../tests/support/seed-files";
import { heldRecordNumbers } from "../tests/support/seed-phi";
import { createUser, testDb } from "./support/db";
import { signInViaApi } from "./support/auth";

const REAL = "alpacare/med_seed.json";
const SEED_FILE = realDataFile(REAL);
const FILE_LABEL = "Seed file (AlpaCare JSON or JSON Lines)";

/** Writes a file for the browser to upload into a fresh temporary folder (never the repo). */
function tempFile(name: string, content: string | Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "clinreview-seeds-")), name);
  writeFileSync(file, content);
  return file;
}

async function openImport(page: Page) {
  const admin = await createUser("ADMIN");
  await signInViaApi(page.request, admin.email);
  // Linked from the Seeds page, where people look for it (issue 15).
  await page.goto("/seeds");
  await page.getByRole("link", { name: "Import seeds" }).click();
  await expect(page).toHaveURL(/\/seeds\/import$/);
  return admin;
}

/**
 * Records every state the progress line and the step list show, however briefly each is shown.
 * Read separately: the steps come first in the progress area, so its whole text never starts "Sent".
 */
async function recordProgress(page: Page) {
  await page.evaluate(() => {
    const seen = { line: [] as string[], steps: [] as string[] };
    (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
    const note = (list: string[], id: string) => {
      const text = document.querySelector(`[data-testid="${id}"]`)?.textContent ?? "";
      if (text && list.at(-1) !== text) list.push(text);
    };
    new MutationObserver(() => {
      note(seen.line, "import-progress-line");
      note(seen.steps, "import-steps");
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  return () =>
    page.evaluate(
      () => (window as unknown as { progressSeen: { line: string[]; steps: string[] } }).progressSeen,
    );
}

const chosenFile = (page: Page) =>
  page.getByLabel(FILE_LABEL).evaluate((el: HTMLInputElement) => el.files?.[0]?.name ?? null);

test("an admin checks the real seed file, accepts the suggested mappings in one request and imports all 167", async ({
  page,
}) => {
  test.skip(!SEED_FILE, realDataSkipReason(REAL));
  test.setTimeout(180_000);
  const existing = await testDb().vocabularyTerm.findFirst({
    where: { kind: "TYPE", label: "Classification" },
  });
  const classification =
    existing ??
    (await testDb().vocabularyTerm.create({ data: { kind: "TYPE", label: "Classification", aliases: [] } }));
  const admin = await openImport(page);
  await page.getByLabel(FILE_LABEL).setInputFiles(SEED_FILE ?? "");
  await page.getByRole("button", { name: "Check" }).click();
  const table = page.getByTestId("unknown-labels");
  await expect(table).toBeVisible();
  const title = page.getByText(/^(\d+) of \1 labels are not in the vocabularies/);
  await expect(title).toBeVisible();
  const unknown = Number(/^(\d+)/.exec((await title.textContent()) ?? "")?.[1]);
  // Near-duplicates share a row: far fewer decisions than labels.
  const rows = await table.locator("tbody tr").count();
  expect(rows).toBeLessThan(unknown);
  // "Classifications" and "Classification Task" are suggested as aliases of the existing term.
  const row = table.getByRole("row").filter({ hasText: "Classifications" });
  await expect(row).toContainText("Classification Task");
  await expect(row.getByRole("combobox", { name: /^Decision for/ })).toHaveValue(
    `alias:${classification.id}`,
  );
  // Rewrite, Rewrites, Rewriting and Rewrite Task become one new term.
  const rewrite = table.getByRole("row").filter({ hasText: "Rewriting" });
  await expect(rewrite).toContainText("Rewrite Task");
  await expect(rewrite.getByRole("textbox", { name: /^New term for/ })).toHaveValue("Rewrite");

  const mappingRequests: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith("/api/v1/vocabulary/mappings")) mappingRequests.push(r.method());
  });
  await page.getByRole("button", { name: /^Accept all suggestions/ }).click();
  await expect(page.getByText(`All ${unknown} unknown labels are mapped or added`)).toBeVisible({
    timeout: 30_000,
  });
  expect(mappingRequests).toEqual(["POST"]);
  expect(
    (await testDb().vocabularyTerm.findUniqueOrThrow({ where: { id: classification.id } })).aliases,
  ).toEqual(expect.arrayContaining(["Classifications", "Classification Task"]));

  const before = await testDb().seed.count();
  await page.getByLabel("Import as").selectOption("approved");
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText("Imported 167 seeds")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("import-phases")).toContainText("storing");
  // Record 73 addresses "Miss Smith" (and the real file has untitled fictional names too): each
  // is held as submitted for a reviewer rather than approved.
  const held = heldRecordNumbers(JSON.parse(readFileSync(SEED_FILE ?? "", "utf8")) as TSeedRecord[]);
  expect(held).toContain(73);
  await expect(page.getByTestId("held-for-review")).toContainText(
    `Held ${held.length} seeds with possible patient identifiers`,
  );
  await expect(page.getByTestId("held-for-review")).toContainText(`records ${held.join(", ")}`);
  await expect(page.getByTestId("phi-warnings")).toContainText("Record 73, input: possible person's name");
  expect(await testDb().seed.count()).toBe(before + 167);
  expect(await testDb().seed.count({ where: { importedById: admin.id, status: "APPROVED" } })).toBe(
    167 - held.length,
  );
  const imported = await testDb().seed.findMany({
    where: { importedById: admin.id },
    include: { type: true },
  });
  expect(imported.filter((s) => s.type?.label === "Classifications")).toHaveLength(0);
  expect(imported.filter((s) => s.typeId === classification.id).length).toBeGreaterThanOrEqual(3);
  // 28 type spellings in the file, a dozen task formats in the vocabulary.
  expect(new Set(imported.map((s) => s.typeId)).size).toBeLessThanOrEqual(12);
});

test("generated seeds: check, map an unknown label (the count goes down), add the rest and import", async ({
  page,
}) => {
  const s = randomBytes(3).toString("hex");
  const target = await testDb().vocabularyTerm.create({
    data: { kind: "TYPE", label: `Classification ${s}`, aliases: [] },
  });
  const records: TSeedRecord[] = generatedSeedRecords(20).map((r, i) => ({
    ...r,
    topic: `${r.topic} ${s}`,
    view: `${r.view} ${s}`,
    type: i % 2 ? `Classifications ${s}` : `${r.type} ${s}`,
    instruction: `${r.instruction} [${s}]`,
  }));
  records.push({
    ...records[0]!,
    instruction: `Summarise the letter for Mr. John Smith, DOB 03/04/1961 [${s}].`,
  });
  const admin = await openImport(page);
  await page.getByLabel(FILE_LABEL).setInputFiles(tempFile("generated-seeds.json", JSON.stringify(records)));
  await page.getByRole("button", { name: "Check" }).click();
  const table = page.getByTestId("unknown-labels");
  const unknown = new Set([
    ...records.map((r) => r.topic),
    ...records.map((r) => r.view),
    ...records.map((r) => r.type),
  ]).size;
  await expect(page.getByText(`${unknown} of ${unknown} labels are not in the vocabularies`)).toBeVisible();
  // One row at a time: the suggestion is preset, Apply sends that row alone.
  const row = table.getByRole("row").filter({ hasText: `Classifications ${s}` });
  await expect(row.getByRole("combobox", { name: /^Decision for/ })).toHaveValue(`alias:${target.id}`);
  await row.getByRole("button", { name: /^Apply the decision/ }).click();
  await expect(row.getByText(`Mapped to “Classification ${s}”`)).toBeVisible();
  await expect(
    page.getByText(`${unknown - 1} of ${unknown} labels are not in the vocabularies`),
  ).toBeVisible();

  // Check with the options the import will use: it previews that import, new terms included.
  await page.getByLabel("Import as").selectOption("approved");
  await page.getByLabel("Add remaining unknown labels as new terms").check();
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByText(`The file can be imported: ${records.length} seeds`)).toBeVisible();
  const summary = page.getByTestId("import-summary");
  await expect(summary).toContainText(
    `${records.length - 1} would be approved, 1 would be submitted for review`,
  );
  // Near-duplicate spellings share a term, so at most one term per remaining label.
  const adding = /(\d+) new terms would be added for the unknown labels/.exec(
    (await summary.textContent()) ?? "",
  );
  const added = Number(adding?.[1]);
  expect(added).toBeGreaterThan(0);
  expect(added).toBeLessThanOrEqual(unknown - 1);
  await expect(page.getByTestId("phi-warnings")).toContainText(
    `Record ${records.length}, instruction: possible date of birth`,
  );
  await expect(page.getByTestId("phi-warnings")).not.toContainText("_");
  expect(await testDb().seed.count({ where: { importedById: admin.id } })).toBe(0);

  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText(`Imported ${records.length} seeds`)).toBeVisible({ timeout: 30_000 });
  await expect(summary).toContainText(`${records.length - 1} approved, 1 submitted for review`);
  await expect(summary).toContainText(`${added} new terms were added for the unknown labels`);
  expect(await testDb().seed.count({ where: { importedById: admin.id } })).toBe(records.length);
  expect(await testDb().seed.count({ where: { importedById: admin.id, typeId: target.id } })).toBe(10);
});

test("generated seeds: “add remaining unknown labels” adds one term per suggested cluster, the other spellings as its aliases", async ({
  page,
}) => {
  const s = randomBytes(3).toString("hex");
  const spellings = ["Rewrite", "Rewrites", "Rewriting", "Rewrite Task"].map((t) => `${t} ${s}`);
  const records: TSeedRecord[] = generatedSeedRecords(8).map((r, i) => ({
    ...r,
    topic: `Cardiology ${s}`,
    view: `Patient's Perspective ${s}`,
    type: spellings[i % spellings.length] ?? "",
    instruction: `${r.instruction} [${s}]`,
  }));
  const admin = await openImport(page);
  await page.getByLabel(FILE_LABEL).setInputFiles(tempFile("near-duplicates.json", JSON.stringify(records)));
  await page.getByLabel("Add remaining unknown labels as new terms").check();
  const requests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/v1/")) requests.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText(`Imported ${records.length} seeds`)).toBeVisible({ timeout: 30_000 });
  // Topic, view and one type: three terms, not six, and all in the import's one request.
  await expect(page.getByTestId("import-summary")).toContainText(
    "3 new terms were added for the unknown labels",
  );
  expect(requests).toEqual(["POST /api/v1/seeds/import"]);
  const types = await testDb().vocabularyTerm.findMany({ where: { kind: "TYPE", label: { endsWith: s } } });
  expect(types.map((t) => t.label)).toEqual([`Rewrite ${s}`]);
  expect(types[0]?.aliases.sort()).toEqual(spellings.slice(1).sort());
  const seeds = await testDb().seed.findMany({ where: { importedById: admin.id } });
  expect(seeds).toHaveLength(records.length);
  expect(new Set(seeds.map((x) => x.typeId))).toEqual(new Set([types[0]?.id]));
});

/** A 1.4 MB-class file (over the old 1 MB limit of the screen), checked then imported through the browser. */
async function importLargeFile(page: Page, records: TSeedRecord[], name: string) {
  test.setTimeout(300_000);
  const s = randomBytes(3).toString("hex");
  // Every copy's instructions changed (this run's tag too): no record duplicates an earlier import.
  const { text, count } = repeatSeedFile(
    records.map((r) => ({ ...r, instruction: `${r.instruction.trim()} [${s}]` })),
    1_400_000,
  );
  expect(Buffer.byteLength(text)).toBeGreaterThan(1_400_000);
  expect(Buffer.byteLength(text)).toBeLessThan(1_500_000);
  // As the screen writes the size ("1.4 MB").
  const mb = `${(Buffer.byteLength(text) / 1_000_000).toFixed(1)} MB`;
  const sent = new RegExp(`Sent ${mb.replace(".", "\\.")} of ${mb.replace(".", "\\.")}\\. `);
  const admin = await openImport(page);
  await page.getByLabel(FILE_LABEL).setInputFiles(tempFile(name, text));
  await page.getByLabel("Import as").selectOption("approved");
  await page.getByLabel("Add remaining unknown labels as new terms").check();

  let progress = await recordProgress(page);
  await page.getByRole("button", { name: "Check" }).click();
  await expect(page.getByText(`The file can be imported: ${count} seeds`)).toBeVisible({ timeout: 120_000 });
  let seen = await progress();
  expect(seen.line.some((t) => t.startsWith("Sent ") && t.includes(` of ${mb}`))).toBe(true);
  expect(seen.line.some((t) => sent.test(t) && /Checking the records on the server… \d+ s$/.test(t))).toBe(
    true,
  );
  // The steps: uploading first, then the upload ticked off while the server checks (no storing).
  expect(seen.steps[0]).toMatch(/^1\. Upload2\. Server: .*identifiers3\. Summary$/);
  expect(seen.steps.some((t) => t.startsWith("1. Upload ✓") && !t.includes(", store"))).toBe(true);
  await expect(page.getByTestId("import-facts")).toContainText(`${name}: ${mb} sent, checked in`);
  await expect(page.getByTestId("import-facts")).toContainText(
    "previewed the import as approved, adding unknown labels as new terms",
  );
  const preview = await page.getByTestId("import-summary").textContent();
  expect(await testDb().seed.count({ where: { importedById: admin.id } })).toBe(0);

  progress = await recordProgress(page);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByText(`Imported ${count} seeds`)).toBeVisible({ timeout: 120_000 });
  seen = await progress();
  expect(seen.line.some((t) => sent.test(t) && t.includes("Importing the records on the server…"))).toBe(
    true,
  );
  expect(seen.steps.some((t) => t.startsWith("1. Upload ✓") && t.includes(", store3. Summary"))).toBe(true);
  const summary = page.getByTestId("import-summary");
  const approved = await testDb().seed.count({ where: { importedById: admin.id, status: "APPROVED" } });
  await expect(summary).toContainText(`${approved} approved, ${count - approved} submitted for review`);
  // What the check previewed is what the import did.
  expect(preview).toContain(
    `${approved} would be approved, ${count - approved} would be submitted for review`,
  );
  expect(await testDb().seed.count({ where: { importedById: admin.id } })).toBe(count);
  return { count, approved };
}

test("the real seed file repeated to 1.4 MB with changed instructions is checked and imported through the screen", async ({
  page,
}) => {
  test.skip(!SEED_FILE, realDataSkipReason(REAL));
  const records = JSON.parse(readFileSync(SEED_FILE ?? "", "utf8")) as TSeedRecord[];
  const { count, approved } = await importLargeFile(page, records, "med_seed-1.4MB.json");
  // The records with a fictional patient's name, in every copy, are each held for a reviewer.
  const flagged = new Set(heldRecordNumbers(records).map((n) => n - 1));
  expect(count - approved).toBe(
    Array.from({ length: count }, (_, i) => i % records.length).filter((i) => flagged.has(i)).length,
  );
});

test("a generated 1.4 MB seed file is checked and imported through the screen", async ({ page }) => {
  const { count, approved } = await importLargeFile(page, generatedSeedRecords(167), "generated-1.4MB.json");
  expect(approved).toBe(count);
});

test("an empty, a too-big, a non-JSON and a wrong-shaped file each say so, keep the file chosen and leave the form usable", async ({
  page,
}) => {
  await openImport(page);
  const input = page.getByLabel(FILE_LABEL);
  const check = page.getByRole("button", { name: "Check" });
  const cases: [string, string | Buffer, string][] = [
    ["empty.json", "", "The file is empty: choose the file with the seeds"],
    [
      "huge.json",
      Buffer.alloc(5_000_001, 0x20),
      "The file is larger than 5 MB (5,000,000 bytes), the most one import takes: split it into smaller files",
    ],
    [
      "seeds.csv.json",
      "topic,view,type\nCardiology,Patient,Chat\n",
      "The file is not JSON. Expected a JSON array of seed objects",
    ],
    [
      "dataset.jsonl",
      `${JSON.stringify({ instruction: "Explain angina.", input: "", output: "Chest pain." })}\n`,
      "No record is a seed.",
    ],
  ];
  for (const [name, content, message] of cases) {
    await input.setInputFiles(tempFile(name, content));
    await check.click();
    await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
    expect(await chosenFile(page)).toBe(name);
    await expect(check).toBeEnabled();
  }
  await expect(page.getByTestId("record-errors")).toContainText("Record 1, output: Unknown field");

  // Still usable: a good file checks at once.
  const s = randomBytes(3).toString("hex");
  const good = generatedSeedRecords(2).map((r) => ({ ...r, instruction: `${r.instruction} [${s}]` }));
  await input.setInputFiles(tempFile("good.json", JSON.stringify(good)));
  await page.getByLabel("Add remaining unknown labels as new terms").check();
  await check.click();
  await expect(page.getByText("The file can be imported: 2 seeds")).toBeVisible();
});
