import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createStudy } from "@/lib/studies/create-study";
import { importOutputs } from "@/lib/studies/import-outputs";
import { startStudy } from "@/lib/studies/start-study";
import { setStudyStatus } from "@/lib/studies/set-study-status";
import {
  nextAssignment,
  type TBlindedAssignment,
  submitJudgement,
  skipRating,
} from "@/lib/studies/rating-queue";
import { ZCreateStudy } from "@/lib/studies/schemas";
import { asCurrent, ctx, makeClinicians, makeUser } from "../support/factories";
import { resetDatabase, testDatabaseUrl } from "../support/db";

const instances: PrismaClient[] = [];
function instance(): PrismaClient {
  const c = new PrismaClient({ adapter: new PrismaPg({ connectionString: testDatabaseUrl(), max: 10 }) });
  instances.push(c);
  return c;
}
beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await Promise.all(instances.map((c) => c.$disconnect()));
  await db().$disconnect();
});

/** Outputs carry their model's name in the text, so mapping bugs show up as wrong texts. */
async function setUpStudy(models: string[], prompts: number, over: Record<string, unknown> = {}) {
  const admin = asCurrent(await makeUser("ADMIN"));
  const study = await createStudy(
    admin,
    ZCreateStudy.parse({
      name: "Blind study",
      criteria: ["Accuracy", "Safety"],
      design: "all_pairs",
      ...over,
    }),
    ctx(),
  );
  for (const model of models) {
    await importOutputs(
      admin,
      study.id,
      Array.from({ length: prompts }, (_, i) => ({
        instruction: `Question ${i}?`,
        input: "",
        model,
        text: `answer ${i} written by ${model}`,
      })),
      ctx(),
    );
  }
  await startStudy(admin, study.id, ctx());
  return { admin, study };
}

const modelIn = (text: string) => /written by (\S+)/.exec(text)?.[1] ?? "";

describe("blinded rating", () => {
  it("hands out blinded assignments and stores choices in model terms, idempotently", async () => {
    const canaries = ["zz-canary-alpha", "zz-canary-bravo"];
    const { study, admin } = await setUpStudy(canaries, 4, { ratingsPerComparison: 1, allowBothBad: false });
    const [rater] = await makeClinicians(1);
    if (!rater) throw new Error("no rater");
    const seen: TBlindedAssignment[] = [];
    for (;;) {
      const a = await nextAssignment(rater, study.id);
      if (!a) break;
      seen.push(a);
      // The payload, less the texts (which here name the model on purpose), holds no identity.
      const meta = JSON.stringify({ ...a, responses: a.responses.map((r) => r.label) });
      for (const c of canaries) expect(meta).not.toContain(c);
      expect(Object.keys(a).sort()).toEqual([
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
      expect((await nextAssignment(rater, study.id))?.assignmentId).toBe(a.assignmentId);
      await expect(
        submitJudgement(rater, a.assignmentId, { choices: { accuracy: "A", safety: "both_bad" } }, ctx()),
      ).rejects.toMatchObject({ code: "VALIDATION" });
      const first = await submitJudgement(
        rater,
        a.assignmentId,
        { choices: { accuracy: "A", safety: "B" }, rationale: "left is better" },
        ctx(),
      );
      // A repeat changes nothing (the Idempotency-Key rule is the shared route's: queue-protocol.test.ts).
      const again = await submitJudgement(
        rater,
        a.assignmentId,
        { choices: { accuracy: "B", safety: "B" } },
        ctx(),
      );
      expect(first).toEqual({ status: "submitted", judgements: 2 });
      expect(again).toEqual({ status: "already_submitted", judgements: 2 });
      const js = await db().studyJudgement.findMany({
        where: { assignmentId: a.assignmentId },
        include: { comparison: true },
      });
      const acc = js.find((j) => j.criterion === "accuracy");
      if (!acc) throw new Error("missing judgement");
      // "A" meant the left text; in model terms that is whichever model wrote it.
      const leftModel = modelIn(a.responses[0].text);
      expect(acc.choice === "A" ? acc.comparison.modelA : acc.comparison.modelB).toBe(leftModel);
      expect(acc.shownLeft === "A" ? acc.comparison.modelA : acc.comparison.modelB).toBe(leftModel);
    }
    expect(seen).toHaveLength(4);
    expect(await db().studyJudgement.count()).toBe(8);
    const other = asCurrent(await makeUser("CLINICIAN"));
    await expect(
      submitJudgement(other, seen[0]?.assignmentId ?? "", { choices: { accuracy: "A", safety: "A" } }, ctx()),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await setStudyStatus(admin, study.id, "pause", ctx());
    await expect(nextAssignment(other, study.id)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a skip is recorded in the audit trail with its release, naming no model; a lapsed skip records nothing", async () => {
    const canaries = ["zz-canary-alpha", "zz-canary-bravo"];
    const { study } = await setUpStudy(canaries, 2, { ratingsPerComparison: 1 });
    const [rater] = await makeClinicians(1);
    if (!rater) throw new Error("no rater");
    const a = await nextAssignment(rater, study.id);
    if (!a) throw new Error("no assignment");
    expect(await skipRating(rater, a.assignmentId, ctx())).toBe(true);
    const rows = await db().auditLog.findMany({ where: { action: "study.skip" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: rater.id,
      entityType: "queue_assignment",
      entityId: a.assignmentId,
      after: { studyId: study.id },
    });
    for (const c of canaries)
      expect(JSON.stringify(rows.map((r) => [r.entityType, r.entityId, r.after]))).not.toContain(c);
    expect(await skipRating(rater, a.assignmentId, ctx())).toBe(false);
    expect(await db().auditLog.count({ where: { action: "study.skip" } })).toBe(1);
  });

  it("only named raters see a study that names its raters", async () => {
    const [named, outsider] = await makeClinicians(2);
    if (!named || !outsider) throw new Error("no raters");
    const { study } = await setUpStudy(["m1", "m2"], 2, { raterIds: [named.id] });
    expect(await nextAssignment(named, study.id)).not.toBeNull();
    await expect(nextAssignment(outsider, study.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("2,000 assignments put each model on the left 50% ± 3%", async () => {
    const models = ["m-one", "m-two", "m-three"];
    const { study } = await setUpStudy(models, 120, { ratingsPerComparison: 6 });
    const raters = await makeClinicians(10);
    const left = new Map<string, number>();
    const shown = new Map<string, number>();
    await Promise.all(
      raters.map(async (rater) => {
        for (let i = 0; i < 200; i++) {
          const a = await nextAssignment(rater, study.id);
          if (!a) throw new Error("ran out of work");
          const l = modelIn(a.responses[0].text);
          const r = modelIn(a.responses[1].text);
          left.set(l, (left.get(l) ?? 0) + 1);
          for (const m of [l, r]) shown.set(m, (shown.get(m) ?? 0) + 1);
          await submitJudgement(rater, a.assignmentId, { choices: { accuracy: "A", safety: "tie" } }, ctx());
        }
      }),
    );
    expect([...shown.values()].reduce((s, n) => s + n, 0)).toBe(4000);
    for (const m of models) {
      const share = (left.get(m) ?? 0) / (shown.get(m) ?? 1);
      expect(Math.abs(share - 0.5), m).toBeLessThanOrEqual(0.03);
    }
    // One decided side per assignment, in the study's own table.
    expect(await db().studyAssignmentSides.count({ where: { comparison: { studyId: study.id } } })).toBe(
      2000,
    );
  }, 240_000);

  it("40 concurrent raters on separate pools never over-assign or repeat, and consistency repeats come back swapped", async () => {
    const { study } = await setUpStudy(["m1", "m2"], 30, {
      ratingsPerComparison: 2,
      repeatShare: 0.3,
      attentionCheckShare: 0.1,
    });
    const pools = [instance(), instance(), instance(), instance()];
    const raters = await makeClinicians(40);
    await Promise.all(
      raters.map(async (rater, u) => {
        const client = pools[u % pools.length] as PrismaClient;
        for (;;) {
          const a = await nextAssignment(rater, study.id, client);
          if (!a) return;
          // A double submit from a flaky network: the same answer is stored once.
          const [r1, r2] = await Promise.all([
            submitJudgement(
              rater,
              a.assignmentId,
              { choices: { accuracy: "A", safety: "B" } },
              ctx(),
              client,
            ),
            submitJudgement(
              rater,
              a.assignmentId,
              { choices: { accuracy: "A", safety: "B" } },
              ctx(),
              client,
            ),
          ]);
          expect([r1.status, r2.status].sort()).toEqual(["already_submitted", "submitted"]);
        }
      }),
    );
    // A claim gives up after a bounded wait on rows locked by submits; on a loaded machine the last
    // open slot can be told "nothing left" to everyone while it is locked. Raters who come back
    // later take it (as in queue.test.ts); over-assignment and repeats are still checked below.
    for (const rater of raters) {
      for (;;) {
        const a = await nextAssignment(rater, study.id);
        if (!a) break;
        const r = await submitJudgement(
          rater,
          a.assignmentId,
          { choices: { accuracy: "A", safety: "B" } },
          ctx(),
        );
        expect(r.status).toBe("submitted");
      }
    }
    const comparisons = await db().studyComparison.findMany({
      where: { studyId: study.id },
      include: { queueItem: true, judgements: true },
    });
    const base = comparisons.filter((c) => c.kind !== "repeat");
    expect(base).toHaveLength(33);
    for (const c of base) {
      expect(c.queueItem.completedSlots).toBe(2);
      expect(c.queueItem.claimedSlots).toBe(2);
      expect(new Set(c.judgements.map((j) => j.raterId)).size).toBe(2);
      expect(c.judgements).toHaveLength(4);
    }
    const repeats = comparisons.filter((c) => c.kind === "repeat");
    expect(repeats.length).toBeGreaterThan(0);
    for (const r of repeats) {
      const original = comparisons.find((c) => c.id === r.repeatOfId);
      expect(original?.kind).toBe("regular");
      expect(r.queueItem.onlyForUserId).not.toBeNull();
      const mine = original?.judgements.find(
        (j) => j.raterId === r.queueItem.onlyForUserId && j.criterion === "accuracy",
      );
      const again = r.judgements.find((j) => j.criterion === "accuracy");
      expect(again?.raterId).toBe(r.queueItem.onlyForUserId);
      expect(again?.shownLeft).not.toBe(mine?.shownLeft);
    }
    // Attention checks show one side degraded: never the intact text twice.
    const checks = comparisons.filter((c) => c.kind === "attention");
    expect(checks).toHaveLength(3);
  }, 240_000);
});
