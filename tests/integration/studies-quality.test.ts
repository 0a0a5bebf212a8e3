import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { parseCsv } from "@/lib/csv/csv";
import { createStudy } from "@/lib/studies/create-study";
import { importOutputs } from "@/lib/studies/import-outputs";
import { startStudy } from "@/lib/studies/start-study";
import { nextAssignment, type TBlindedAssignment, submitJudgement } from "@/lib/studies/rating-queue";
import { studyQuality } from "@/lib/studies/study-stats";
import { judgementsCsv } from "@/lib/studies/exports";
import { ZCreateStudy } from "@/lib/studies/schemas";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { asCurrent, ctx, makeClinicians, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

// Nine words: an attention check keeps three ("answer", i, "by") shuffled, so it never names the model.
const modelIn = (text: string) => /by (good|weak)\b/.exec(text)?.[1] ?? "";

async function qualityStudy(prompts: number) {
  const admin = asCurrent(await makeUser("ADMIN"));
  const study = await createStudy(
    admin,
    ZCreateStudy.parse({
      name: "Quality",
      criteria: ["Accuracy", "Safety"],
      design: "vs_reference",
      reference: "weak",
      ratingsPerComparison: 2,
      repeatShare: 0.5,
      attentionCheckShare: 0.25,
    }),
    ctx(),
  );
  for (const model of ["good", "weak"]) {
    await importOutputs(
      admin,
      study.id,
      Array.from({ length: prompts }, (_, i) => ({
        instruction: `Prompt ${i}`,
        input: "",
        model,
        text: `answer ${i} by ${model} with several words to degrade`,
      })),
      ctx(),
    );
  }
  await startStudy(admin, study.id, ctx());
  return study;
}

/** Lets the claim look `ms` old, as if the rater had spent that long: the server caps durationMs at the lease's age. */
async function ageClaim(assignmentId: string, ms: number) {
  await db().queueAssignment.update({
    where: { id: assignmentId },
    data: { claimedAt: new Date(Date.now() - ms) },
  });
}

type TSent = {
  rater: string;
  instruction: string;
  kind: "regular" | "repeat" | "attention";
  durationMs: number;
};

/**
 * Rates everything the rater is offered. Both prefer "good" on accuracy and call safety a tie on
 * first showings. On a repeat (same prompt again, sides swapped) the steady rater picks "good"
 * again (the other label), the fickle one presses the label they pressed before (the other model).
 * On attention checks the steady rater picks the degraded side, so the checks would break its
 * perfect consistency if they were counted as repeats.
 */
async function rateAll(
  study: { id: string },
  rater: TCurrentUser,
  pseudonym: string,
  style: "steady" | "fickle",
  sent: TSent[],
  nextDuration: () => number,
) {
  const firstShowing = new Map<string, { label: "A" | "B"; left: string }>();
  let repeats = 0;
  for (;;) {
    const a: TBlindedAssignment | null = await nextAssignment(rater, study.id);
    if (!a) break;
    const left = modelIn(a.responses[0].text);
    const right = modelIn(a.responses[1].text);
    const instruction = a.prompt.instruction;
    let kind: TSent["kind"];
    let accuracy: "A" | "B";
    if (!left || !right) {
      kind = "attention";
      const intact = left ? "A" : "B";
      accuracy = style === "steady" ? (intact === "A" ? "B" : "A") : intact;
    } else {
      const goodSide = left === "good" ? "A" : "B";
      const first = firstShowing.get(instruction);
      if (first) {
        kind = "repeat";
        repeats++;
        expect(left, "a repeat shows the sides swapped").not.toBe(first.left);
        accuracy = style === "steady" ? goodSide : first.label;
      } else {
        kind = "regular";
        accuracy = goodSide;
        firstShowing.set(instruction, { label: goodSide, left });
      }
    }
    const durationMs = nextDuration();
    await ageClaim(a.assignmentId, durationMs + 60_000);
    await submitJudgement(rater, a.assignmentId, { choices: { accuracy, safety: "tie" }, durationMs }, ctx());
    sent.push({ rater: pseudonym, instruction, kind, durationMs });
  }
  return repeats;
}

describe("rater quality: consistency on repeats and time per judgement", () => {
  it("studyQuality reports full agreement for a rater who repeats their verdict and half for one who repeats the label; durations are stored and exported as sent", async () => {
    const study = await qualityStudy(20);
    const [steady, fickle] = await makeClinicians(2);
    if (!steady || !fickle) throw new Error("no raters");
    const sent: TSent[] = [];
    let d = 1000;
    const nextDuration = () => (d += 137);
    const steadyRepeats = await rateAll(study, steady, steady.pseudonym, "steady", sent, nextDuration);
    const fickleRepeats = await rateAll(study, fickle, fickle.pseudonym, "fickle", sent, nextDuration);
    // repeatShare 0.5 over 20 comparisons each: no repeat at all has odds of about one in a million.
    expect(steadyRepeats).toBeGreaterThan(0);
    expect(fickleRepeats).toBeGreaterThan(0);
    const stored = await db().studyComparison.findMany({
      where: { studyId: study.id, kind: "repeat" },
      include: { queueItem: true },
    });
    expect(stored.filter((c) => c.queueItem.onlyForUserId === steady.id)).toHaveLength(steadyRepeats);
    expect(stored.filter((c) => c.queueItem.onlyForUserId === fickle.id)).toHaveLength(fickleRepeats);
    expect(sent.filter((s) => s.kind === "attention")).toHaveLength(2 * 5);

    const quality = await studyQuality(study.id);
    expect(quality.consistency.map((c) => c.raterId).sort()).toEqual([steady.id, fickle.id].sort());
    const of = (id: string) => quality.consistency.find((c) => c.raterId === id);
    // Two criteria per repeat: the steady rater agrees on both, the fickle one only on safety.
    expect(of(steady.id)).toMatchObject({
      rater: steady.pseudonym,
      repeats: 2 * steadyRepeats,
      consistent: 2 * steadyRepeats,
      rate: 1,
    });
    expect(of(fickle.id)).toMatchObject({
      rater: fickle.pseudonym,
      repeats: 2 * fickleRepeats,
      consistent: fickleRepeats,
      rate: 0.5,
    });
    expect(of(fickle.id)?.ci[1]).toBeLessThan(1);
    const passRate = new Map(quality.attention.map((a) => [a.raterId, a.passRate]));
    expect(passRate.get(steady.id)).toBe(0);
    expect(passRate.get(fickle.id)).toBe(1);

    // Time per judgement: each assignment's durationMs, once per criterion, in the database and the CSV.
    const sorted = sent.flatMap((s) => [s.durationMs, s.durationMs]).sort((a, b) => a - b);
    expect(quality.judgements).toBe(sorted.length);
    expect(quality.medianDurationMs).toBe(sorted[Math.floor(sorted.length / 2)]);
    const judgements = await db().studyJudgement.findMany({
      where: { comparison: { studyId: study.id } },
      select: { durationMs: true },
    });
    expect(judgements.map((j) => j.durationMs).sort((a, b) => a - b)).toEqual(sorted);
    const [header, ...body] = parseCsv(await judgementsCsv(study.id)).filter((r) => r.length > 1);
    const col = (name: string) => header?.indexOf(name) ?? -1;
    expect(body).toHaveLength(sorted.length);
    const expected = new Map(
      sent.map((s) => [`${s.rater}|${s.instruction}|${s.kind}`, String(s.durationMs)]),
    );
    expect(expected.size).toBe(sent.length);
    for (const row of body) {
      const key = `${row[col("rater")]}|${row[col("prompt")]}|${row[col("kind")]}`;
      expect(row[col("duration_ms")], key).toBe(expected.get(key));
    }
  }, 120_000);

  it("keeps the client's duration only up to the claim's age, and measures it when the client sends none", async () => {
    const study = await qualityStudy(3);
    const [one] = await makeClinicians(1);
    if (!one) throw new Error("no rater");
    const claimAndSubmit = async (durationMs: number | undefined, ageMs: number) => {
      const a = await nextAssignment(one, study.id);
      if (!a) throw new Error("no work");
      // Read before the claim is aged, so the aged claimedAt is no earlier than `before - ageMs`
      // however long the aging write takes on a loaded machine (the bound once missed by 39 ms).
      const before = Date.now();
      await ageClaim(a.assignmentId, ageMs);
      await submitJudgement(
        one,
        a.assignmentId,
        { choices: { accuracy: "tie", safety: "tie" }, ...(durationMs === undefined ? {} : { durationMs }) },
        ctx(),
      );
      const rows = await db().studyJudgement.findMany({
        where: { assignmentId: a.assignmentId },
        select: { durationMs: true },
      });
      expect(rows).toHaveLength(2);
      expect(new Set(rows.map((r) => r.durationMs)).size).toBe(1);
      return { stored: rows[0]?.durationMs ?? -1, elapsedBound: Date.now() - before + ageMs };
    };
    expect((await claimAndSubmit(4321, 30_000)).stored).toBe(4321);
    // A client clock claiming an hour on a lease two seconds old is held to the two seconds.
    const capped = await claimAndSubmit(3_600_000, 2_000);
    expect(capped.stored).toBeGreaterThanOrEqual(2_000);
    expect(capped.stored).toBeLessThanOrEqual(capped.elapsedBound);
    const measured = await claimAndSubmit(undefined, 5_000);
    expect(measured.stored).toBeGreaterThanOrEqual(5_000);
    expect(measured.stored).toBeLessThanOrEqual(measured.elapsedBound);
    const csv = parseCsv(await judgementsCsv(study.id)).filter((r) => r.length > 1);
    const at = csv[0]?.indexOf("duration_ms") ?? -1;
    expect(
      csv
        .slice(1)
        .map((r) => Number(r[at]))
        .sort((a, b) => a - b),
    ).toEqual(
      [4321, 4321, capped.stored, capped.stored, measured.stored, measured.stored].sort((a, b) => a - b),
    );
  });
});
