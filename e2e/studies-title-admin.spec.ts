import { expect, test } from "@playwright/test";
import { createToken, createUser, testDb } from "./support/db";
import { signInViaApi } from "./support/auth";

// Issue 9: the admin's side of the rater-facing title and of outputs that name their model.
test("the admin gets a field error for a title naming a model, and chooses explicitly whether outputs that name a model reach raters", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const admin = await createUser("ADMIN");
  await signInViaApi(page.request, admin.email);
  await page.goto("/studies");
  await page.getByLabel("Name").fill("gpt-4 against claude-2, internal");
  await page.getByLabel("Title (what raters see)").fill("GPT-4 vs Claude");
  await page.getByLabel("Design").selectOption("vs_reference");
  await page.getByLabel(/Reference model/).fill("claude-2");
  await page.getByRole("button", { name: "Create study" }).click();
  // The refusal is shown on the title field, naming the words.
  const title = page.getByLabel("Title (what raters see)");
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#f-title-error")).toContainText("“gpt”, “claude”");
  await expect(page).toHaveURL(/\/studies$/);

  await title.fill("Spring pilot");
  await page.getByRole("button", { name: "Create study" }).click();
  await expect(page).toHaveURL(/\/studies\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").pop() ?? "";
  await expect(page.getByTestId("study-title")).toContainText("Raters see this study as “Spring pilot”");

  const { token } = await createToken(admin.id);
  const api = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  for (const model of ["gpt-4", "claude-2"]) {
    const rows = Array.from({ length: 3 }, (_, i) => ({
      instruction: `How should fever ${i} be managed?`,
      output:
        model === "gpt-4" && i === 0 ? "As ChatGPT, I suggest rest and fluids." : `Rest and fluids (${i}).`,
      generator: model,
    }));
    expect((await api.post(`/api/v1/studies/${id}/outputs`, { data: rows })).status()).toBe(200);
  }
  await api.dispose();

  await page.reload();
  await expect(page.getByTestId("revealing-outputs")).toContainText("As ChatGPT, I suggest rest and fluids.");
  await expect(page.getByTestId("revealing-decision")).toContainText("will be held back from raters");
  const include = page.getByTestId("include-revealing");
  await include.check();
  await expect(page.getByTestId("revealing-decision")).toContainText(
    "will be shown to raters (you included them)",
  );
  await include.uncheck();
  await expect(page.getByTestId("revealing-decision")).toContainText("will be held back from raters");
  const actions = await testDb().auditLog.findMany({
    where: { entityId: id, action: { contains: "identity_revealing" } },
    orderBy: { id: "asc" },
  });
  expect(actions.map((a) => a.action)).toEqual([
    "study.include_identity_revealing",
    "study.hold_back_identity_revealing",
  ]);

  await page.getByRole("button", { name: "Start study" }).click();
  await expect(page.getByTestId("study-status")).toHaveText("ACTIVE");
  await expect(page.getByTestId("revealing-status")).toContainText("1 comparisons were not handed out");
  await page.goto(`/studies/${id}/results`);
  await expect(page.getByText("Raters see it as “Spring pilot”.")).toBeVisible();
  await expect(page.getByTestId("held-back-count")).toContainText("1 comparisons were not handed out");
  await expect(page.getByTestId("held-back")).toContainText(
    "gpt-4 vs claude-2 on “How should fever 0 be managed?”: gpt-4 names a model",
  );
});
