// Issue 15 item 9: an admin restricts an audit campaign to named reviewers on its page; only they
// see and claim it, someone else is told so, and taking a reviewer off releases their item.
import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createToken, createUser, testDb } from "./support/db";
import { signInViaApi } from "./support/auth";

const suffix = randomBytes(3).toString("hex");

async function campaignAs(request: APIRequestContext): Promise<string> {
  const lines = Array.from({ length: 4 }, (_, i) =>
    JSON.stringify({ instruction: `Reviewer question ${i}?`, input: "", output: `Answer ${i}.` }),
  );
  const ds = await request.post(`/api/v1/datasets?name=Reviewers%20${suffix}`, {
    headers: { "content-type": "application/x-ndjson" },
    data: lines.join("\n"),
  });
  expect(ds.ok()).toBe(true);
  const datasetId = ((await ds.json()) as { id: string }).id;
  const c = await request.post("/api/v1/audits", {
    data: { datasetId, name: `Named ${suffix}`, sampleSize: 4, seed: "n", reviewersPerItem: 1 },
  });
  expect(c.ok()).toBe(true);
  return ((await c.json()) as { id: string }).id;
}

test("an admin names reviewers; only they see and claim the campaign; removing one releases their item", async ({
  browser,
  playwright,
}, testInfo) => {
  const [admin, named, outsider] = await Promise.all([
    createUser("ADMIN"),
    createUser("CLINICIAN", { name: `Named Reviewer ${suffix}` }),
    createUser("CLINICIAN", { name: `Outside Reviewer ${suffix}` }),
  ]);
  const asAdmin = await playwright.request.newContext({
    baseURL: testInfo.project.use.baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${(await createToken(admin.id)).token}` },
  });
  const id = await campaignAs(asAdmin);

  // The outsider starts on an item while the campaign is still open to everyone.
  const outsiderPage = await (await browser.newContext()).newPage();
  await signInViaApi(outsiderPage.request, outsider.email);
  await outsiderPage.goto(`/audits/${id}/review`);
  await expect(outsiderPage.getByTestId("task-instruction")).toBeVisible();

  const adminPage = await (await browser.newContext({ viewport: { width: 375, height: 900 } })).newPage();
  await signInViaApi(adminPage.request, admin.email);
  await adminPage.goto(`/audits/${id}`);
  const form = adminPage.getByTestId("reviewers-form");
  await form.getByLabel("Find a clinician").fill(suffix);
  await form.getByLabel(new RegExp(`Named Reviewer ${suffix}`)).check();
  await form.getByRole("button", { name: /Save reviewers \(1\)/ }).click();
  await expect(form.getByRole("status")).toContainText(
    "1 named reviewers saved. 1 item(s) in progress went back",
  );
  // The campaign page fits a phone.
  expect(
    await adminPage.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ),
  ).toBeLessThanOrEqual(0);

  const outsiderLease = await testDb().queueAssignment.findFirstOrThrow({ where: { userId: outsider.id } });
  expect(outsiderLease.status).toBe("EXPIRED");

  // The outsider no longer sees the campaign, and a claim is refused in words.
  await outsiderPage.goto("/audits");
  await expect(outsiderPage.getByTestId("campaign-row").filter({ hasText: `Named ${suffix}` })).toHaveCount(
    0,
  );
  await outsiderPage.goto(`/audits/${id}/review`);
  await expect(outsiderPage.getByText("This campaign is open to its named reviewers only")).toBeVisible();

  // The named reviewer sees it and works on it.
  const namedPage = await (await browser.newContext()).newPage();
  await signInViaApi(namedPage.request, named.email);
  await namedPage.goto("/audits");
  const row = namedPage.getByTestId("campaign-row").filter({ hasText: `Named ${suffix}` });
  await row.getByRole("link", { name: "Review" }).click();
  await expect(namedPage.getByTestId("task-instruction")).toBeVisible();

  // The change is in the audit trail, in words.
  await adminPage.goto(`/admin/audit-log?action=audit.set_reviewers&entityId=${id}`);
  const entry = adminPage.getByTestId("audit-entry");
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(`${admin.name} changed the campaign's named reviewers`);
  await expect(entry.getByRole("link", { name: `Named ${suffix}` })).toHaveAttribute("href", `/audits/${id}`);
  await asAdmin.dispose();
});
