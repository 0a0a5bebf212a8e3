import { expect, test, type APIRequestContext } from "@playwright/test";
import { createToken, createUser, testDb } from "./support/db";
import { signInViaApi } from "./support/auth";

// Old and new queue URLs alike (components/queue/queue-api.ts switches between them).
const isClaim = (u: URL) => /\/(items|assignments)\/next$/.test(u.pathname);
const isSkip = (u: URL) => /\/skip$/.test(u.pathname);
const isSubmit = (u: URL) => /\/assignments\/[^/]+\/(review|submit)$/.test(u.pathname);

async function campaignOf(request: APIRequestContext, records: number) {
  const admin = await createUser("ADMIN");
  const headers = { authorization: `Bearer ${(await createToken(admin.id)).token}` };
  const lines = Array.from({ length: records }, (_, i) =>
    JSON.stringify({ instruction: `Question ${i} about rest?`, input: "", output: `Answer ${i}: rest.` }),
  );
  const ds = await request.post("/api/v1/datasets?name=Recovery%20e2e", {
    headers: { ...headers, "content-type": "application/x-ndjson" },
    data: lines.join("\n"),
  });
  expect(ds.status(), await ds.text()).toBeLessThan(300);
  const datasetId = ((await ds.json()) as { id: string }).id;
  const c = await request.post("/api/v1/audits", {
    headers,
    data: { datasetId, sampleSize: records, seed: "recovery", reviewersPerItem: 1, name: "Recovery e2e" },
  });
  expect(c.status(), await c.text()).toBeLessThan(300);
  return ((await c.json()) as { id: string }).id;
}

test("the audit screen recovers from a failed claim, skip and submit, and the submit is stored once", async ({
  page,
  request,
}) => {
  const campaignId = await campaignOf(request, 3);
  const clinician = await createUser("CLINICIAN");
  await signInViaApi(page.request, clinician.email);

  // The first claim gets no answer: the screen says so and tries again by itself.
  let claimFailures = 1;
  await page.route(isClaim, (route) =>
    claimFailures-- > 0 ? route.abort("internetdisconnected") : route.continue(),
  );
  await page.goto(`/audits/${campaignId}/review`);
  await expect(page.getByTestId("queue-error")).toContainText("The network failed");
  const instruction = page.getByTestId("task-instruction");
  await expect(instruction).toBeVisible();
  await expect(page.getByTestId("queue-error")).toHaveCount(0);

  // The help overlay lists the keys; Esc closes it.
  await page.keyboard.press("?");
  await expect(page.getByTestId("queue-help")).toContainText("Skip this item");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("queue-help")).toHaveCount(0);

  // A skip that gets no answer leaves the item up, with a retry that does skip it.
  let skipFailures = 1;
  await page.route(isSkip, (route) =>
    skipFailures-- > 0 ? route.abort("internetdisconnected") : route.continue(),
  );
  const first = await instruction.textContent();
  await page.keyboard.press("s");
  await expect(page.getByTestId("queue-error")).toContainText("not skipped");
  await expect(instruction).toHaveText(first ?? "");
  await page.getByTestId("queue-retry").click();
  await expect(page.getByTestId("review-message")).toHaveText("Skipped.");
  await expect(instruction).not.toHaveText(first ?? "");
  const released = await testDb().queueAssignment.findMany({
    where: { userId: clinician.id, status: "RELEASED" },
  });
  expect(released).toHaveLength(1);

  // A submit whose answer is lost on the way back did reach the server: submitting again, with the
  // same Idempotency-Key, stores one review and moves on.
  let submitLosses = 1;
  await page.route(isSubmit, async (route) => {
    if (submitLosses-- > 0) {
      await route.fetch();
      await route.abort("internetdisconnected");
    } else await route.continue();
  });
  const second = await instruction.textContent();
  await page.keyboard.press("a");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("queue-error")).toContainText("your answer is kept here");
  await expect(page.getByRole("button", { name: "Accept (a)" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("review-message")).toHaveText("Saved.");
  await expect(instruction).not.toHaveText(second ?? "");
  await expect(page.getByTestId("queue-progress")).toHaveText("1 done");
  expect(await testDb().auditReview.count({ where: { reviewerId: clinician.id } })).toBe(1);

  // The last item; then nothing is left.
  await page.keyboard.press("r");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("queue-empty")).toBeVisible();
  expect(await testDb().auditReview.count({ where: { reviewerId: clinician.id } })).toBe(2);
});

test("on a touch screen the keyboard hints are hidden", async ({ browser, baseURL, request }) => {
  const campaignId = await campaignOf(request, 1);
  const clinician = await createUser("CLINICIAN");
  const context = await browser.newContext({
    baseURL,
    hasTouch: true,
    isMobile: true,
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await signInViaApi(page.request, clinician.email);
  await page.goto(`/audits/${campaignId}/review`);
  await expect(page.getByTestId("task-instruction")).toBeVisible();
  expect(await page.evaluate(() => matchMedia("(hover: none), (pointer: coarse)").matches)).toBe(true);
  await expect(page.getByRole("button", { name: "Skip", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Keyboard shortcuts (?)" })).toBeHidden();
  await context.close();
});
