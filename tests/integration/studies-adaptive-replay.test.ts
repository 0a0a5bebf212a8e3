import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { assignmentSubmitRoute } from "@/lib/queue/routes";
import { adaptiveStepper } from "@/lib/stats/adaptive-simulation";
import type { Choice } from "@/lib/stats";
import { importOutputsRoute } from "@/lib/studies/outputs-route";
import { nextAssignmentRoute } from "@/lib/studies/rating-routes";
import { startStudyRoute } from "@/lib/studies/status-routes";
import { createStudyRoute, getStudyRoute } from "@/lib/studies/study-routes";
import { apiCaller } from "../support/api-caller";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

// Four of the models (strongest first, natural-log strengths), 20 prompts: 120 comparisons,
// 60 of them after the warm-up (10 per pair), so the adaptive rule decides half the order.
const LOG_STRENGTHS = [0, -0.35, -0.7, -1.3];
const MODELS = LOG_STRENGTHS.map((_, i) => `m${i}`);
const PROMPTS = 20;
const SEED = "issue-17-replay";

type TPlanned = { id: string; promptId: string; modelA: string; modelB: string; position: number };

/** What the rater saw: model-terms choice → the label they click (A = the left response). */
function shown(choice: Choice, shownLeft: "A" | "B"): Choice {
  if (choice === "tie" || choice === "both_bad" || shownLeft === "A") return choice;
  return choice === "A" ? "B" : "A";
}

/**
 * The simulation's order for this study's queue: the rater's eligible items are, per model pair, the
 * first not yet handed out in the seeded queue order (one rater: nothing is judged by anyone else),
 * chosen by the simulation's stepper, answered from its streams.
 */
function simulatedOrder(plan: readonly TPlanned[]) {
  const sim = adaptiveStepper({ seed: SEED, goal: "ranking", logStrengths: LOG_STRENGTHS });
  const left = [...plan].sort((x, y) => x.position - y.position);
  const order: string[] = [];
  const answers = new Map<string, Choice>();
  while (left.length) {
    const firstOfPair = new Map<string, TPlanned>();
    for (const c of left)
      if (!firstOfPair.has(`${c.modelA}|${c.modelB}`)) firstOfPair.set(`${c.modelA}|${c.modelB}`, c);
    const eligible = [...firstOfPair.values()].map((c) => ({ ...c, judged: 0 }));
    const choice = sim.choose(eligible);
    if (!choice) throw new Error("the simulation found nothing eligible");
    order.push(choice.item.id);
    answers.set(choice.item.id, sim.answer(choice.item.modelA, choice.item.modelB));
    left.splice(
      left.findIndex((c) => c.id === choice.item.id),
      1,
    );
  }
  return { order, answers };
}

describe("adaptive allocation through the API", () => {
  it("replays the simulation: same seed, same answers, same order of comparisons, each choice logged", async () => {
    const admin = await apiCaller("ADMIN");
    const rater = await apiCaller("CLINICIAN");
    const body = {
      name: "Adaptive replay",
      criteria: ["Quality"],
      design: "all_pairs",
      ratingsPerComparison: 1,
      allowTie: true,
      seed: SEED,
      allocation: "adaptive",
    };
    const noGoal = await admin.call(createStudyRoute, "/api/v1/studies", { method: "POST", body });
    expect(noGoal.status).toBe(422);
    expect(
      ((await noGoal.json()) as { errors?: Record<string, string[]> }).errors?.allocationGoal?.[0],
    ).toContain("ranking or the ratings");
    const created = await admin.call(createStudyRoute, "/api/v1/studies", {
      method: "POST",
      body: { ...body, allocationGoal: "ranking" },
    });
    expect(created.status).toBe(201);
    const { id, allocation, allocationGoal } = (await created.json()) as {
      id: string;
      allocation: string;
      allocationGoal: string;
    };
    expect([allocation, allocationGoal]).toEqual(["adaptive", "ranking"]);
    const rows = MODELS.flatMap((generator) =>
      Array.from({ length: PROMPTS }, (_, i) => ({
        instruction: `Question ${i}: what is the first-line treatment?`,
        output: `Answer ${i} (${generator === "m0" ? "first" : "another"} version).`,
        generator,
      })),
    );
    const imported = await admin.call(importOutputsRoute, `/api/v1/studies/${id}/outputs`, {
      method: "POST",
      body: rows,
      params: { id },
    });
    expect(imported.status).toBe(200);
    const started = await admin.call(startStudyRoute, `/api/v1/studies/${id}/start`, {
      method: "POST",
      params: { id },
    });
    expect(started.status).toBe(200);

    const plan: TPlanned[] = (
      await db().studyComparison.findMany({
        where: { studyId: id },
        select: {
          id: true,
          promptId: true,
          modelA: true,
          modelB: true,
          queueItem: { select: { position: true } },
        },
      })
    ).map((c) => ({ ...c, position: c.queueItem.position }));
    expect(plan).toHaveLength(6 * PROMPTS);
    const expected = simulatedOrder(plan);

    const claimed: string[] = [];
    for (;;) {
      const res = await rater.call(nextAssignmentRoute, `/api/v1/studies/${id}/assignments/next`, {
        method: "POST",
        params: { id },
      });
      if (res.status === 204) break;
      expect(res.status).toBe(200);
      const view = (await res.json()) as { assignmentId: string };
      // Blinding: the same keys as a uniform study's view (studies-rating.test.ts), nothing more.
      expect(Object.keys(view).sort()).toEqual([
        "assignmentId",
        "criteria",
        "draft",
        "leaseExpiresAt",
        "options",
        "progress",
        "prompt",
        "responses",
        "resumed",
      ]);
      const a = await db().queueAssignment.findUniqueOrThrow({
        where: { id: view.assignmentId },
        select: { item: { select: { comparison: { select: { id: true } } } }, studySides: true },
      });
      const comparisonId = a.item.comparison?.id ?? "";
      claimed.push(comparisonId);
      const answer = expected.answers.get(comparisonId) ?? "tie";
      const done = await rater.call(
        assignmentSubmitRoute,
        `/api/v1/assignments/${view.assignmentId}/submit`,
        {
          method: "POST",
          body: { choices: { quality: shown(answer, a.studySides?.shownLeft ?? "A") } },
          params: { id: view.assignmentId },
        },
      );
      expect(done.status).toBe(200);
      if (claimed.length > plan.length) throw new Error("more claims than comparisons");
    }
    expect(claimed).toEqual(expected.order);

    // One log row per assignment, naming the pair handed out; the rule passes from warm-up to the goal.
    const log = await db().studyAllocationChoice.findMany({
      where: { studyId: id },
      include: { assignment: { select: { item: { select: { comparison: true } } } } },
      orderBy: { createdAt: "asc" },
    });
    expect(log).toHaveLength(plan.length);
    for (const row of log) {
      const c = row.assignment.item.comparison;
      expect([row.modelA, row.modelB]).toEqual([c?.modelA, c?.modelB]);
    }
    const rules = new Set(log.map((r) => r.rule));
    expect(rules.has("warm-up")).toBe(true);
    expect(rules.has("ranking")).toBe(true);
    expect(log.filter((r) => r.rule === "ranking").every((r) => r.target.length === 2)).toBe(true);

    const study = await admin.call(getStudyRoute, `/api/v1/studies/${id}`, { params: { id } });
    expect(await study.json()).toMatchObject({ allocation: "adaptive", allocationGoal: "ranking" });
  });
});
