import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createToken, createUser, testDb } from "./support/db";
import { signInViaApi } from "./support/auth";

const NAME = "Jane Doe";

/** Sets up through the API as an admin with a token (cookie-less, so no same-origin dance). */
function adminApi(request: APIRequestContext, token: string) {
  const auth = { authorization: `Bearer ${token}` };
  return async (path: string, data: unknown, type = "application/json") => {
    const res = await request.post(path, {
      headers: { ...auth, "content-type": type },
      data: typeof data === "string" ? data : JSON.stringify(data),
    });
    expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
    return (await res.json()) as { id: string };
  };
}

async function signedIn(page: Page, email: string) {
  await signInViaApi(page.request, email);
  await page.setViewportSize({ width: 375, height: 800 });
}

test("a name typed into an audit correction and a rating rationale is highlighted, asked about, confirmed and recorded", async ({
  page,
  request,
}) => {
  const [admin, clinician] = await Promise.all([createUser("ADMIN"), createUser("CLINICIAN")]);
  const post = adminApi(request, (await createToken(admin.id)).token);
  const dataset = await post(
    "/api/v1/datasets?name=PHI%20e2e",
    JSON.stringify({
      instruction: "Advise on back pain.",
      input: "",
      output: "Patient John Smith should rest and take paracetamol.",
    }),
    "application/x-ndjson",
  );
  const campaign = await post("/api/v1/audits", {
    datasetId: dataset.id,
    sampleSize: 1,
    seed: "phi-e2e",
    reviewersPerItem: 1,
    name: "PHI e2e audit",
  });
  const study = await post("/api/v1/studies", {
    name: "PHI e2e study",
    title: "PHI e2e study",
    criteria: ["Accuracy"],
    design: "all_pairs",
    allowTie: false,
    allowBothBad: false,
  });
  await post(`/api/v1/studies/${study.id}/outputs`, [
    {
      instruction: "How should I take paracetamol?",
      output: "With water, up to four times a day.",
      generator: "m1",
    },
    { instruction: "How should I take paracetamol?", output: "As the leaflet says.", generator: "m2" },
  ]);
  await post(`/api/v1/studies/${study.id}/start`, {});

  await signedIn(page, clinician.email);

  // The audit review: the record's own name is marked, with its kind in words.
  await page.goto(`/audits/${campaign.id}/review`);
  await expect(page.getByTestId("task-output").getByTestId("phi-mark")).toContainText("John Smith");
  await expect(page.getByTestId("task-output").getByTestId("phi-mark")).toContainText("person's name");
  // Editing turns the output's panel into its raw text (the correction in place).
  await page.getByRole("button", { name: /^Edit the output/ }).click();
  const correction = page.getByLabel(/^Correction/);
  await correction.fill(`Patient John Smith should rest, and ask ${NAME} for help.`);
  // Only the name the reviewer typed is highlighted under the box, not the one copied from the record.
  const inline = page.getByTestId("phi-findings-inline").first();
  await expect(inline.getByTestId("phi-mark")).toHaveCount(1);
  await expect(inline.getByTestId("phi-mark")).toContainText(NAME);
  await page.getByTestId("submit-review").click();
  const confirm = page.getByTestId("phi-confirm");
  await expect(confirm).toContainText("Correction: person's name");
  await confirm.getByRole("button", { name: "Not PHI: submit" }).click();
  await expect(page.getByTestId("queue-empty")).toBeVisible();
  const review = await testDb().auditReview.findFirstOrThrow({ where: { reviewerId: clinician.id } });
  expect(review.correctedOutput).toContain(NAME);
  expect(await testDb().phiConfirmation.findMany({ where: { entityId: review.id } })).toMatchObject([
    {
      entityType: "audit_review",
      field: "correctedOutput",
      kind: "person_name",
      confirmedById: clinician.id,
    },
  ]);

  // The rating screen: the same for a rationale.
  await page.goto(`/rate/${study.id}`);
  await expect(page.getByTestId("rating-progress")).toHaveText("You have rated 0");
  // Answered by its radio, not the "a" key: a key pressed before the screen's handlers are attached
  // is lost (CI, 2026-12-06), and this test is about PHI, not the keyboard (studies-presentation and accessibility cover it).
  const answer = page.getByRole("radio", { name: "A is better" });
  await answer.check();
  await expect(answer).toBeChecked();
  // At 375 px the rationale waits behind its toggle, so the decision bar leaves the answers in view.
  await page.getByTestId("rationale-toggle").click();
  await page.getByLabel(/^Rationale/).fill(`A is what ${NAME} was told on the ward.`);
  await expect(page.getByTestId("phi-findings-inline").getByTestId("phi-mark")).toContainText(NAME);
  await page.getByRole("button", { name: "Submit (Enter)" }).click();
  await expect(page.getByTestId("phi-confirm")).toContainText("Rationale: person's name");
  await page.getByTestId("phi-confirm").getByRole("button", { name: "Not PHI: submit" }).click();
  await expect(page.getByText("There is nothing left for you to rate in this study.")).toBeVisible();
  const judgement = await testDb().studyJudgement.findFirstOrThrow({ where: { raterId: clinician.id } });
  expect(judgement.rationale).toContain(NAME);
  expect(
    await testDb().phiConfirmation.count({
      where: { entityType: "study_judgement", entityId: judgement.assignmentId, confirmedById: clinician.id },
    }),
  ).toBe(1);
});

test("an admin's final output naming someone is highlighted and recorded only once confirmed", async ({
  page,
  request,
}) => {
  const [admin, c1, c2] = await Promise.all([
    createUser("ADMIN"),
    createUser("CLINICIAN"),
    createUser("CLINICIAN"),
  ]);
  const post = adminApi(request, (await createToken(admin.id)).token);
  const dataset = await post(
    "/api/v1/datasets?name=PHI%20adjudication",
    JSON.stringify({ instruction: "Advise on a cough.", input: "", output: "Rest and drink fluids." }),
    "application/x-ndjson",
  );
  const campaign = await post("/api/v1/audits", {
    datasetId: dataset.id,
    sampleSize: 1,
    seed: "phi-adj",
    reviewersPerItem: 2,
    name: "PHI adjudication",
  });
  // Two reviewers disagree, so the item waits for the admin.
  for (const [user, verdict] of [
    [c1, "accept"],
    [c2, "reject"],
  ] as const) {
    const auth = { authorization: `Bearer ${(await createToken(user.id)).token}` };
    const next = await request.post(`/api/v1/audits/${campaign.id}/assignments/next`, { headers: auth });
    const { assignmentId } = (await next.json()) as { assignmentId: string };
    const res = await request.post(`/api/v1/assignments/${assignmentId}/submit`, {
      headers: { ...auth, "content-type": "application/json" },
      data: JSON.stringify({ verdict }),
    });
    expect(res.status()).toBe(201);
  }

  await signedIn(page, admin.email);
  await page.goto(`/audits/${campaign.id}`);
  await page.getByLabel("Final output").fill(`Rest and drink fluids. Seen by ${NAME}.`);
  await expect(page.getByTestId("phi-findings-inline").getByTestId("phi-mark")).toContainText(NAME);
  await page.getByRole("button", { name: "Record final verdict" }).click();
  await expect(page.getByTestId("phi-confirm")).toContainText("Final output: person's name");
  const item = await testDb().auditItem.findFirstOrThrow({ where: { campaignId: campaign.id } });
  expect(item.finalVerdict).toBeNull();
  await page.getByTestId("phi-confirm").getByRole("button", { name: "Not PHI: submit" }).click();
  await expect(page.getByText("Final: revise")).toBeVisible();
  expect(
    await testDb().phiConfirmation.count({
      where: { entityType: "audit_item", entityId: item.id, confirmedById: admin.id },
    }),
  ).toBe(1);
});
