import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { parseCsv } from "@/lib/csv/csv";
import { createStudy } from "@/lib/studies/create-study";
import { importOutputs } from "@/lib/studies/import-outputs";
import { startStudy } from "@/lib/studies/start-study";
import { nextAssignment, submitJudgement } from "@/lib/studies/rating-queue";
import { studyStats, ZStatsFilter } from "@/lib/studies/study-stats";
import { alpacaAnnotations, judgementsCsv } from "@/lib/studies/exports";
import { ZCreateStudy } from "@/lib/studies/schemas";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const modelIn = (text: string) => /written by (\S+)/.exec(text)?.[1] ?? "";

describe("orientation of the statistics", () => {
  it("keeps the reference as model B when it sorts first (claude-2 vs gpt-4), agreeing with the CSV and annotations", async () => {
    const admin = asCurrent(await makeUser("ADMIN"));
    const study = await createStudy(
      admin,
      ZCreateStudy.parse({
        name: "Orientation",
        criteria: ["Correctness", "Helpfulness"],
        design: "vs_reference",
        reference: "claude-2",
        ratingsPerComparison: 1,
      }),
      ctx(),
    );
    for (const model of ["gpt-4", "claude-2"]) {
      await importOutputs(
        admin,
        study.id,
        Array.from({ length: 3 }, (_, i) => ({
          instruction: `Question ${i}?`,
          input: "",
          model,
          text: `answer ${i} written by ${model}`,
        })),
        ctx(),
      );
    }
    await startStudy(admin, study.id, ctx());
    const rater = asCurrent(await makeUser("CLINICIAN"));
    // Correctness: gpt-4 always. Helpfulness: claude-2 on Question 0, a tie on the others.
    for (;;) {
      const a = await nextAssignment(rater, study.id);
      if (!a) break;
      const gptSide = modelIn(a.responses[0].text) === "gpt-4" ? "A" : "B";
      const claudeSide = gptSide === "A" ? "B" : "A";
      await submitJudgement(
        rater,
        a.assignmentId,
        {
          choices: {
            correctness: gptSide,
            helpfulness: a.prompt.instruction === "Question 0?" ? claudeSide : "tie",
          },
        },
        ctx(),
      );
    }

    const stats = await studyStats(study.id, ZStatsFilter.parse({ bootstrapRounds: "100" }));
    const correctness = stats.pairs.find((p) => p.criterion === "correctness");
    const helpfulness = stats.pairs.find((p) => p.criterion === "helpfulness");
    expect(correctness).toMatchObject({
      modelA: "gpt-4",
      modelB: "claude-2",
      n: 3,
      winsA: 3,
      winsB: 0,
      ties: 0,
      bothBad: 0,
      winRateA: 1,
    });
    expect(helpfulness).toMatchObject({
      modelA: "gpt-4",
      modelB: "claude-2",
      n: 3,
      winsA: 0,
      winsB: 1,
      ties: 2,
    });
    expect(helpfulness?.winRateA).toBeCloseTo(1 / 3, 12);
    // Wilson is on model A's share of decisive votes: all three for gpt-4 puts it high.
    expect(correctness?.wilson[0]).toBeGreaterThan(0.4);

    // The downloads say the same: model A is gpt-4, the reference is model B / generator_1.
    const rows = parseCsv(await judgementsCsv(study.id))
      .slice(1)
      .filter((r) => r.length > 1);
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r[2] === "gpt-4" && r[3] === "claude-2")).toBe(true);
    expect(rows.filter((r) => r[5] === "correctness").every((r) => r[6] === "A")).toBe(true);
    const ann = await alpacaAnnotations(study.id, "correctness");
    expect(
      ann.every((x) => x.generator_1 === "claude-2" && x.generator_2 === "gpt-4" && x.preference === 2),
    ).toBe(true);
  });
});
