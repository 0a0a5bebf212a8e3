import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { parseInput } from "@/lib/errors/parse-input";
import { autosaveDraft } from "@/lib/seeds/autosave-draft";
import { createSeed } from "@/lib/seeds/create-seed";
import { findSimilarSeeds } from "@/lib/seeds/find-similar-seeds";
import { getSeed } from "@/lib/seeds/get-seed";
import { listSeeds } from "@/lib/seeds/list-seeds";
import { ZSeedListQuery } from "@/lib/seeds/list-schemas";
import { markPhiFalsePositive } from "@/lib/seeds/mark-phi-false-positive";
import { redactPhiFinding } from "@/lib/seeds/redact-phi-finding";
import { retireSeed } from "@/lib/seeds/retire-seed";
import { reviewSeed } from "@/lib/seeds/review-seed";
import { saveSeed } from "@/lib/seeds/save-seed";
import { saveSeedRoute } from "@/lib/seeds/save-route";
import { ZReviewSeed, ZSaveSeed } from "@/lib/seeds/schemas";
import { submitSeed } from "@/lib/seeds/submit-seed";
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

describe("seed lifecycle", () => {
  it("draft → submitted → changes requested → revised → approved → retired, with versions and diffs", async () => {
    const { admin, author, reviewer, researcher, view, fields } = await setup();
    const { id } = await createSeed(author, fields({ instruction: "Explain angina." }), ctx());
    // Drafts are private to their author.
    await expect(getSeed(reviewer, id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await autosaveDraft(
      author,
      id,
      { baseVersion: 1, payload: { instruction: "Explain stable ang" } },
      ctx(),
    );
    expect(await db().seedVersion.count({ where: { seedId: id } })).toBe(1);
    expect((await getSeed(author, id)).draft?.payload).toEqual({ instruction: "Explain stable ang" });

    const saved = await saveSeed(author, id, { ...fields(), baseVersion: 1 }, ctx());
    expect(saved).toMatchObject({ version: 2, changes: ["instruction"], phiWarnings: [] });
    expect(await db().seedDraft.count()).toBe(0);

    // A stale save is refused with both versions; nothing is overwritten.
    await expect(
      saveSeed(author, id, { ...fields({ instruction: "Other text" }), baseVersion: 1 }, ctx()),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      extra: {
        currentVersion: 2,
        current: expect.objectContaining({ instruction: "Explain stable angina to a patient." }) as unknown,
      },
    });
    expect((await db().seed.findUniqueOrThrow({ where: { id } })).instruction).toBe(
      "Explain stable angina to a patient.",
    );

    await expect(submitSeed(author, id, 1, ctx())).rejects.toMatchObject({ code: "CONFLICT" });
    await submitSeed(author, id, 2, ctx());
    await expect(getSeed(researcher, id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      reviewSeed(author, id, { baseVersion: 2, decision: "APPROVE", comment: "" }, ctx()),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(() =>
      parseInput(ZReviewSeed, { baseVersion: 2, decision: "REQUEST_CHANGES", comment: " " }),
    ).toThrowError();
    await reviewSeed(
      reviewer,
      id,
      { baseVersion: 2, decision: "REQUEST_CHANGES", comment: "Name the view: patient with no jargon." },
      ctx(),
    );
    expect((await db().seed.findUniqueOrThrow({ where: { id } })).status).toBe("CHANGES_REQUESTED");

    await saveSeed(
      author,
      id,
      {
        ...fields({ input: "I get chest pain on stairs.", specialtyTags: "cardiology, primary care" }),
        baseVersion: 2,
      },
      ctx(),
    );
    await submitSeed(author, id, 3, ctx());
    await expect(
      reviewSeed(reviewer, id, { baseVersion: 2, decision: "APPROVE", comment: "" }, ctx()),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await reviewSeed(reviewer, id, { baseVersion: 3, decision: "APPROVE", comment: "" }, ctx());

    const detail = await getSeed(researcher, id);
    expect(detail.status).toBe("APPROVED");
    expect(detail.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(detail.versions[2]?.changes.map((c) => c.field)).toEqual(["input", "specialtyTags"]);
    expect(detail.current.view).toBe(view.label);
    expect(detail.reviews.map((r) => r.decision)).toEqual(["REQUEST_CHANGES", "APPROVE"]);
    await expect(saveSeed(author, id, { ...fields(), baseVersion: 3 }, ctx())).rejects.toMatchObject({
      code: "CONFLICT",
    });

    await retireSeed(admin, id, ctx());
    expect((await db().seed.findUniqueOrThrow({ where: { id } })).status).toBe("RETIRED");
    const actions = (await db().auditLog.findMany({ where: { entityId: id }, orderBy: { id: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual([
      "seed.create",
      "seed.autosave",
      "seed.save",
      "seed.submit",
      "seed.request_changes",
      "seed.save",
      "seed.submit",
      "seed.approve",
      "seed.retire",
    ]);
  });

  it("the save route answers a stale save with 409 problem+json holding both versions", async () => {
    const { author, fields } = await setup();
    const { id } = await createSeed(author, fields(), ctx());
    const { token } = await insertApiToken(db(), author.id, "t", null);
    const put = (baseVersion: number, instruction: string) =>
      saveSeedRoute.handle(
        new Request(`http://app.test/api/v1/seeds/${id}`, {
          method: "PUT",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ ...fields(), instruction, baseVersion }),
        }),
        { params: Promise.resolve({ id }) },
      );
    expect((await put(1, "First edit of the seed")).status).toBe(200);
    const stale = await put(1, "Second edit from another tab");
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toContain("application/problem+json");
    const body = (await stale.json()) as {
      currentVersion: number;
      current: { instruction: string };
      yours: { instruction: string };
    };
    expect(body).toMatchObject({
      currentVersion: 2,
      current: { instruction: "First edit of the seed" },
      yours: { instruction: "Second edit from another tab" },
    });
    expect(parseInput(ZSaveSeed, { baseVersion: "2" }).baseVersion).toBe(2);
  });
});

describe("duplicates, search and PHI", () => {
  it("a near duplicate needs a reason to be submitted; top matches come from a cache that notices new seeds", async () => {
    const { author, reviewer, fields } = await setup();
    const first = await createSeed(
      reviewer,
      fields({ instruction: "List the common side effects of beta blockers." }),
      ctx(),
    );
    expect(
      (
        await findSimilarSeeds({
          text: "List the common side effects of ACE inhibitors.",
          viewerId: reviewer.id,
        })
      )[0]?.id,
    ).toBe(first.id);
    const { id } = await createSeed(
      author,
      fields({ instruction: "List the common side effects of beta blockers in adults." }),
      ctx(),
    );
    // Another author's draft is private: neither its text nor its id and score reach the author.
    const text = "List the common side effects of beta blockers in adults.";
    expect(
      (await findSimilarSeeds({ text, excludeId: id, viewerId: author.id })).map((m) => m.id),
    ).not.toContain(first.id);
    await submitSeed(reviewer, first.id, 1, ctx());
    const top = await findSimilarSeeds({ text, excludeId: id, viewerId: author.id });
    expect(top[0]).toMatchObject({
      id: first.id,
      instruction: "List the common side effects of beta blockers.",
    });
    expect(top[0]?.score).toBeGreaterThan(0.7);
    await expect(submitSeed(author, id, 1, ctx())).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { duplicateReason: [expect.any(String)] },
    });
    await saveSeed(
      author,
      id,
      {
        ...fields({
          instruction: "List the common side effects of beta blockers in adults.",
          duplicateReason: "Adults only: different dosing",
        }),
        baseVersion: 1,
      },
      ctx(),
    );
    await submitSeed(author, id, 2, ctx());

    const found = await listSeeds(reviewer, parseInput(ZSeedListQuery, { q: "blockers adult" }));
    expect(found.seeds.map((s) => s.id)).toEqual([id]);
    expect((await listSeeds(reviewer, parseInput(ZSeedListQuery, { q: "insulin" }))).total).toBe(0);
    expect(
      (await listSeeds(reviewer, parseInput(ZSeedListQuery, { status: "SUBMITTED", difficulty: "2" }))).total,
    ).toBe(2);
  });

  it("warns on PHI, blocks approval until it is ruled a false positive or fixed, and fixing leaves no copy", async () => {
    const { author, reviewer, fields } = await setup();
    const phiText = "Mr. John Smith (MRN: 483920) asks about his chest pain.";
    const { id } = await createSeed(
      author,
      fields({ instruction: "Answer the patient's question.", input: "I get chest pain on stairs." }),
      ctx(),
    );
    const saved = await saveSeed(
      author,
      id,
      { ...fields({ instruction: "Answer the patient's question.", input: phiText }), baseVersion: 1 },
      ctx(),
    );
    expect(saved.phiWarnings.map((w) => w.kind).sort()).toEqual(["person_name", "record_number"]);
    await submitSeed(author, id, 2, ctx());
    await expect(
      reviewSeed(reviewer, id, { baseVersion: 2, decision: "APPROVE", comment: "" }, ctx()),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const name = saved.phiWarnings.find((w) => w.kind === "person_name");
    const mrn = saved.phiWarnings.find((w) => w.kind === "record_number");
    if (!name || !mrn) throw new Error("findings");
    await expect(
      markPhiFalsePositive(author, id, { field: "input", fingerprint: mrn.fingerprint }, ctx()),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await markPhiFalsePositive(reviewer, id, { field: "input", fingerprint: mrn.fingerprint }, ctx());
    expect(await db().seedPhiDecision.count({ where: { seedId: id, decidedById: reviewer.id } })).toBe(1);
    await expect(
      reviewSeed(reviewer, id, { baseVersion: 2, decision: "APPROVE", comment: "" }, ctx()),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const fixed = await redactPhiFinding(
      author,
      id,
      { field: "input", fingerprint: name.fingerprint },
      ctx(),
    );
    expect(fixed.versionsRedacted).toBe(1);
    expect(fixed.auditRowsRedacted).toBeGreaterThanOrEqual(1);
    const everything = JSON.stringify([
      await db().seed.findMany(),
      await db().seedVersion.findMany(),
      await db().seedDraft.findMany(),
      await db().seedReview.findMany(),
      await db().auditLog.findMany({ select: { before: true, after: true } }),
    ]);
    expect(everything).not.toContain("John Smith");
    expect(everything).toContain("483920");
    expect(await db().auditLog.count({ where: { entityId: id, action: "seed.phi_redact" } })).toBe(1);
    await reviewSeed(reviewer, id, { baseVersion: 3, decision: "APPROVE", comment: "" }, ctx());
    expect((await db().seed.findUniqueOrThrow({ where: { id } })).status).toBe("APPROVED");
  });

  it("does not flag ordinary clinical text", async () => {
    const { author, fields } = await setup();
    const { id } = await createSeed(author, fields(), ctx());
    const saved = await saveSeed(
      author,
      id,
      { ...fields({ input: "A 45-year-old man has chest pain on exertion for 3 days." }), baseVersion: 1 },
      ctx(),
    );
    expect(saved.phiWarnings).toEqual([]);
  });
});
