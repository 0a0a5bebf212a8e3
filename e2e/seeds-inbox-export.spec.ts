// The seed review inbox (from the home page's link, others' seeds only, oldest first, author and
// age, PHI marked in place on the review view) and the filtered export on the Seeds page, in
// Chromium; both screens fit 375 px.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { createToken, createUser, testDb } from "./support/db";
import { signInViaApi } from "./support/auth";

const suffix = randomBytes(3).toString("hex");
const MED_SEED_KEYS = ["topic", "view", "type", "instruction", "input", "difficulty"];

async function signedIn(browser: Browser, email: string, viewport?: { width: number; height: number }) {
  const page = await (await browser.newContext(viewport ? { viewport } : {})).newPage();
  await signInViaApi(page.request, email);
  return page;
}

async function apiAs(
  playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
  baseURL: string | undefined,
  userId: string,
) {
  return playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${(await createToken(userId)).token}` },
  });
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
}

test("a clinician finds others' seeds to review from home, oldest first, with PHI marked; an admin exports with filters", async ({
  browser,
  playwright,
}, testInfo) => {
  test.setTimeout(120_000);
  const baseURL = testInfo.project.use.baseURL;
  const [me, older, newer, admin] = await Promise.all([
    createUser("CLINICIAN"),
    createUser("CLINICIAN"),
    createUser("CLINICIAN"),
    createUser("ADMIN"),
  ]);
  const terms: Record<string, string> = {};
  for (const kind of ["TOPIC", "VIEW", "TYPE"] as const) {
    const t = await testDb().vocabularyTerm.create({
      data: { kind, label: `${kind.toLowerCase()} inbox ${suffix}`, aliases: [] },
    });
    terms[kind] = t.id;
  }
  const write = async (userId: string, instruction: string, difficulty: number) => {
    const api = await apiAs(playwright, baseURL, userId);
    const res = await api.post("/api/v1/seeds", {
      data: {
        topicId: terms.TOPIC,
        viewId: terms.VIEW,
        typeId: terms.TYPE,
        instruction,
        difficulty,
        duplicateReason: "e2e fixture",
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const id = String(((await res.json()) as { id: string }).id);
    expect((await api.post(`/api/v1/seeds/${id}/submit`, { data: { baseVersion: 1 } })).ok()).toBe(true);
    return id;
  };
  const phiText = `Call Mrs Jane Whitlock on 020 7946 0958 about her inhaler (${suffix}).`;
  const oldId = await write(older.id, phiText, 2);
  const newId = await write(newer.id, `List the side effects of salbutamol (${suffix}).`, 3);
  const ownId = await write(me.id, `Explain peak flow readings (${suffix}).`, 3);
  // The first seed has waited four days.
  await testDb().seed.update({
    where: { id: oldId },
    data: { submittedAt: new Date(Date.now() - 4 * 86_400_000) },
  });

  const page = await signedIn(browser, me.email);
  await page.goto("/");
  await page.getByRole("link", { name: /awaiting your review/ }).click();
  await expect(page).toHaveURL(/\/seeds\?review=mine$/);
  await expect(page.getByRole("heading", { name: "Seeds that need my review" })).toBeVisible();
  // Other specs leave submitted seeds behind (oldest first, 50 a page): narrow to this test's topic.
  await page.goto(`/seeds?review=mine&topicId=${terms.TOPIC}`);
  await expect(page.getByRole("heading", { name: "Seeds that need my review" })).toBeVisible();
  const rows = page.getByTestId("seed-row");
  const mineHere = rows.filter({ hasText: suffix });
  await expect(mineHere).toHaveCount(2);
  // Oldest first; the author by name; the age in words; my own seed is not here.
  await expect(mineHere.nth(0)).toContainText("Call Mrs");
  await expect(mineHere.nth(0).getByTestId("seed-author")).toContainText(older.name);
  await expect(mineHere.nth(0).getByTestId("seed-age")).toContainText("4 days");
  await expect(mineHere.nth(1).getByTestId("seed-author")).toContainText(newer.name);
  await expect(page.locator(`a[href="/seeds/${ownId}"]`)).toHaveCount(0);
  await expect(page.locator(`a[href="/seeds/${newId}"]`)).toBeVisible();

  // The review view marks the identifiers where they stand in the text.
  await mineHere.nth(0).getByRole("link").click();
  const fields = page.getByTestId("seed-fields");
  await expect(fields.getByTestId("phi-mark").first()).toBeVisible();
  await expect(fields.getByTestId("phi-mark").filter({ hasText: "020 7946 0958" })).toHaveCount(1);

  // At 375 px the inbox and the review view fit without sideways scrolling.
  const phone = await signedIn(browser, me.email, { width: 375, height: 812 });
  await phone.goto(`/seeds?review=mine&topicId=${terms.TOPIC}`);
  await expect(phone.getByTestId("seed-row").filter({ hasText: suffix })).toHaveCount(2);
  await noSidewaysScroll(phone);
  await phone.goto(`/seeds/${oldId}`);
  await expect(phone.getByTestId("phi-mark").first()).toBeVisible();
  await noSidewaysScroll(phone);

  // The admin approves nothing here: the two submitted seeds are exported by status and difficulty.
  const a = await signedIn(browser, admin.email);
  await a.goto("/seeds");
  const form = a.getByTestId("seed-export-form");
  await form.getByLabel("Format").selectOption("json");
  await form.getByLabel("Status").selectOption("submitted");
  await form.getByLabel("Topic").selectOption({ label: `topic inbox ${suffix}` });
  await form.getByLabel("Difficulty").selectOption("3");
  const [download] = await Promise.all([
    a.waitForEvent("download"),
    form.getByRole("button", { name: "Download" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^clinreview-seeds-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(readFileSync((await download.path()) ?? "", "utf8")) as Record<
    string,
    string
  >[];
  expect(exported.map((s) => s.instruction).sort()).toEqual(
    [`Explain peak flow readings (${suffix}).`, `List the side effects of salbutamol (${suffix}).`].sort(),
  );
  for (const s of exported) expect(Object.keys(s)).toEqual(MED_SEED_KEYS);

  // JSON Lines of the same filter add our id; a bad filter is a 400 problem.
  const lines = await a.request.get(
    `/api/v1/seeds/export?format=jsonl&status=submitted&difficulty=3&topicId=${terms.TOPIC}`,
  );
  expect(lines.status()).toBe(200);
  const ids = (await lines.text())
    .trim()
    .split("\n")
    .map((l) => (JSON.parse(l) as { id: string }).id);
  expect(ids.sort()).toEqual([newId, ownId].sort());
  const bad = await a.request.get("/api/v1/seeds/export?difficulty=9");
  expect(bad.status()).toBe(400);
  expect(bad.headers()["content-type"]).toContain("application/problem+json");

  const adminPhone = await signedIn(browser, admin.email, { width: 375, height: 812 });
  await adminPhone.goto("/seeds");
  await expect(adminPhone.getByTestId("seed-export-form")).toBeVisible();
  await noSidewaysScroll(adminPhone);
});
