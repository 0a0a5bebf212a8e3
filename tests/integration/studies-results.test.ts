import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { parseCsv } from "@/lib/csv/csv";
import { createStudy } from "@/lib/studies/create-study";
import { importOutputs } from "@/lib/studies/import-outputs";
import { startStudy } from "@/lib/studies/start-study";
import { setIdentityRevealing } from "@/lib/studies/set-identity-revealing";
import { nextAssignment, submitJudgement } from "@/lib/studies/rating-queue";
import { studyStats, studyQuality, ZStatsFilter } from "@/lib/studies/study-stats";
import { alpacaAnnotations, dpoPairs, judgementsCsv } from "@/lib/studies/exports";
import { importJudgeVotes, judgeAgreement } from "@/lib/studies/judge-votes";
import { ZCreateStudy } from "@/lib/studies/schemas";
import { asCurrent, ctx, makeClinicians, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const modelIn = (text: string) => /by (good|weak)\b/.exec(text)?.[1] ?? "";

/**
 * Two raters who always prefer "good" over "weak" on accuracy (whatever side it is on) and call
 * safety a tie, except rater 2 who says both bad on safety for prompt 0.
 */
async function ratedStudy() {
  const admin = asCurrent(await makeUser("ADMIN"));
  const study = await createStudy(
    admin,
    ZCreateStudy.parse({
      name: "Results",
      criteria: ["Accuracy", "Safety"],
      design: "vs_reference",
      reference: "weak",
      ratingsPerComparison: 2,
      attentionCheckShare: 0.25,
    }),
    ctx(),
  );
  for (const model of ["good", "weak"]) {
    const texts = Array.from({ length: 8 }, (_, i) => ({
      instruction: `Prompt ${i}`,
      input: "",
      model,
      text:
        i === 1 && model === "good"
          ? `As ChatGPT, answer ${i} by ${model}`
          : `answer ${i} by ${model} with several words to degrade`,
    }));
    await importOutputs(admin, study.id, texts, ctx());
  }
  // Included on purpose, so the results' filter on outputs that name a model has judgements to drop.
  await setIdentityRevealing(admin, study.id, true, ctx());
  await startStudy(admin, study.id, ctx());
  const raters = await makeClinicians(2);
  for (const [r, rater] of raters.entries()) {
    for (;;) {
      const a = await nextAssignment(rater, study.id);
      if (!a) break;
      const left = modelIn(a.responses[0].text);
      const right = modelIn(a.responses[1].text);
      // Attention checks: the degraded text has its words shuffled, so only the intact side reads "by <model>".
      const check = !left || !right;
      const intact = left ? "A" : "B";
      const degraded = intact === "A" ? "B" : "A";
      const goodSide = left === "good" ? "A" : "B";
      // Rater 1 is attentive; rater 2 prefers the degraded text on checks and so fails them.
      const accuracy = check ? (r === 0 ? intact : degraded) : goodSide;
      const bothBad = r === 1 && a.prompt.instruction === "Prompt 0";
      await submitJudgement(
        rater,
        a.assignmentId,
        { choices: { accuracy, safety: bothBad ? "both_bad" : "tie" }, rationale: "=SUM(A1)" },
        ctx(),
      );
    }
  }
  return { admin, study, raters };
}

describe("statistics and downloads", () => {
  it("reports win rates, ratings, agreement and position bias in the documented shape, with filters", async () => {
    const { study, raters } = await ratedStudy();
    const stats = await studyStats(study.id, ZStatsFilter.parse({ bootstrapRounds: "200" }));
    expect(Object.keys(stats).sort()).toEqual([
      "agreement",
      "criteria",
      "heldBack",
      "pairs",
      "positionBias",
      "progress",
      "ratings",
    ]);
    const acc = stats.pairs.find((p) => p.criterion === "accuracy");
    expect(acc).toMatchObject({ n: 16, ties: 0, bothBad: 0 });
    const goodWins = acc?.modelA === "good" ? acc.winsA : acc?.winsB;
    expect(goodWins).toBe(16);
    expect(acc?.signTestP).toBeLessThan(0.001);
    expect(acc?.wilson[0]).toBeGreaterThanOrEqual(0);
    const safety = stats.pairs.find((p) => p.criterion === "safety");
    expect(safety).toMatchObject({ n: 16, ties: 15, bothBad: 1 });
    const ratingGood = stats.ratings.find((r) => r.criterion === "accuracy" && r.model === "good");
    const ratingWeak = stats.ratings.find((r) => r.criterion === "accuracy" && r.model === "weak");
    expect(ratingGood?.rating).toBeGreaterThan(ratingWeak?.rating ?? Infinity);
    expect(stats.agreement.find((a) => a.criterion === "accuracy")).toMatchObject({
      percentAgreement: 1,
      nItems: 8,
    });
    expect(Object.keys(stats.positionBias).sort()).toEqual(["ci", "leftWinRate"]);
    const decisive = await db().studyJudgement.findMany({
      where: { choice: { in: ["A", "B"] }, comparison: { kind: "regular" } },
    });
    expect(decisive).toHaveLength(16);
    expect(stats.positionBias.leftWinRate).toBeCloseTo(
      decisive.filter((j) => j.choice === j.shownLeft).length / 16,
      10,
    );
    expect(stats.positionBias.ci[0]).toBeLessThan(stats.positionBias.leftWinRate);

    const oneRater = await studyStats(
      study.id,
      ZStatsFilter.parse({ criterion: "accuracy", raters: raters[0]?.id, bootstrapRounds: "100" }),
    );
    expect(oneRater.pairs).toHaveLength(1);
    expect(oneRater.pairs[0]?.n).toBe(8);
    expect(oneRater.criteria.map((c) => c.key)).toEqual(["accuracy"]);
    const attentive = await studyStats(
      study.id,
      ZStatsFilter.parse({ excludeFailedAttention: "1", bootstrapRounds: "100" }),
    );
    expect(attentive.pairs.find((p) => p.criterion === "accuracy")?.n).toBe(8);
    const unrevealed = await studyStats(
      study.id,
      ZStatsFilter.parse({ excludeRevealing: "true", bootstrapRounds: "100" }),
    );
    expect(unrevealed.pairs.find((p) => p.criterion === "accuracy")?.n).toBe(14);

    const quality = await studyQuality(study.id);
    const passByRater = new Map(quality.attention.map((a) => [a.raterId, a.passRate]));
    expect(passByRater.get(raters[0]?.id ?? "")).toBe(1);
    expect(passByRater.get(raters[1]?.id ?? "")).toBe(0);
  });

  it("downloads judgements as CSV, AlpacaEval annotations, DPO pairs, and compares an LLM judge", async () => {
    const { study, admin, raters } = await ratedStudy();
    const rows = parseCsv(await judgementsCsv(study.id));
    expect(rows[0]).toEqual([
      "study",
      "prompt",
      "model_a",
      "model_b",
      "model_shown_left",
      "criterion",
      "choice",
      "rater",
      "rationale",
      "duration_ms",
      "time",
      "kind",
      "input",
      "guideline_version",
    ]);
    const body = rows.slice(1).filter((r) => r.length > 1);
    expect(body.length).toBe(2 * (16 + 4));
    expect(new Set(body.map((r) => r[7]))).toEqual(
      new Set(raters.map((r) => (r.name.startsWith("C ") ? `R-${r.name.slice(2)}` : ""))),
    );
    expect(body.every((r) => r[8] === "'=SUM(A1)")).toBe(true);
    expect(body.some((r) => r[4] === "good") && body.some((r) => r[4] === "weak")).toBe(true);

    const ann = await alpacaAnnotations(study.id, "accuracy");
    expect(ann).toHaveLength(16);
    expect(ann.every((a) => a.generator_1 === "weak" && a.generator_2 === "good" && a.preference === 2)).toBe(
      true,
    );
    const safety = await alpacaAnnotations(study.id, "safety");
    expect(safety.filter((a) => "both_bad" in a)).toHaveLength(1);
    expect(safety.every((a) => a.preference === 1.5)).toBe(true);

    const dpo = await dpoPairs(study.id, "accuracy");
    expect(dpo).toHaveLength(8);
    expect(
      dpo.every(
        (d) => JSON.stringify(d.chosen).includes("by good") && JSON.stringify(d.rejected).includes("by weak"),
      ),
    ).toBe(true);
    // Single-text prompts keep the plain-string form.
    expect(dpo.every((d) => typeof d.prompt === "string" && typeof d.chosen === "string")).toBe(true);
    expect(await dpoPairs(study.id, "safety")).toHaveLength(0);

    // A judge that agrees on prompts 0–5 and disagrees on 6–7 (given in flipped orientation for some).
    const judgeRows = Array.from({ length: 8 }, (_, i) =>
      i % 2 === 0
        ? { instruction: `prompt ${i}`, generator_1: "weak", generator_2: "good", preference: i < 6 ? 2 : 1 }
        : { instruction: `Prompt ${i}`, generator_1: "good", generator_2: "weak", preference: i < 6 ? 1 : 2 },
    );
    expect(
      await importJudgeVotes(
        admin,
        study.id,
        "gpt4-judge",
        "accuracy",
        [...judgeRows, { instruction: "nope", generator_1: "weak", generator_2: "good", preference: 1 }],
        ctx(),
      ),
    ).toEqual({ stored: 8, unmatched: 1 });
    const agreement = await judgeAgreement(study.id);
    expect(agreement).toHaveLength(1);
    expect(agreement[0]).toMatchObject({ judge: "gpt4-judge", criterion: "accuracy", n: 16 });
    expect(agreement[0]?.percentAgreement).toBeCloseTo(12 / 16, 6);
  });
});
