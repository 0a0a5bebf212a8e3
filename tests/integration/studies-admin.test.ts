import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { importOutputs } from "@/lib/studies/import-outputs";
import { nextAssignment, submitJudgement } from "@/lib/studies/rating-queue";
import { listStudiesForRater } from "@/lib/studies/rater-access";
import { createStudyRoute, getStudyRoute } from "@/lib/studies/study-routes";
import { setStudyRatersRoute } from "@/lib/studies/raters-route";
import { closeStudyRoute, startStudyRoute } from "@/lib/studies/status-routes";
import { nextAssignmentRoute } from "@/lib/studies/rating-routes";
import { importJudgeRoute, judgeAgreementRoute } from "@/lib/studies/judge-routes";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

type THandler = {
  handle: (req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>;
};
type TInit = { method?: string; body?: string; params?: Record<string, string> };

async function caller(role: "ADMIN" | "CLINICIAN" | "RESEARCHER") {
  const user = await makeUser(role);
  const { token } = await insertApiToken(db(), user.id, "t", null);
  const call = (route: THandler, url: string, init: TInit = {}) =>
    route.handle(
      new Request(`http://app.test${url}`, {
        method: init.method ?? "GET",
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.body ? { "content-type": "application/json" } : {}),
        },
        body: init.body,
      }),
      { params: Promise.resolve(init.params ?? {}) },
    );
  return { user, current: asCurrent(user), call };
}

/** A draft study over two models whose texts say who wrote them (for the test only). */
async function draftStudy(admin: Awaited<ReturnType<typeof caller>>, raterIds?: string[]) {
  const res = await admin.call(createStudyRoute, "/api/v1/studies", {
    method: "POST",
    body: JSON.stringify({
      name: "Named raters",
      criteria: ["Accuracy"],
      design: "all_pairs",
      ratingsPerComparison: 1,
      ...(raterIds ? { raterIds } : {}),
    }),
  });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  for (const model of ["good", "weak"]) {
    await importOutputs(
      admin.current,
      id,
      Array.from({ length: 4 }, (_, i) => ({
        instruction: `Prompt ${i}`,
        input: "",
        model,
        text: `answer ${i} by ${model}`,
      })),
      ctx(),
    );
  }
  return id;
}

describe("named raters", () => {
  it("the admin names raters at creation or later; only they can claim or see the study", async () => {
    const admin = await caller("ADMIN");
    const researcher = await caller("RESEARCHER");
    const [named, second, outsider] = await Promise.all([
      caller("CLINICIAN"),
      caller("CLINICIAN"),
      caller("CLINICIAN"),
    ]);

    // Only active clinicians can be named: bad input is a field error and creates nothing.
    const bad = await admin.call(createStudyRoute, "/api/v1/studies", {
      method: "POST",
      body: JSON.stringify({
        name: "x",
        criteria: ["a"],
        design: "all_pairs",
        raterIds: [researcher.user.id],
      }),
    });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ errors: { raterIds: [expect.any(String)] } });
    expect(await db().study.count()).toBe(0);

    const id = await draftStudy(admin, [named.user.id]);
    const params = { id };
    const view = async () =>
      (await (await admin.call(getStudyRoute, `/api/v1/studies/${id}`, { params })).json()) as {
        raterIds: string[];
      };
    expect((await view()).raterIds).toEqual([named.user.id]);

    const put = (who: typeof admin, raterIds: unknown) =>
      who.call(setStudyRatersRoute, `/api/v1/studies/${id}/raters`, {
        method: "PUT",
        body: JSON.stringify({ raterIds }),
        params,
      });
    expect((await put(researcher, [named.user.id])).status).toBe(403);
    expect((await put(named, [named.user.id])).status).toBe(403);
    for (const body of [
      [admin.user.id],
      ["not-a-uuid"],
      [named.user.id, "00000000-0000-4000-8000-000000000000"],
    ]) {
      const r = await put(admin, body);
      expect(r.status).toBe(422);
      expect(r.headers.get("content-type")).toContain("application/problem+json");
    }
    expect((await view()).raterIds).toEqual([named.user.id]);
    const ok = await put(admin, [named.user.id, second.user.id, second.user.id]);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { raterIds: string[] }).raterIds.sort()).toEqual(
      [named.user.id, second.user.id].sort(),
    );
    expect(await db().auditLog.count({ where: { action: "study.set_raters", entityId: id } })).toBe(1);

    expect(
      (await admin.call(startStudyRoute, `/api/v1/studies/${id}/start`, { method: "POST", params })).status,
    ).toBe(200);
    const claim = (who: typeof admin) =>
      who.call(nextAssignmentRoute, `/api/v1/studies/${id}/assignments/next`, { method: "POST", params });
    const refused = await claim(outsider);
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain("good");
    expect((await listStudiesForRater(outsider.user.id)).map((s) => s.id)).toEqual([]);
    expect((await listStudiesForRater(named.user.id)).map((s) => s.id)).toEqual([id]);
    expect((await claim(named)).status).toBe(200);
    expect((await claim(second)).status).toBe(200);
    expect(await db().queueAssignment.count({ where: { queueId: id, userId: outsider.user.id } })).toBe(0);

    // Taking a rater off the list stops their claims; an empty list opens the study to everyone.
    expect((await put(admin, [named.user.id])).status).toBe(200);
    expect((await claim(second)).status).toBe(404);
    expect((await put(admin, [])).status).toBe(200);
    expect((await claim(outsider)).status).toBe(200);
    expect((await listStudiesForRater(outsider.user.id)).map((s) => s.id)).toEqual([id]);

    expect(
      (await admin.call(closeStudyRoute, `/api/v1/studies/${id}/close`, { method: "POST", params })).status,
    ).toBe(200);
    expect((await put(admin, [named.user.id])).status).toBe(409);
  });
});

describe("LLM judge import", () => {
  it("imports an AlpacaEval annotations file over 1 MB through the route and reports agreement per criterion", async () => {
    const admin = await caller("ADMIN");
    const researcher = await caller("RESEARCHER");
    const rater = await caller("CLINICIAN");
    const id = await draftStudy(admin);
    const params = { id };
    expect(
      (await admin.call(startStudyRoute, `/api/v1/studies/${id}/start`, { method: "POST", params })).status,
    ).toBe(200);

    // The clinician prefers "good" on prompts 0–2 and "weak" on prompt 3 (model A is "good": names sort).
    for (;;) {
      const a = await nextAssignment(rater.current, id);
      if (!a) break;
      const goodSide = a.responses[0].text.includes("by good") ? "A" : "B";
      const choice = a.prompt.instruction === "Prompt 3" ? (goodSide === "A" ? "B" : "A") : goodSide;
      await submitJudgement(rater.current, a.assignmentId, { choices: { accuracy: choice } }, ctx());
    }

    // AlpacaEval orientation: output_1 from "weak"; 2 = generator_2 ("good") preferred, 1 = "weak", 0 = tie.
    const padding = "x".repeat(300_000);
    const annotations = [0, 2, 2, 1].map((preference, i) => ({
      instruction: `Prompt ${i}`,
      output_1: `answer ${i} by weak ${padding}`,
      generator_1: "weak",
      output_2: `answer ${i} by good`,
      generator_2: "good",
      annotator: "weighted_alpaca_eval_gpt4_turbo",
      preference,
    }));
    const body = JSON.stringify([...annotations, { ...annotations[0], instruction: "Not in this study" }]);
    expect(body.length).toBeGreaterThan(1_000_000);
    const url = (q: string) => `/api/v1/studies/${id}/judge-annotations?${q}`;
    const post = (who: typeof admin, q: string, b: string) =>
      who.call(importJudgeRoute, url(q), { method: "POST", body: b, params });

    expect((await post(researcher, "judge=gpt4&criterion=accuracy", body)).status).toBe(403);
    expect((await post(admin, "judge=gpt4&criterion=helpfulness", body)).status).toBe(422);
    expect((await post(admin, "criterion=accuracy", body)).status).toBe(400);
    const notAlpaca = await post(
      admin,
      "judge=gpt4&criterion=accuracy",
      JSON.stringify([{ instruction: "Prompt 0", preference: "left" }]),
    );
    expect(notAlpaca.status).toBe(422);
    const problem = (await notAlpaca.json()) as { errors?: Record<string, string[]> };
    expect(Object.keys(problem.errors ?? {}).length).toBeGreaterThan(0);
    expect(
      (
        await post(
          admin,
          "judge=gpt4&criterion=accuracy",
          JSON.stringify([{ ...annotations[0], preference: 0.5 }]),
        )
      ).status,
    ).toBe(422);
    expect((await post(admin, "judge=gpt4&criterion=accuracy", "{not json")).status).toBe(400);
    expect(await db().studyJudgeVote.count()).toBe(0);

    const ok = await post(admin, "judge=gpt4&criterion=accuracy", body);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ stored: 4, unmatched: 1 });
    const prompts = new Map(
      (await db().studyPrompt.findMany({ where: { studyId: id } })).map((p) => [p.id, p.instruction]),
    );
    const votes = await db().studyJudgeVote.findMany({ where: { studyId: id } });
    const choiceOn = (i: number) => votes.find((v) => prompts.get(v.promptId) === `Prompt ${i}`)?.choice;
    expect([0, 1, 2, 3].map(choiceOn)).toEqual(["tie", "A", "A", "B"]);
    expect(await db().auditLog.count({ where: { action: "study.import_judge", entityId: id } })).toBe(1);

    const agreement = await researcher.call(judgeAgreementRoute, `/api/v1/studies/${id}/judge-agreement`, {
      params,
    });
    expect(agreement.status).toBe(200);
    const { agreement: rows } = (await agreement.json()) as {
      agreement: {
        judge: string;
        criterion: string;
        n: number;
        percentAgreement: number;
        cohenKappa: number;
      }[];
    };
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ judge: "gpt4", criterion: "accuracy", n: 4 });
    // Human A,A,A,B against judge tie,A,A,B: p_o = 3/4, p_e = 3/4·1/2 + 1/4·1/4 = 7/16, κ = 5/9.
    expect(rows[0]?.percentAgreement).toBeCloseTo(0.75, 10);
    expect(rows[0]?.cohenKappa).toBeCloseTo(5 / 9, 10);
  });
});
