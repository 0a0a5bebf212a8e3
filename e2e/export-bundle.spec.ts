// Issue 17 item 2 in Chromium: a licence chosen at dataset upload is kept with the file's SHA-256;
// the seed export downloads as a bundle (export, manifest.json, README.md) whose file hashes to the
// manifest's SHA-256; the stored export is listed with its manifest summary and downloads again as
// a bundle; the screens pass axe and fit 375 px.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Download, type Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { createUser, testDb } from "./support/db";
import { signInViaApi } from "./support/auth";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const suffix = randomBytes(3).toString("hex");
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

async function signedIn(browser: Browser, email: string, viewport?: { width: number; height: number }) {
  const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
  await signInViaApi(page.request, email);
  return page;
}

async function bundleOf(download: Download) {
  expect(download.suggestedFilename()).toMatch(/-bundle\.zip$/);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path()) ?? "")));
  const names = Object.keys(files);
  expect(names).toContain("manifest.json");
  expect(names).toContain("README.md");
  expect(names).toHaveLength(3);
  const manifest = JSON.parse(strFromU8(files["manifest.json"] ?? new Uint8Array())) as {
    licence: string;
    export: { filename: string; sha256: string; id: string };
  };
  expect(sha(files[manifest.export.filename] ?? new Uint8Array())).toBe(manifest.export.sha256);
  expect(strFromU8(files["README.md"] ?? new Uint8Array())).toContain(`license: ${manifest.licence}`);
  return manifest;
}

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test("a licence at upload, a seed export bundle with a matching hash, listed and downloaded again", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const admin = await createUser("ADMIN");
  const page = await signedIn(browser, admin.email);

  // Dataset upload with a licence: kept with the file's SHA-256.
  const file = Buffer.from(
    [1, 2].map((i) => JSON.stringify({ instruction: `Q${i} ${suffix}?`, output: `A${i}.` })).join("\n"),
  );
  await page.goto("/datasets");
  await page.getByLabel("Name", { exact: true }).fill(`licensed ${suffix}`);
  await page.getByLabel(/^Licence/).selectOption("cc-by-4.0");
  await page
    .getByLabel(/^File/)
    .setInputFiles({ name: "two.jsonl", mimeType: "application/x-ndjson", buffer: file });
  await page.getByRole("button", { name: "Import" }).click();
  await expect
    .poll(async () =>
      testDb().dataset.findFirst({
        where: { name: `licensed ${suffix}`, status: "READY" },
        select: { licence: true, sha256: true },
      }),
    )
    .toEqual({ licence: "cc-by-4.0", sha256: sha(file) });

  // Seed export as a bundle, licence stated.
  await page.goto("/seeds");
  const form = page.getByTestId("seed-export-form");
  await form.getByLabel("Format").selectOption("jsonl");
  await form.getByLabel("Licence").selectOption("cc0-1.0");
  await form.getByLabel(/^Bundle/).check();
  const [first] = await Promise.all([
    page.waitForEvent("download"),
    form.getByRole("button", { name: "Download" }).click(),
  ]);
  const manifest = await bundleOf(first);
  expect(manifest.licence).toBe("cc0-1.0");

  // Listed with its manifest summary; its bundle downloads again, the same file inside.
  const stored = page.getByTestId("stored-exports");
  await stored.getByRole("button", { name: "Refresh" }).click();
  const row = stored.getByTestId("stored-export").filter({ hasText: "licence cc0-1.0" }).first();
  await expect(row).toContainText(manifest.export.sha256.slice(0, 16));
  const [again] = await Promise.all([page.waitForEvent("download"), row.getByTestId("bundle-link").click()]);
  expect((await bundleOf(again)).export.sha256).toBe(manifest.export.sha256);
  await axe(page);

  const phone = await signedIn(browser, admin.email, { width: 375, height: 812 });
  await phone.goto("/seeds");
  await expect(phone.getByTestId("stored-export").first()).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await phone.goto("/datasets");
  await expect(phone.getByLabel(/^Licence/)).toBeVisible();
  await axe(phone);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
