import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { parseCsv } from "@/lib/csv/csv";
import { createStudy } from "@/lib/studies/create-study";
import { importOutputs } from "@/lib/studies/import-outputs";
import { startStudy } from "@/lib/studies/start-study";
import { nextAssignment, submitJudgement } from "@/lib/studies/rating-queue";
import { annotationsRoute, dpoRoute, judgementsCsvRoute } from "@/lib/studies/results-routes";
import { ZCreateStudy } from "@/lib/studies/schemas";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";
import { HABIT_CONTENT, HABITS } from "../support/presentation-habits";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

// One model per habit, each writing the same content its own way; "h0" writes it as is.
const RAW = new Map(HABITS.map((h, i) => [`h${i}`, h.apply(HABIT_CONTENT)]));
const RAW_INSTRUCTION = " What should a patient with a fever do?  \r\n";

describe("canonical presentation reaches raters; storage and exports keep the imported bytes", () => {
  it("serves every habit as the same text, stores and exports each as imported", async () => {
    const admin = asCurrent(await makeUser("ADMIN"));
    const study = await createStudy(
      admin,
      ZCreateStudy.parse({ name: "Habits", criteria: ["Accuracy"], design: "vs_reference", reference: "h0" }),
      ctx(),
    );
    for (const [model, text] of RAW)
      await importOutputs(admin, study.id, [{ instruction: RAW_INSTRUCTION, input: "", model, text }], ctx());
    await startStudy(admin, study.id, ctx());

    const rater = asCurrent(await makeUser("CLINICIAN"));
    let served = 0;
    for (;;) {
      const a = await nextAssignment(rater, study.id);
      if (!a) break;
      served++;
      expect(a.prompt.instruction).toBe("What should a patient with a fever do?");
      expect(a.responses.map((r) => r.text)).toEqual([HABIT_CONTENT, HABIT_CONTENT]);
      await submitJudgement(rater, a.assignmentId, { choices: { accuracy: "A" } }, ctx());
    }
    expect(served).toBe(HABITS.length - 1);

    // Stored as imported, byte for byte.
    const stored = await db().studyOutput.findMany({
      where: { prompt: { studyId: study.id } },
      select: { model: true, text: true },
    });
    expect(new Map(stored.map((o) => [o.model, o.text]))).toEqual(RAW);
    expect(new Set(RAW.values()).size).toBe(HABITS.length);

    const researcher = await makeUser("RESEARCHER");
    const { token } = await insertApiToken(db(), researcher.id, "t", null);
    const get = (
      route: { handle: (req: Request, c: { params: Promise<Record<string, string>> }) => Promise<Response> },
      suffix: string,
    ) =>
      route.handle(
        new Request(`http://app.test/api/v1/studies/${study.id}/${suffix}`, {
          headers: { authorization: `Bearer ${token}` },
        }),
        { params: Promise.resolve({ id: study.id }) },
      );

    const annotations = (await (
      await get(annotationsRoute, "annotations.json?criterion=accuracy")
    ).json()) as {
      instruction: string;
      output_1: string;
      generator_1: string;
      output_2: string;
      generator_2: string;
    }[];
    expect(annotations).toHaveLength(HABITS.length - 1);
    for (const a of annotations) {
      expect(a.instruction).toBe(RAW_INSTRUCTION);
      expect(a.output_1).toBe(RAW.get(a.generator_1));
      expect(a.output_2).toBe(RAW.get(a.generator_2));
    }

    const dpo = (await (await get(dpoRoute, "dpo.jsonl?criterion=accuracy")).text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { prompt: string; chosen: string; rejected: string });
    expect(dpo).toHaveLength(HABITS.length - 1);
    expect(dpo.every((d) => d.prompt === RAW_INSTRUCTION)).toBe(true);
    expect(new Set(dpo.flatMap((d) => [d.chosen, d.rejected]))).toEqual(new Set(RAW.values()));

    const csv = parseCsv(await (await get(judgementsCsvRoute, "judgements.csv")).text()).filter(
      (r) => r.length > 1,
    );
    const prompt = (csv[0] ?? []).indexOf("prompt");
    expect(csv.slice(1).map((r) => r[prompt])).toEqual(Array(HABITS.length - 1).fill(RAW_INSTRUCTION));
  });
});
