// Issue 9: outputs that name their model are held back from raters unless the admin includes them
// (recorded), and the held-back comparisons are reported in the results.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { importOutputs } from "@/lib/studies/import-outputs";
import { nextAssignment, submitJudgement } from "@/lib/studies/rating-queue";
import { studyStatsRoute } from "@/lib/studies/results-routes";
import { startStudyRoute } from "@/lib/studies/status-routes";
import { createStudyRoute, getStudyRoute, identityRevealingRoute } from "@/lib/studies/study-routes";
import type { THeldBack } from "@/lib/studies/held-back";
import { ctx, makeClinicians } from "../support/factories";
import { resetDatabase } from "../support/db";
import { apiCaller } from "../support/api-caller";
import { DIALOGUE_CONTEXTS } from "../support/study-dialogues";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const REVEALING = "As ChatGPT, I suggest rest and fluids.";

/** Three models on four prompts; "alpha" names itself on prompt 0, "bravo" on prompt 1. */
async function draft(admin: Awaited<ReturnType<typeof apiCaller>>) {
  const res = await admin.call(createStudyRoute, "/api/v1/studies", {
    method: "POST",
    body: { name: "Held back", criteria: ["Accuracy"], design: "all_pairs", ratingsPerComparison: 1 },
  });
  const { id } = (await res.json()) as { id: string };
  for (const model of ["alpha", "bravo", "charlie"]) {
    const rows = Array.from({ length: 4 }, (_, i) => ({
      instruction: `Question ${i}?`,
      input: "",
      model,
      text:
        (model === "alpha" && i === 0) || (model === "bravo" && i === 1)
          ? `${REVEALING} (${model})`
          : `answer ${i} by ${model}`,
    }));
    await importOutputs(admin.current, id, rows, ctx());
  }
  return id;
}

async function rateAll(studyId: string) {
  const [rater] = await makeClinicians(1);
  if (!rater) throw new Error("no rater");
  const texts: string[] = [];
  for (;;) {
    const a = await nextAssignment(rater, studyId);
    if (!a) break;
    texts.push(...a.responses.map((r) => r.text));
    await submitJudgement(rater, a.assignmentId, { choices: { accuracy: "A" } }, ctx());
  }
  return texts;
}

describe("outputs that name their model", () => {
  it("are held back by default: never handed out, and reported in the results with prompts and models", async () => {
    const admin = await apiCaller("ADMIN");
    const id = await draft(admin);
    const before = (await (
      await admin.call(getStudyRoute, `/api/v1/studies/${id}`, { params: { id } })
    ).json()) as { includeIdentityRevealing: boolean; revealsIdentity: { model: string; excerpt: string }[] };
    // The admin sees the list with the excerpt before starting, and the default is to hold back.
    expect(before.includeIdentityRevealing).toBe(false);
    expect(before.revealsIdentity.map((r) => `${r.model}: ${r.excerpt}`).sort()).toEqual([
      `alpha: ${REVEALING} (alpha)`,
      `bravo: ${REVEALING} (bravo)`,
    ]);

    const started = await admin.call(startStudyRoute, `/api/v1/studies/${id}/start`, {
      method: "POST",
      params: { id },
    });
    expect(started.status).toBe(200);
    // 4 prompts × 3 pairs = 12; prompt 0 loses alpha's 2 pairs, prompt 1 bravo's 2.
    expect(await started.json()).toMatchObject({ comparisons: 8, heldBack: 4 });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "study.start", entityId: id } });
    expect(audit.after).toMatchObject({ heldBack: 4, includeIdentityRevealing: false });

    const texts = await rateAll(id);
    expect(texts).toHaveLength(16);
    expect(texts.some((t) => t.includes("ChatGPT"))).toBe(false);

    const researcher = await apiCaller("RESEARCHER");
    const stats = (await (
      await researcher.call(studyStatsRoute, `/api/v1/studies/${id}/stats`, { params: { id } })
    ).json()) as { heldBack: THeldBack };
    expect(stats.heldBack.count).toBe(4);
    expect(
      stats.heldBack.comparisons
        .map((h) => `${h.prompt} ${h.modelA}-${h.modelB} [${h.revealing.join(",")}]`)
        .sort(),
    ).toEqual([
      "Question 0? alpha-bravo [alpha]",
      "Question 0? alpha-charlie [alpha]",
      "Question 1? alpha-bravo [bravo]",
      "Question 1? bravo-charlie [bravo]",
    ]);
    const view = (await (
      await admin.call(getStudyRoute, `/api/v1/studies/${id}`, { params: { id } })
    ).json()) as { heldBackComparisons: number };
    expect(view.heldBackComparisons).toBe(4);
  });

  it("lists a conversation prompt with its context turns, in the study view and the held-back results", async () => {
    const admin = await apiCaller("ADMIN");
    const res = await admin.call(createStudyRoute, "/api/v1/studies", {
      method: "POST",
      body: { name: "Chats held back", criteria: ["Accuracy"], design: "all_pairs", ratingsPerComparison: 1 },
    });
    const { id } = (await res.json()) as { id: string };
    // Prompt 1 is a 4-turn conversation (3 turns before the last user turn); alpha names itself on it.
    for (const model of ["alpha", "bravo"]) {
      const rows = [0, 1].map((i) => ({
        instruction: DIALOGUE_CONTEXTS[i]!.at(-1)!.content,
        input: "",
        model,
        context: DIALOGUE_CONTEXTS[i]!,
        text: model === "alpha" && i === 1 ? `${REVEALING} (${model})` : `answer ${i} by ${model}`,
      }));
      await importOutputs(admin.current, id, rows, ctx());
    }
    const view = (await (
      await admin.call(getStudyRoute, `/api/v1/studies/${id}`, { params: { id } })
    ).json()) as {
      revealsIdentity: {
        model: string;
        prompt: string;
        context: { role: string; content: string }[] | null;
      }[];
    };
    expect(view.revealsIdentity).toHaveLength(1);
    expect(view.revealsIdentity[0]?.context).toEqual(DIALOGUE_CONTEXTS[1]);
    await admin.call(startStudyRoute, `/api/v1/studies/${id}/start`, { method: "POST", params: { id } });
    const stats = (await (
      await admin.call(studyStatsRoute, `/api/v1/studies/${id}/stats`, { params: { id } })
    ).json()) as { heldBack: THeldBack };
    expect(stats.heldBack.comparisons.map((h) => h.context)).toEqual([DIALOGUE_CONTEXTS[1]]);
  });

  it("are handed out when the admin includes them explicitly before the start, which is recorded", async () => {
    const admin = await apiCaller("ADMIN");
    const id = await draft(admin);
    const choose = (who: Awaited<ReturnType<typeof apiCaller>>, include: unknown) =>
      who.call(identityRevealingRoute, `/api/v1/studies/${id}/identity-revealing`, {
        method: "PUT",
        params: { id },
        body: { include },
      });
    expect((await choose(await apiCaller("CLINICIAN"), true)).status).toBe(403);
    expect((await choose(admin, "yes")).status).toBe(422);
    const res = await choose(admin, true);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ include: true, outputs: 2 });
    const recorded = await db().auditLog.findFirstOrThrow({
      where: { action: "study.include_identity_revealing", entityId: id },
    });
    expect(recorded).toMatchObject({
      actorId: admin.user.id,
      before: { include: false },
      after: { include: true },
    });
    expect((recorded.after as { outputIds: string[] }).outputIds).toHaveLength(2);

    const started = await admin.call(startStudyRoute, `/api/v1/studies/${id}/start`, {
      method: "POST",
      params: { id },
    });
    expect(await started.json()).toMatchObject({ comparisons: 12, heldBack: 0 });
    expect(
      (await db().auditLog.findFirstOrThrow({ where: { action: "study.start", entityId: id } })).after,
    ).toMatchObject({ includeIdentityRevealing: true });
    const texts = await rateAll(id);
    expect(texts.filter((t) => t.includes("ChatGPT"))).toHaveLength(4);
    expect(await db().studyHeldBack.count()).toBe(0);
    // Once started, what raters are handed out is fixed.
    expect((await choose(admin, false)).status).toBe(409);
  });

  it("a choice racing the start either comes first and counts, or is refused as too late", async () => {
    const admin = await apiCaller("ADMIN");
    for (let round = 0; round < 6; round++) {
      const id = await draft(admin);
      const [choice, start] = await Promise.all([
        admin.call(identityRevealingRoute, `/api/v1/studies/${id}/identity-revealing`, {
          method: "PUT",
          params: { id },
          body: { include: true },
        }),
        admin.call(startStudyRoute, `/api/v1/studies/${id}/start`, { method: "POST", params: { id } }),
      ]);
      expect(start.status).toBe(200);
      const { heldBack } = (await start.json()) as { heldBack: number };
      if (choice.status === 200) expect(heldBack, `round ${round}: included, yet held back`).toBe(0);
      else {
        expect(choice.status).toBe(409);
        expect(heldBack).toBe(4);
      }
      expect((await db().study.findUniqueOrThrow({ where: { id } })).includeIdentityRevealing).toBe(
        choice.status === 200,
      );
    }
  });

  it("can be held back again before the start (also recorded), and a study of only such pairs refuses to start", async () => {
    const admin = await apiCaller("ADMIN");
    const res = await admin.call(createStudyRoute, "/api/v1/studies", {
      method: "POST",
      body: { name: "All revealing", criteria: ["Accuracy"], design: "all_pairs" },
    });
    const { id } = (await res.json()) as { id: string };
    for (const model of ["alpha", "bravo"])
      await importOutputs(
        admin.current,
        id,
        [{ instruction: "Q?", input: "", model, text: model === "alpha" ? REVEALING : "fine" }],
        ctx(),
      );
    const choose = (include: boolean) =>
      admin.call(identityRevealingRoute, `/api/v1/studies/${id}/identity-revealing`, {
        method: "PUT",
        params: { id },
        body: { include },
      });
    await choose(true);
    await choose(false);
    expect(
      await db().auditLog.count({ where: { action: "study.hold_back_identity_revealing", entityId: id } }),
    ).toBe(1);
    const refused = await admin.call(startStudyRoute, `/api/v1/studies/${id}/start`, {
      method: "POST",
      params: { id },
    });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { detail: string }).detail).toContain(
      "include those outputs explicitly",
    );
    expect(await db().studyHeldBack.count()).toBe(0);
  });
});
