import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { createSeed } from "@/lib/seeds/create-seed";
import { getSeed } from "@/lib/seeds/get-seed";
import { markPhiFalsePositive } from "@/lib/seeds/mark-phi-false-positive";
import { redactPhiFinding } from "@/lib/seeds/redact-phi-finding";
import { reviewSeed } from "@/lib/seeds/review-seed";
import { saveSeed } from "@/lib/seeds/save-seed";
import { submitSeed } from "@/lib/seeds/submit-seed";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";
import { seedSetup } from "../support/seed-setup";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const NAME = "Mr. John Smith";

const setup = () => seedSetup("Answer the patient's question.");

/** Every stored copy of seed text: the seed rows, versions, drafts, reviews and the audit trail. */
async function everything() {
  return JSON.stringify([
    await db().seed.findMany(),
    await db().seedVersion.findMany(),
    await db().seedDraft.findMany(),
    await db().seedReview.findMany(),
    await db().auditLog.findMany({ select: { before: true, after: true } }),
  ]);
}

describe("fixing a PHI finding by editing the text", () => {
  it("redacts the identifier in earlier versions and audit rows, marks the finding fixed and records the redaction", async () => {
    const { author, fields } = await setup();
    const { id } = await createSeed(author, fields({ input: `${NAME} asks about his chest pain.` }), ctx());
    await saveSeed(
      author,
      id,
      { ...fields({ input: `${NAME} asks about chest pain on stairs.` }), baseVersion: 1 },
      ctx(),
    );
    expect(await everything()).toContain("John Smith");

    const saved = await saveSeed(
      author,
      id,
      { ...fields({ input: "The patient asks about chest pain on stairs." }), baseVersion: 2 },
      ctx(),
    );
    expect(saved.phiWarnings).toEqual([]);
    expect(await everything()).not.toContain("John Smith");
    const save = await db().auditLog.findFirstOrThrow({
      where: { entityId: id, action: "seed.save" },
      orderBy: { id: "desc" },
    });
    expect(save.before).toMatchObject({ input: "Mr. [REDACTED] asks about chest pain on stairs." });

    const redaction = await db().auditLog.findFirstOrThrow({
      where: { entityId: id, action: "seed.phi_redact" },
    });
    expect(redaction).toMatchObject({ actorId: author.id });
    expect(redaction.after).toMatchObject({
      via: "save",
      version: 3,
      versionsRedacted: 2,
      findings: [{ field: "input", kind: "person_name" }],
    });
    const decisions = await db().seedPhiDecision.findMany({ where: { seedId: id } });
    expect(decisions).toMatchObject([
      { field: "input", kind: "person_name", decision: "fixed", decidedById: author.id },
    ]);
    // The version written by the save itself was never touched.
    expect(
      (await db().seedVersion.findFirstOrThrow({ where: { seedId: id, version: 3 } })).snapshot,
    ).toMatchObject({
      input: "The patient asks about chest pain on stairs.",
    });
  });

  it("an identifier moved to another field is not fixed, and a fixed one typed again is open again", async () => {
    const { author, reviewer, fields } = await setup();
    const { id } = await createSeed(author, fields({ input: `${NAME} asks about his chest pain.` }), ctx());
    await saveSeed(
      author,
      id,
      {
        ...fields({ input: "The patient asks.", authorNotes: `From ${NAME}'s clinic letter.` }),
        baseVersion: 1,
      },
      ctx(),
    );
    expect(await db().auditLog.count({ where: { entityId: id, action: "seed.phi_redact" } })).toBe(0);
    expect(await everything()).toContain("John Smith");

    await saveSeed(author, id, { ...fields({ input: "The patient asks." }), baseVersion: 2 }, ctx());
    expect(await everything()).not.toContain("John Smith");
    const again = await saveSeed(
      author,
      id,
      { ...fields({ input: `${NAME} asks.` }), baseVersion: 3 },
      ctx(),
    );
    expect(again.phiWarnings.map((w) => w.kind)).toEqual(["person_name"]);
    await submitSeed(author, id, 4, ctx());
    // "Fixed" is history, not a ruling: the identifier typed again blocks approval like any finding.
    await expect(
      reviewSeed(reviewer, id, { baseVersion: 4, decision: "APPROVE", comment: "" }, ctx()),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a finding ruled a false positive is not redacted when the text changes", async () => {
    const { author, reviewer, fields } = await setup();
    const { id } = await createSeed(author, fields({ input: `${NAME} asks about his chest pain.` }), ctx());
    await submitSeed(author, id, 1, ctx());
    const finding = (await getSeed(reviewer, id)).phiFindings[0];
    if (!finding) throw new Error("no finding");
    await markPhiFalsePositive(
      reviewer,
      id,
      { field: finding.field, fingerprint: finding.fingerprint },
      ctx(),
    );
    await saveSeed(
      author,
      id,
      { ...fields({ input: "The patient asks about his chest pain." }), baseVersion: 1 },
      ctx(),
    );
    expect(await db().auditLog.count({ where: { entityId: id, action: "seed.phi_redact" } })).toBe(0);
    expect(await everything()).toContain("John Smith");
  });
});

describe("the PHI scan covers every free-text field a person writes", () => {
  it("warns on the first save, and on the duplicate reason and specialty tags", async () => {
    const { author, fields } = await setup();
    const created = await createSeed(author, fields({ input: `${NAME} asks about his chest pain.` }), ctx());
    expect(created.phiWarnings).toMatchObject([{ field: "input", kind: "person_name", text: "John Smith" }]);

    const saved = await saveSeed(
      author,
      created.id,
      {
        ...fields({
          duplicateReason: "Asked for by Dr. Jane Doe's clinic",
          specialtyTags: "cardiology, jane.doe@example.org",
        }),
        baseVersion: 1,
      },
      ctx(),
    );
    expect(saved.phiWarnings.map((w) => [w.field, w.kind]).sort()).toEqual([
      ["duplicateReason", "person_name"],
      ["specialtyTags", "email"],
    ]);
    const detail = await getSeed(author, created.id);
    expect(detail.phiFindings.map((f) => f.field).sort()).toEqual(["duplicateReason", "specialtyTags"]);
  });

  it("a review comment with an identifier blocks approval until it is redacted everywhere", async () => {
    const { author, reviewer, fields } = await setup();
    const { id } = await createSeed(author, fields(), ctx());
    await submitSeed(author, id, 1, ctx());
    const comment = `Like ${NAME} in bed 4: say what to do at rest.`;
    // The reviewer is asked first; confirmed, the comment is stored and stays one of the seed's findings.
    await expect(
      reviewSeed(reviewer, id, { baseVersion: 1, decision: "REQUEST_CHANGES", comment }, ctx()),
    ).rejects.toMatchObject({ code: "PHI_FINDINGS", status: 422 });
    await reviewSeed(
      reviewer,
      id,
      { baseVersion: 1, decision: "REQUEST_CHANGES", comment, phiConfirmed: true },
      ctx(),
    );
    const finding = (await getSeed(author, id)).phiFindings.find((f) => f.field === "reviewComment");
    expect(finding).toMatchObject({ kind: "person_name", resolved: false });
    await saveSeed(
      author,
      id,
      { ...fields({ instruction: "Answer the patient's question about pain at rest." }), baseVersion: 1 },
      ctx(),
    );
    await submitSeed(author, id, 2, ctx());
    const other = asCurrent(await makeUser("CLINICIAN"));
    await expect(
      reviewSeed(other, id, { baseVersion: 2, decision: "APPROVE", comment: "" }, ctx()),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    if (!finding) throw new Error("no finding");
    await redactPhiFinding(author, id, { field: "reviewComment", fingerprint: finding.fingerprint }, ctx());
    expect(await everything()).not.toContain("John Smith");
    // Only the comment held the identifier: the seed keeps its version, so the reviewer's page stays current.
    expect((await db().seed.findUniqueOrThrow({ where: { id } })).version).toBe(2);
    // An identifier in an approval comment could never be fixed (approved seeds are frozen): refused.
    await expect(
      reviewSeed(
        other,
        id,
        { baseVersion: 2, decision: "APPROVE", comment: `Fine, unlike ${NAME}'s case.` },
        ctx(),
      ),
    ).rejects.toMatchObject({
      code: "PHI_FINDINGS",
      fieldErrors: { comment: [expect.any(String)] },
    });
    await reviewSeed(other, id, { baseVersion: 2, decision: "APPROVE", comment: "Clear now." }, ctx());
    expect((await db().seed.findUniqueOrThrow({ where: { id } })).status).toBe("APPROVED");
  });
});
