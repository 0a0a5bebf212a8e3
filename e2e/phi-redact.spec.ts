import { expect, test } from "@playwright/test";
import { createToken, createUser, testDb } from "./support/db";
import { signInViaApi } from "./support/auth";

const NAME = "Jane Doe";

test("an admin redacts a rationale wrongly confirmed as not PHI; the reviewer's text then shows the placeholder", async ({
  page,
  request,
}) => {
  const [admin, c1, c2] = await Promise.all([
    createUser("ADMIN"),
    createUser("CLINICIAN"),
    createUser("CLINICIAN"),
  ]);
  const adminAuth = { authorization: `Bearer ${(await createToken(admin.id)).token}` };
  const post = async (path: string, data: string, type = "application/json") => {
    const res = await request.post(path, { headers: { ...adminAuth, "content-type": type }, data });
    expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
    return (await res.json()) as { id: string };
  };
  const dataset = await post(
    "/api/v1/datasets?name=PHI%20redact",
    JSON.stringify({ instruction: "Advise on a cough.", input: "", output: "Rest and drink fluids." }),
    "application/x-ndjson",
  );
  const campaign = await post(
    "/api/v1/audits",
    JSON.stringify({
      datasetId: dataset.id,
      sampleSize: 1,
      seed: "phi-redact",
      reviewersPerItem: 2,
      name: "PHI redact",
    }),
  );
  // Two reviewers disagree, so the admin sees both reviews; the first confirms a name as "not PHI".
  for (const [user, body] of [
    [c1, { verdict: "accept", rationale: `${NAME} knows the patient.`, phiConfirmed: true }],
    [c2, { verdict: "reject" }],
  ] as const) {
    const auth = { authorization: `Bearer ${(await createToken(user.id)).token}` };
    const next = await request.post(`/api/v1/audits/${campaign.id}/assignments/next`, { headers: auth });
    const { assignmentId } = (await next.json()) as { assignmentId: string };
    const res = await request.post(`/api/v1/assignments/${assignmentId}/submit`, {
      headers: { ...auth, "content-type": "application/json" },
      data: JSON.stringify(body),
    });
    expect(res.status()).toBe(201);
  }

  await signInViaApi(page.request, admin.email);
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "PHI" }).click();
  await expect(page).toHaveURL(/\/admin\/phi$/);
  // Other specs share the database and confirm findings too: this spec's row is the one with its
  // text, held by its id (once redacted, the row no longer shows the text).
  const found = page.getByTestId("phi-confirmation").filter({ hasText: "knows the patient" });
  await expect(found).toHaveCount(1);
  const row = page.locator(`[data-confirmation-id="${await found.getAttribute("data-confirmation-id")}"]`);
  await expect(row).toContainText("Audit review rationale");
  await expect(row.getByTestId("phi-mark")).toContainText(NAME);
  // Nothing scrolls sideways on a phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  await row.getByRole("button", { name: "Redact" }).click();
  await row
    .getByRole("group", { name: "Confirm redaction" })
    .getByRole("button", { name: "Yes, redact" })
    .click();
  await expect(row.getByTestId("phi-redacted")).toContainText(`Redacted by ${admin.name}`);
  await expect(row.getByTestId("phi-mark")).toHaveCount(0);

  await page.goto(`/audits/${campaign.id}`);
  const disagreement = page.getByTestId("disagreement");
  await expect(disagreement).toContainText("[REDACTED PERSON NAME] knows the patient.");
  await expect(disagreement).not.toContainText(NAME);
  const trail = await testDb().auditLog.findMany({
    where: { action: { in: ["phi.redact", "audit_log.redact"] } },
  });
  expect(trail.map((r) => r.action)).toContain("phi.redact");
  expect(JSON.stringify(trail.map((r) => r.after))).not.toContain(NAME);
});
