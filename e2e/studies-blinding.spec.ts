import { expect, test, type Response } from "@playwright/test";
import { createToken, createUser, testDb } from "./support/db";
import { signInViaApi } from "./support/auth";

// Model names that occur nowhere else: if any byte sequence the rater's browser receives holds one,
// blinding is broken.
const CANARIES = ["canary-model-q7xk2", "canary-model-z9wp4"];
// The study's internal name is for admins and researchers: raters see the title instead.
const NAME_CANARY = "canary-name-k3v8";
const TITLE = "Fever questions";

// Enough comparisons that, with repeatShare 0.5, the rater is all but certain to be served a
// consistency repeat (no repeat among 10 judged comparisons: 1 in 1,000).
const PROMPTS = 12;

test("nothing a rater's browser receives names a model or the study's internal name, across the whole rating flow", async ({
  page,
  playwright,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const admin = await createUser("ADMIN");
  const { token } = await createToken(admin.id);
  const api = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  const created = await api.post("/api/v1/studies", {
    data: {
      name: `Blinding check ${NAME_CANARY}`,
      title: TITLE,
      criteria: ["Accuracy", "Safety"],
      design: "vs_reference",
      reference: CANARIES[1],
      ratingsPerComparison: 1,
      allowTie: true,
      allowBothBad: true,
      attentionCheckShare: 0.2,
      repeatShare: 0.5,
    },
  });
  expect(created.status()).toBe(201);
  const study = (await created.json()) as { id: string };
  for (const model of CANARIES) {
    const rows = Array.from({ length: PROMPTS }, (_, i) => ({
      instruction: `How should fever ${i} be managed?`,
      // One output names a model: flagged, its comparison is held back from raters by default.
      output:
        model === CANARIES[0] && i === 0
          ? "As ChatGPT, I suggest rest and fluids."
          : `Answer ${i}: ${model === CANARIES[0] ? "rest and fluids" : "see a doctor"}.`,
      generator: model,
    }));
    const imported = await api.post(`/api/v1/studies/${study.id}/outputs`, { data: rows });
    expect(imported.status()).toBe(200);
    expect(await imported.json()).toMatchObject({
      imported: PROMPTS,
      revealsIdentity: model === CANARIES[0] ? 1 : 0,
    });
  }
  const started = await api.post(`/api/v1/studies/${study.id}/start`);
  expect(started.status()).toBe(200);
  expect(await started.json()).toMatchObject({ comparisons: PROMPTS - 1, heldBack: 1 });
  await api.dispose();

  const rater = await createUser("CLINICIAN");
  const bodies: { url: string; type: string; body: string }[] = [];
  const headerSets: { url: string; type: string; headers: Record<string, string> }[] = [];
  const pending = new Map<Response, Promise<void>>();
  const requested: string[] = [];
  let responses = 0;
  page.on("request", (req) => void requested.push(req.url()));
  page.on("response", (res: Response) => {
    responses++;
    const work = (async () => {
      // allHeaders(), unlike headers(), includes Set-Cookie and the other security-related headers.
      const headers = await res.allHeaders();
      headerSets.push({ url: res.url(), type: headers["content-type"] ?? "", headers });
      const b = await res.body().catch(() => null); // redirects have no body
      if (b)
        bodies.push({ url: res.url(), type: res.headers()["content-type"] ?? "", body: b.toString("utf8") });
    })().finally(() => pending.delete(res));
    pending.set(res, work);
  });
  await signInViaApi(page.request, rater.email);
  await page.goto("/");
  await page.goto("/rate");
  await page.getByRole("link", { name: TITLE }).click();
  await expect(page.getByRole("heading", { name: TITLE, level: 1 })).toBeVisible();
  await expect(page.getByTestId("rating-panel")).toBeVisible();
  await expect(page.getByTestId("key-hints")).toContainText("S skips; Enter submits");

  // Skip one comparison: it goes back to the queue, and this rater is not offered that item again.
  // (The next may share its prompt: an attention check's copy is another item with the same prompt.)
  const leased = () =>
    testDb().queueAssignment.findFirst({
      where: { userId: rater.id, status: "LEASED" },
      select: { id: true, itemId: true },
    });
  const before = await leased();
  expect(before).not.toBeNull();
  await page.keyboard.press("s");
  await expect(page.getByTestId("rating-info")).toContainText("Skipped");
  await expect.poll(async () => (await leased())?.id ?? null).not.toBe(before?.id ?? null);
  const after = await leased();
  expect(after?.itemId).not.toBe(before?.itemId);
  expect((await testDb().queueAssignment.findUniqueOrThrow({ where: { id: before?.id ?? "" } })).status).toBe(
    "RELEASED",
  );

  // A half-filled rating is autosaved on the server and comes back after a reload.
  await page.keyboard.press("a");
  await expect(page.getByTestId("draft-status")).toHaveText("Draft saved");
  await page.reload();
  await expect(
    page.getByTestId("criterion-accuracy").getByRole("radio", { name: "A is better" }),
  ).toBeChecked();
  await expect(page.getByTestId("criterion-safety").getByRole("radio", { checked: true })).toHaveCount(0);

  let rated = 0;
  for (; rated < 40; rated++) {
    if (await page.getByText("All done").isVisible()) break;
    await expect(page.getByTestId("response-A")).toBeVisible();
    await expect(page.getByTestId("rating-progress")).toHaveText(`You have rated ${rated}`);
    await page.keyboard.press("a");
    await page.keyboard.press(rated % 2 ? "t" : "b");
    await expect(page.getByTestId("criterion-safety").getByRole("radio", { checked: true })).toHaveCount(1);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("rating-progress").or(page.getByText("All done"))).not.toHaveText(
      `You have rated ${rated}`,
    );
  }
  await expect(page.getByText("All done")).toBeVisible();
  // The rater was served at least one consistency repeat (same pair, sides swapped), and rated
  // every comparison and attention check but the skipped one, plus each repeat.
  const repeats = await testDb().studyComparison.count({
    where: { studyId: study.id, kind: "repeat", queueItem: { onlyForUserId: rater.id } },
  });
  expect(repeats).toBeGreaterThan(0);
  expect(
    await testDb().studyJudgement.count({ where: { raterId: rater.id, comparison: { kind: "repeat" } } }),
  ).toBe(2 * repeats);
  const regular = PROMPTS - 1;
  const attentionChecks = Math.round(regular * 0.2);
  expect(rated).toBe(regular + attentionChecks - 1 + repeats);

  await Promise.race([Promise.all(pending.values()), new Promise((r) => setTimeout(r, 5000))]);
  expect([...pending.keys()].map((r) => r.url())).toEqual([]);
  expect(bodies.some((b) => b.type.includes("text/html"))).toBe(true);
  expect(bodies.some((b) => b.type.includes("javascript"))).toBe(true);
  expect(bodies.filter((b) => b.url.includes("/assignments/next")).length).toBeGreaterThanOrEqual(6);
  // Autosave and skip answer 204 without a body; their URLs are checked with every other request's.
  expect(requested.some((u) => u.endsWith("/draft"))).toBe(true);
  expect(requested.some((u) => u.endsWith("/skip"))).toBe(true);
  for (const url of requested)
    expect(url.includes("canary-model") || url.includes(NAME_CANARY), url).toBe(false);
  expect(bodies.some((b) => b.body.includes("How should fever"))).toBe(true);
  // The output that names its model was held back, and raters see the title, never the name.
  expect(bodies.some((b) => b.body.includes("As ChatGPT"))).toBe(false);
  expect(bodies.some((b) => b.type.includes("text/html") && b.body.includes(TITLE))).toBe(true);
  for (const { url, body } of bodies) {
    for (const canary of CANARIES) expect(body.includes(canary), `${canary} in ${url}`).toBe(false);
    expect(body.includes("canary-model"), url).toBe(false);
    expect(body.includes(NAME_CANARY), `the internal name in ${url}`).toBe(false);
  }
  // Headers of every response (documents, RSC, JSON, scripts, redirects, 204s), names and values.
  expect(headerSets).toHaveLength(responses);
  expect(headerSets.some((h) => h.url.includes("/assignments/next") && "x-request-id" in h.headers)).toBe(
    true,
  );
  expect(headerSets.some((h) => h.type.includes("text/html") && "content-security-policy" in h.headers)).toBe(
    true,
  );
  for (const { url, headers } of headerSets) {
    for (const [name, value] of Object.entries(headers)) {
      const text = `${name}: ${value}`.toLowerCase();
      let decoded = text;
      try {
        decoded = decodeURIComponent(text);
      } catch {
        // not URI-encoded
      }
      for (const canary of [...CANARIES, NAME_CANARY])
        expect(
          text.includes(canary) || decoded.includes(canary),
          `${canary} in header ${name} of ${url}`,
        ).toBe(false);
      expect(decoded.includes("canary-model"), `header ${name} of ${url}`).toBe(false);
    }
  }
  const stored = await testDb().studyJudgement.count({ where: { raterId: rater.id } });
  expect(stored).toBe(2 * rated);
  // The draft stored on the server is in the rater's labels only.
  const drafts = (
    await testDb().queueAssignment.findMany({ where: { userId: rater.id }, select: { draft: true } })
  ).filter((d) => d.draft !== null);
  expect(drafts.length).toBeGreaterThan(0);
  for (const d of drafts) expect(JSON.stringify(d.draft)).not.toContain("canary-model");
  expect(await testDb().queueAssignment.count({ where: { userId: rater.id, status: "RELEASED" } })).toBe(1);
});
