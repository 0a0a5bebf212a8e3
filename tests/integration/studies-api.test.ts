import { readFileSync } from "node:fs";
import { afterAll, beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { createStudyRoute, getStudyRoute } from "@/lib/studies/study-routes";
import { importOutputsRoute } from "@/lib/studies/outputs-route";
import { startStudyRoute } from "@/lib/studies/status-routes";
import { nextAssignmentRoute } from "@/lib/studies/rating-routes";
import { assignmentSubmitRoute } from "@/lib/queue/routes";
import { studyStatsRoute } from "@/lib/studies/results-routes";
import { resetDatabase } from "../support/db";
import { describeEachSource } from "../support/each-data-source";
import { apiCaller } from "../support/api-caller";

const caller = async (role: "ADMIN" | "CLINICIAN" | "RESEARCHER") => (await apiCaller(role)).call;

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

describeEachSource("alpacare/MedInstruct-test.jsonl", "study API", (MED) => {
  it("runs create → import JSONL → start → next → judgement over HTTP, with problem+json for bad input", async () => {
    const admin = await caller("ADMIN");
    const rater = await caller("CLINICIAN");
    const researcher = await caller("RESEARCHER");

    const bad = await admin(createStudyRoute, "/api/v1/studies", {
      method: "POST",
      body: JSON.stringify({ name: "", criteria: [], design: "vs_reference" }),
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toContain("application/problem+json");
    expect(await db().study.count()).toBe(0);

    const created = await admin(createStudyRoute, "/api/v1/studies", {
      method: "POST",
      body: JSON.stringify({
        name: "API study",
        criteria: ["Accuracy"],
        design: "vs_reference",
        reference: "claude-2",
        ratingsPerComparison: 1,
        allowTie: false,
        allowBothBad: false,
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const params = { id };
    expect(
      (
        await rater(createStudyRoute, "/api/v1/studies", {
          method: "POST",
          body: JSON.stringify({ name: "x", criteria: ["a"], design: "all_pairs" }),
        })
      ).status,
    ).toBe(403);

    const imported = await admin(importOutputsRoute, `/api/v1/studies/${id}/outputs?models=gpt-4,claude-2`, {
      method: "POST",
      body: readFileSync(MED, "utf8"),
      type: "application/x-ndjson",
      params,
    });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toMatchObject({ imported: 432, newPrompts: 216, unmatched: [] });
    const notAlpaca = await admin(importOutputsRoute, `/api/v1/studies/${id}/outputs`, {
      method: "POST",
      body: JSON.stringify([{ instruction: "x" }]),
      params,
    });
    expect(notAlpaca.status).toBe(422);
    // Text PostgreSQL cannot store is a 422 naming the field, not a 500, and imports nothing.
    const before = await db().studyOutput.count();
    const nul = await admin(importOutputsRoute, `/api/v1/studies/${id}/outputs`, {
      method: "POST",
      body: JSON.stringify([{ instruction: "New prompt?", output: "bad\u0000text", generator: "gpt-4" }]),
      params,
    });
    expect(nul.status).toBe(422);
    expect(JSON.stringify(await nul.json())).toContain("NUL");
    expect(await db().studyOutput.count()).toBe(before);

    expect(
      (await admin(startStudyRoute, `/api/v1/studies/${id}/start`, { method: "POST", params })).status,
    ).toBe(200);
    const view = (await (await researcher(getStudyRoute, `/api/v1/studies/${id}`, { params })).json()) as {
      status: string;
      progress: { slots: number };
    };
    expect(view).toMatchObject({ status: "ACTIVE", progress: { slots: 216 } });
    expect((await rater(getStudyRoute, `/api/v1/studies/${id}`, { params })).status).toBe(403);
    expect(
      (await admin(nextAssignmentRoute, `/api/v1/studies/${id}/assignments/next`, { method: "POST", params }))
        .status,
    ).toBe(403);

    const next = await rater(nextAssignmentRoute, `/api/v1/studies/${id}/assignments/next`, {
      method: "POST",
      params,
    });
    const text = await next.text();
    for (const model of ["gpt-4", "claude-2", "GPT-4", "Claude"]) expect(text).not.toContain(`"${model}"`);
    const a = JSON.parse(text) as { assignmentId: string; options: { allowTie: boolean } };
    expect(a.options.allowTie).toBe(false);
    const judge = (body: unknown, key: string) =>
      rater(assignmentSubmitRoute, `/api/v1/assignments/${a.assignmentId}/submit`, {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "idempotency-key": key },
        params: { id: a.assignmentId },
      });
    const tie = await judge({ choices: { accuracy: "tie" } }, "key-00000001");
    expect(tie.status).toBe(422);
    expect(await tie.json()).toMatchObject({
      errors: { "choices.accuracy": ["Ties are not allowed in this study"] },
    });
    expect((await judge({ choices: { accuracy: "A" } }, "bad key!")).status).toBe(400);
    const ok = await judge({ choices: { accuracy: "A" } }, "key-00000002");
    expect(ok.status).toBe(200);
    const replay = await judge({ choices: { accuracy: "A" } }, "key-00000002");
    expect(await replay.json()).toEqual(await ok.json());
    // The same key with another body is the client's bug: 422, not the old answer.
    expect((await judge({ choices: { accuracy: "B" } }, "key-00000002")).status).toBe(422);
    expect(await db().studyJudgement.count()).toBe(1);

    const stats = await researcher(studyStatsRoute, `/api/v1/studies/${id}/stats?bootstrapRounds=100`, {
      params,
    });
    expect(stats.status).toBe(200);
    const body = (await stats.json()) as {
      pairs: { n: number; modelA: string; modelB: string; winsA: number; winsB: number; winRateA: number }[];
    };
    expect(body.pairs).toHaveLength(1);
    expect(body.pairs[0]?.n).toBe(1);
    // Model B is the reference even though "claude-2" sorts first; A's numbers are gpt-4's.
    const stored = await db().studyJudgement.findFirstOrThrow({ include: { comparison: true } });
    expect(stored.comparison).toMatchObject({ modelA: "gpt-4", modelB: "claude-2" });
    const gpt4Won = stored.choice === "A";
    expect(body.pairs[0]).toMatchObject({
      modelA: "gpt-4",
      modelB: "claude-2",
      winsA: gpt4Won ? 1 : 0,
      winsB: gpt4Won ? 0 : 1,
      winRateA: gpt4Won ? 1 : 0,
    });
    expect((await rater(studyStatsRoute, `/api/v1/studies/${id}/stats`, { params })).status).toBe(403);
    const missing = await researcher(
      studyStatsRoute,
      `/api/v1/studies/00000000-0000-4000-8000-000000000000/stats`,
      { params: { id: "00000000-0000-4000-8000-000000000000" } },
    );
    expect(missing.status).toBe(404);
  });
});
