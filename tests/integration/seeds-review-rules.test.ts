import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { autosaveDraft } from "@/lib/seeds/autosave-draft";
import { createSeed } from "@/lib/seeds/create-seed";
import { findSimilarSeeds } from "@/lib/seeds/find-similar-seeds";
import { getSeed } from "@/lib/seeds/get-seed";
import { importSeeds } from "@/lib/seeds/import-seeds";
import { reviewSeed } from "@/lib/seeds/review-seed";
import { saveSeed } from "@/lib/seeds/save-seed";
import { submitSeed } from "@/lib/seeds/submit-seed";
import { rougeL } from "@/lib/similarity";
import { ctx } from "../support/factories";
import { resetDatabase } from "../support/db";
import { seedSetup } from "../support/seed-setup";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const setup = () => seedSetup();

const BETA = "List the common side effects of beta blockers.";
const BETA_ADULTS = "List the common side effects of beta blockers in adults.";

describe("a submitted seed stays complete until it is approved", () => {
  it("saving a submitted seed runs the submit checks: incomplete or an unexplained near duplicate is refused", async () => {
    const { author, reviewer, fields } = await setup();
    // Submitted, so no longer private: another author's draft is neither shown nor counted.
    const beta = await createSeed(reviewer, fields({ instruction: BETA }), ctx());
    await submitSeed(reviewer, beta.id, 1, ctx());
    const { id } = await createSeed(author, fields(), ctx());
    await submitSeed(author, id, 1, ctx());

    await expect(
      saveSeed(author, id, { ...fields({ difficulty: "" }), baseVersion: 1 }, ctx()),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { difficulty: [expect.any(String)] },
    });
    await expect(
      saveSeed(author, id, { ...fields({ instruction: BETA_ADULTS }), baseVersion: 1 }, ctx()),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { duplicateReason: [expect.any(String)] },
    });
    expect(await db().seed.findUniqueOrThrow({ where: { id } })).toMatchObject({
      version: 1,
      status: "SUBMITTED",
      difficulty: 2,
    });

    await saveSeed(
      author,
      id,
      {
        ...fields({ instruction: BETA_ADULTS, duplicateReason: "Adults only: different dosing" }),
        baseVersion: 1,
      },
      ctx(),
    );
    expect(await db().seed.findUniqueOrThrow({ where: { id } })).toMatchObject({
      version: 2,
      status: "SUBMITTED",
    });
    await reviewSeed(reviewer, id, { baseVersion: 2, decision: "APPROVE", comment: "" }, ctx());
  });

  it("approval re-checks completeness and the near-duplicate reason", async () => {
    const { admin, reviewer, fields } = await setup();
    await createSeed(reviewer, fields({ instruction: BETA }), ctx());
    // An import reports near duplicates but stores them: the reviewer must not approve one unexplained.
    const file = JSON.stringify([
      {
        topic: "Cardiology",
        view: "Patient",
        type: "Open Q&A",
        instruction: BETA_ADULTS,
        input: "<noinput>",
        difficulty: "2",
      },
      {
        topic: "Cardiology",
        view: "Patient",
        type: "Open Q&A",
        instruction: "Explain heart failure to a patient.",
        input: "<noinput>",
        difficulty: "3",
      },
    ]);
    await importSeeds(admin, file, { dryRun: false, status: "submitted", unknownLabels: "reject" }, ctx());
    const near = await db().seed.findFirstOrThrow({ where: { instruction: BETA_ADULTS } });
    const other = await db().seed.findFirstOrThrow({
      where: { instruction: { startsWith: "Explain heart failure" } },
    });
    await expect(
      reviewSeed(reviewer, near.id, { baseVersion: 1, decision: "APPROVE", comment: "" }, ctx()),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { duplicateReason: [expect.any(String)] },
    });
    // A seed left incomplete by an earlier release of the app is not approved either.
    await db().seed.update({ where: { id: other.id }, data: { difficulty: null } });
    await expect(
      reviewSeed(reviewer, other.id, { baseVersion: 1, decision: "APPROVE", comment: "" }, ctx()),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { difficulty: [expect.any(String)] },
    });
    expect(await db().seed.count({ where: { status: "APPROVED" } })).toBe(0);
    // Requesting changes stays possible: it is how the reviewer asks for the reason.
    await reviewSeed(
      reviewer,
      near.id,
      { baseVersion: 1, decision: "REQUEST_CHANGES", comment: "Say why adults need their own seed." },
      ctx(),
    );
  });

  it("a score just above 0.7 needs a reason even though it rounds to 0.700", async () => {
    const { author, reviewer, fields } = await setup();
    // LCS 76 of 108 and 109 tokens: F = 152/217 = 0.70046…
    const word = (p: string, i: number) =>
      `${p}${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`;
    const common = Array.from({ length: 76 }, (_, i) => word("w", i));
    const first = [...common, ...Array.from({ length: 32 }, (_, i) => word("x", i))].join(" ");
    const second = [...common, ...Array.from({ length: 33 }, (_, i) => word("z", i))].join(" ");
    const score = rougeL(first, second).fmeasure;
    expect(score).toBeGreaterThan(0.7);
    expect(score.toFixed(3)).toBe("0.700");

    const prior = await createSeed(reviewer, fields({ instruction: first }), ctx());
    await submitSeed(reviewer, prior.id, 1, ctx());
    const { id } = await createSeed(author, fields({ instruction: second }), ctx());
    expect((await findSimilarSeeds({ text: second, excludeId: id, viewerId: author.id }))[0]?.score).toBe(
      score,
    );
    await expect(submitSeed(author, id, 1, ctx())).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { duplicateReason: [expect.any(String)] },
    });
  });
});

describe("revising an imported seed after changes were requested", () => {
  async function importedForRevision() {
    const { admin, author, reviewer, fields } = await setup();
    const file = JSON.stringify([
      {
        topic: "Cardiology",
        view: "Patient",
        type: "Open Q&A",
        instruction: "Explain angina.",
        input: "<noinput>",
        difficulty: "2",
      },
    ]);
    await importSeeds(admin, file, { dryRun: false, status: "submitted", unknownLabels: "reject" }, ctx());
    const seed = await db().seed.findFirstOrThrow();
    return { admin, author, reviewer, fields, id: seed.id };
  }

  it("a clinician takes it over on saving: recorded, then it is submitted and approved by another clinician", async () => {
    const { admin, author, reviewer, fields, id } = await importedForRevision();
    // While it waits for review nobody but the importer counts as its author.
    await expect(saveSeed(author, id, { ...fields(), baseVersion: 1 }, ctx())).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await reviewSeed(
      reviewer,
      id,
      { baseVersion: 1, decision: "REQUEST_CHANGES", comment: "Say it is stable angina, for a patient." },
      ctx(),
    );
    await expect(saveSeed(admin, id, { ...fields(), baseVersion: 1 }, ctx())).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    await autosaveDraft(author, id, { baseVersion: 1, payload: { instruction: "Explain stable" } }, ctx());
    const saved = await saveSeed(author, id, { ...fields(), baseVersion: 1 }, ctx());
    expect(saved.version).toBe(2);
    const seed = await db().seed.findUniqueOrThrow({ where: { id } });
    expect(seed).toMatchObject({ authorId: author.id, importedById: admin.id, status: "CHANGES_REQUESTED" });
    const takeOver = await db().auditLog.findFirstOrThrow({
      where: { entityId: id, action: "seed.take_over" },
    });
    expect(takeOver).toMatchObject({
      actorId: author.id,
      before: { authorId: admin.id },
      after: { authorId: author.id },
    });
    expect((await getSeed(author, id)).authorId).toBe(author.id);

    await submitSeed(author, id, 2, ctx());
    await expect(
      reviewSeed(author, id, { baseVersion: 2, decision: "APPROVE", comment: "" }, ctx()),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await reviewSeed(reviewer, id, { baseVersion: 2, decision: "APPROVE", comment: "" }, ctx());
    const actions = (await db().auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual([
      "seed.request_changes",
      "seed.autosave",
      "seed.take_over",
      "seed.save",
      "seed.submit",
      "seed.approve",
    ]);
  });

  it("a seed whose author can still write is never taken over", async () => {
    const { author, reviewer, fields } = await setup();
    const { id } = await createSeed(author, fields(), ctx());
    await submitSeed(author, id, 1, ctx());
    await reviewSeed(
      reviewer,
      id,
      { baseVersion: 1, decision: "REQUEST_CHANGES", comment: "Shorter, please." },
      ctx(),
    );
    await expect(saveSeed(reviewer, id, { ...fields(), baseVersion: 1 }, ctx())).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(autosaveDraft(reviewer, id, { baseVersion: 1, payload: {} }, ctx())).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db().auditLog.count({ where: { action: "seed.take_over" } })).toBe(0);
  });
});
