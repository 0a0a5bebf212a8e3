import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { realDataFile, realDataSkipReason } from "../tests/support/real-data";
import { createUser } from "./support/db";
import { signInViaApi } from "./support/auth";

const MED_FILE = "alpacare/MedInstruct-test.jsonl";
const MED = realDataFile(MED_FILE);
const MED_FIELDS = [
  "id",
  "instruction",
  "difficulty",
  "gpt-4-answer",
  "claude-2",
  "gpt-3.5-turbo-answer",
  "text-davinci-003-answer",
];

/** A file shaped like the raw MedInstruct-test: no output field, the answers under model names. */
function medLike(n: number): Buffer {
  const lines = Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      id: i,
      instruction: `Generated clinical question ${i}?`,
      difficulty: String(1 + (i % 5)),
      "gpt-4-answer": `GPT-4 answer ${i}.`,
      "claude-2": ` Claude ${i}.`,
      "gpt-3.5-turbo-answer": `Turbo ${i}.`,
      "text-davinci-003-answer": `\n\nDavinci ${i}.`,
    }),
  );
  return Buffer.from(lines.join("\n"));
}

async function adminPage(page: Page) {
  const admin = await createUser("ADMIN");
  await signInViaApi(page.request, admin.email);
  await page.goto("/datasets");
}

/** Uploads a MedInstruct-shaped file through the screen, mapping gpt-4-answer as the output. */
async function uploadWithMapping(
  page: Page,
  name: string,
  file: { name: string; mimeType: string; buffer: Buffer },
  records: number,
  firstAnswer: string,
) {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel(/^File/).setInputFiles(file);
  const mapping = page.getByTestId("field-mapping");
  await expect(mapping).toBeVisible();
  // The choices are the file's own fields, read from its first records.
  await expect(mapping.getByLabel("Output field").locator("option")).toHaveText(MED_FIELDS);
  await expect(mapping.getByLabel("Output field")).toHaveValue("gpt-4-answer");
  await expect(mapping.getByLabel("Instruction field")).toHaveValue("instruction");
  await expect(mapping.getByLabel("Input field")).toHaveValue("");

  // A wrong choice first: an output some records lack is refused, naming the lines and the fields.
  await mapping.getByLabel("Output field").selectOption("id");
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("import-error")).toContainText('"id" must be a string');
  await expect(page.getByTestId("import-error")).toContainText(
    `The file's fields are: ${MED_FIELDS.join(", ")}`,
  );
  await expect(page.getByTestId("import-error").locator("li").first()).toHaveText(/^Line 1: /);

  await mapping.getByLabel("Output field").selectOption("gpt-4-answer");
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("import-done")).toHaveText(
    `Imported ${records} records (0 duplicates skipped).`,
  );
  // The result summary names the dataset, the count and the output field used.
  const summary = page.getByTestId("import-summary");
  await expect(summary).toContainText(name);
  await expect(summary).toContainText(`Records${records}`);
  await expect(summary).toContainText("Output fieldgpt-4-answer");
  await page.getByRole("link", { name }).click();
  await expect(page.getByTestId("dataset-record").first()).toContainText(firstAnswer);
  await expect(page.getByTestId("dataset-record").first()).not.toContainText("(no output)");
}

test("the raw MedInstruct-test file is uploaded through the browser with gpt-4-answer mapped as the output", async ({
  page,
}) => {
  test.skip(!MED, realDataSkipReason(MED_FILE));
  const path = MED ?? "";
  const first = JSON.parse(readFileSync(path, "utf8").split("\n")[0] ?? "{}") as { "gpt-4-answer": string };
  await adminPage(page);
  await uploadWithMapping(
    page,
    "MedInstruct-test raw",
    { name: "MedInstruct-test.jsonl", mimeType: "application/x-ndjson", buffer: readFileSync(path) },
    216,
    first["gpt-4-answer"].slice(0, 60),
  );
});

test("a generated MedInstruct-shaped file is uploaded through the browser with its field mapping", async ({
  page,
}) => {
  await adminPage(page);
  await uploadWithMapping(
    page,
    "MedInstruct-shaped fixture",
    { name: "med-like.jsonl", mimeType: "application/x-ndjson", buffer: medLike(12) },
    12,
    "GPT-4 answer 0.",
  );
});

test("an empty file says it is empty, on the screen and from the API", async ({ page, baseURL }) => {
  await adminPage(page);
  await page
    .getByLabel(/^File/)
    .setInputFiles({ name: "empty.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.alloc(0) });
  await expect(page.getByTestId("import-error")).toHaveText("The file is empty: it holds no records.");
  await page.getByLabel(/^File/).setInputFiles({
    name: "blank.jsonl",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from("\n\n  \n"),
  });
  await expect(page.getByTestId("import-error")).toHaveText("The file is empty: it holds no records.");
  const res = await page.request.post("/api/v1/datasets?name=empty", {
    headers: { origin: baseURL ?? "", "content-type": "application/x-ndjson" },
    data: "\n",
  });
  expect(res.status()).toBe(422);
  expect(((await res.json()) as { detail: string }).detail).toBe(
    "The file is empty: it holds no records; nothing was imported",
  );
});
