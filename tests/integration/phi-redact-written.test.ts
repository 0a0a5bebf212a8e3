import { createHash } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { assignmentDraftRoute, assignmentSubmitRoute } from "@/lib/queue/routes";
import { adjudicateRoute } from "@/lib/audits/result-routes";
import { listConfirmationsRoute, redactConfirmationRoute } from "@/lib/phi-guard/routes";
import { redactWrittenText } from "@/lib/phi-guard/redact-written-text";
import { literalFingerprint, phiFingerprint } from "@/lib/phi-guard/fingerprint";
import { detectPhi } from "@/lib/phi";
import { createSeed } from "@/lib/seeds/create-seed";
import { reviewSeedRoute } from "@/lib/seeds/review-route";
import { submitSeed } from "@/lib/seeds/submit-seed";
import { createStudy } from "@/lib/studies/create-study";
import { importOutputs } from "@/lib/studies/import-outputs";
import { nextAssignmentRoute } from "@/lib/studies/rating-routes";
import { ZCreateStudy } from "@/lib/studies/schemas";
import { startStudy } from "@/lib/studies/start-study";
import { apiCaller, callAs } from "../support/api-caller";
import { claimAuditTask } from "../support/audit-task";
import { resetDatabase } from "../support/db";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { seedSetup } from "../support/seed-setup";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const NAME = "Jane Doe";
const PLACEHOLDER = "[REDACTED PERSON NAME]";
const OUTPUT = "Rest and take paracetamol.";
const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");
/** Plain hashes of the name that a reader of the trail could check a guess against. */
const PLAIN = [sha256(NAME), sha256(NAME.toLowerCase()), sha256("jane doe")];

type TAdmin = Awaited<ReturnType<typeof apiCaller>>;
type TListed = {
  items: {
    id: string;
    entityType: string;
    entityId: string;
    field: string;
    kind: string;
    redactedAt: string | null;
    redactedBy: { name: string } | null;
    context: { text: string; start: number; end: number } | null;
  }[];
  total: number;
};

const redact = (admin: TAdmin, id: string) =>
  admin.call(redactConfirmationRoute, `/api/v1/phi/confirmations/${id}/redact`, {
    method: "POST",
    params: { id },
  });
const list = async (admin: TAdmin) =>
  (await (await admin.call(listConfirmationsRoute, "/api/v1/phi/confirmations")).json()) as TListed;

/** A copy of the text in the audit trail, as an older build or a future action might have written it. */
async function auditCopy(entityType: string, entityId: string) {
  await db().auditLog.create({
    data: { action: "test.copy", entityType, entityId, after: { note: `about ${NAME}` } },
  });
}

/**
 * Redacts the one open confirmation of this entity through the API, then checks every promise:
 * no stored copy of the name left anywhere, each changed audit row recorded by the database
 * function with the name's keyed fingerprint (no plain hash a guess could be checked against), the
 * service's own row by keyed fingerprint, the confirmation marked,
 * and a second click a no-op.
 */
async function redactAndCheck(admin: TAdmin, entityType: string, entityId: string) {
  const before = await list(admin);
  const listed = before.items.find((i) => i.entityType === entityType && i.entityId === entityId);
  expect(listed?.context && listed.context.text.slice(listed.context.start, listed.context.end)).toBe(NAME);

  const res = await redact(admin, listed?.id ?? "");
  expect(res.status).toBe(200);
  const body = (await res.json()) as {
    redacted: boolean;
    fieldsRedacted: number;
    auditRowsRedacted: number;
    draftsRedacted: number;
  };
  expect(body.redacted).toBe(true);
  expect(body.fieldsRedacted).toBeGreaterThan(0);
  expect(body.auditRowsRedacted).toBeGreaterThan(0);

  const trail = await db().auditLog.findMany({ orderBy: { id: "asc" } });
  expect(JSON.stringify(trail, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).not.toContain(
    NAME,
  );
  const fnRows = trail.filter((r) => r.action === "audit_log.redact");
  expect(fnRows).toHaveLength(body.auditRowsRedacted);
  for (const r of fnRows)
    expect(r).toMatchObject({ actorId: admin.user.id, after: { hmac: [literalFingerprint(NAME)] } });
  const trailText = JSON.stringify(trail, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
  for (const plain of PLAIN) expect(trailText).not.toContain(plain);
  const own = trail.filter((r) => r.action === "phi.redact");
  expect(own).toHaveLength(1);
  expect(own[0]).toMatchObject({ actorId: admin.user.id, entityType, entityId });
  const findings = (own[0]?.after as { findings: { kind: string; fingerprint: string }[] }).findings;
  expect(findings.map((f) => f.kind)).toEqual(["person_name"]);
  expect(findings[0]?.fingerprint).toBe(phiFingerprint("person_name", NAME));
  expect(findings[0]?.fingerprint).toMatch(/^person_name:[0-9a-f]{64}$/);

  const confirmations = await db().phiConfirmation.findMany({ where: { entityType, entityId } });
  expect(confirmations.length).toBeGreaterThan(0);
  for (const c of confirmations) {
    expect(c.redactedById).toBe(admin.user.id);
    expect(c.redactedAt).toBeInstanceOf(Date);
  }
  const after = (await list(admin)).items.find((i) => i.id === listed?.id);
  expect(after).toMatchObject({ redactedBy: { name: admin.user.name }, context: null });

  // Twice: nothing left to do, nothing written.
  const again = await redact(admin, listed?.id ?? "");
  expect(again.status).toBe(200);
  expect(await again.json()).toMatchObject({ redacted: false, fieldsRedacted: 0 });
  expect(await db().auditLog.count()).toBe(trail.length);
  return body;
}

async function auditTask() {
  const { admin, reviewer, campaignId, task } = await claimAuditTask({
    instruction: "Advise on back pain.",
    input: "",
    output: OUTPUT,
  });
  return { admin, reviewer, campaignId, assignmentId: task.assignmentId };
}

describe("an admin redacts a confirmed identifier", () => {
  it("from an audit review: correction and rationale, the autosaved draft and the audit rows", async () => {
    const { admin, reviewer, assignmentId } = await auditTask();
    const correctedOutput = `${OUTPUT} Ask ${NAME} first.`;
    const rationale = `${NAME} knows the patient.`;
    expect(
      (
        await reviewer.call(assignmentDraftRoute, `/api/v1/assignments/${assignmentId}/draft`, {
          method: "PUT",
          body: { verdict: "revise", flags: [], correctedOutput, rationale },
          params: { id: assignmentId },
        })
      ).status,
    ).toBeLessThan(300);
    const ok = await reviewer.call(assignmentSubmitRoute, `/api/v1/assignments/${assignmentId}/submit`, {
      method: "POST",
      body: { verdict: "revise", correctedOutput, rationale, phiConfirmed: true },
      params: { id: assignmentId },
    });
    expect(ok.status).toBe(201);
    const review = await db().auditReview.findFirstOrThrow();
    await auditCopy("audit_item", review.itemId);
    // Both fields were confirmed; one redaction takes the name out of both and closes both.
    expect(
      await db().phiConfirmation.count({ where: { entityType: "audit_review", entityId: review.id } }),
    ).toBe(2);

    // Not for the reviewer, nor for an unknown or malformed id.
    expect((await reviewer.call(listConfirmationsRoute, "/api/v1/phi/confirmations")).status).toBe(403);
    const mine = await db().phiConfirmation.findFirstOrThrow();
    expect((await redact(reviewer, mine.id)).status).toBe(403);
    expect((await redact(admin, "00000000-0000-4000-8000-000000000abc")).status).toBe(404);
    expect((await redact(admin, "not-a-uuid")).status).toBe(400);
    expect((await db().auditReview.findFirstOrThrow()).correctedOutput).toContain(NAME);

    const r = await redactAndCheck(admin, "audit_review", review.id);
    expect(r).toMatchObject({ fieldsRedacted: 2, draftsRedacted: 1, confirmationsRedacted: 2 });
    const stored = await db().auditReview.findFirstOrThrow();
    expect(stored.correctedOutput).toBe(`${OUTPUT} Ask ${PLACEHOLDER} first.`);
    expect(stored.rationale).toBe(`${PLACEHOLDER} knows the patient.`);
    const a = await db().queueAssignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect(JSON.stringify(a.draft)).not.toContain(NAME);
    expect(JSON.stringify(a.draft)).toContain(PLACEHOLDER);
  });

  it("from an adjudication's final correction", async () => {
    const { admin, reviewer, campaignId, assignmentId } = await auditTask();
    await reviewer.call(assignmentSubmitRoute, `/api/v1/assignments/${assignmentId}/submit`, {
      method: "POST",
      body: { verdict: "accept" },
      params: { id: assignmentId },
    });
    const item = await db().auditItem.findFirstOrThrow({ where: { campaignId } });
    const res = await admin.call(
      adjudicateRoute,
      `/api/v1/audits/${campaignId}/items/${item.id}/adjudicate`,
      {
        method: "POST",
        body: { verdict: "revise", correctedOutput: `${OUTPUT} Seen by ${NAME}.`, phiConfirmed: true },
        params: { id: campaignId, itemId: item.id },
      },
    );
    expect(res.status).toBe(204);
    await auditCopy("audit_item", item.id);
    await redactAndCheck(admin, "audit_item", item.id);
    expect((await db().auditItem.findUniqueOrThrow({ where: { id: item.id } })).finalOutput).toBe(
      `${OUTPUT} Seen by ${PLACEHOLDER}.`,
    );
  });

  it("from a study rationale, on every criterion's judgement and in the rating draft", async () => {
    const admin = await apiCaller("ADMIN");
    const manager = asCurrent(admin.user);
    const study = await createStudy(
      manager,
      ZCreateStudy.parse({
        name: "S",
        criteria: ["Accuracy", "Safety"],
        design: "all_pairs",
        ratingsPerComparison: 1,
      }),
      ctx(),
    );
    for (const model of ["m1", "m2"])
      await importOutputs(
        manager,
        study.id,
        [{ instruction: "Q?", input: "", model, text: `answer by ${model}` }],
        ctx(),
      );
    await startStudy(manager, study.id, ctx());
    const rater = await apiCaller("CLINICIAN");
    const next = await rater.call(nextAssignmentRoute, `/api/v1/studies/${study.id}/assignments/next`, {
      method: "POST",
      params: { id: study.id },
    });
    const { assignmentId } = (await next.json()) as { assignmentId: string };
    const rationale = `A is what I told ${NAME} yesterday.`;
    const draft = await rater.call(assignmentDraftRoute, `/api/v1/assignments/${assignmentId}/draft`, {
      method: "PUT",
      body: { choices: { accuracy: "A" }, rationale, elapsedMs: 10 },
      params: { id: assignmentId },
    });
    expect(draft.status).toBeLessThan(300);
    const ok = await rater.call(assignmentSubmitRoute, `/api/v1/assignments/${assignmentId}/submit`, {
      method: "POST",
      body: { choices: { accuracy: "A", safety: "tie" }, rationale, phiConfirmed: true },
      params: { id: assignmentId },
    });
    expect(ok.status).toBe(200);
    await auditCopy("QueueAssignment", assignmentId);
    const r = await redactAndCheck(admin, "study_judgement", assignmentId);
    expect(r.draftsRedacted).toBe(1);
    const judgements = await db().studyJudgement.findMany({ where: { assignmentId } });
    expect(judgements.map((j) => j.rationale)).toEqual([
      `A is what I told ${PLACEHOLDER} yesterday.`,
      `A is what I told ${PLACEHOLDER} yesterday.`,
    ]);
  });

  it("from a seed review comment and the seed's own audit row that copied it", async () => {
    const admin = await apiCaller("ADMIN");
    const { author, reviewer, fields } = await seedSetup();
    const { id } = await createSeed(author, fields(), ctx());
    await submitSeed(author, id, 1, ctx());
    const { token } = await insertApiToken(db(), reviewer.id, "t", null);
    const res = await callAs(token)(reviewSeedRoute, `/api/v1/seeds/${id}/review`, {
      method: "POST",
      body: {
        baseVersion: 1,
        decision: "REQUEST_CHANGES",
        comment: `Like ${NAME} in bed 4: say what to do at rest.`,
        phiConfirmed: true,
      },
      params: { id },
    });
    expect(res.status).toBe(200);
    const review = await db().seedReview.findFirstOrThrow({ where: { seedId: id } });
    // The request for changes wrote the comment into the seed's audit trail itself.
    expect(
      JSON.stringify(
        (await db().auditLog.findMany({ where: { entityType: "seed", entityId: id } })).map((r) => r.after),
      ),
    ).toContain(NAME);
    await redactAndCheck(admin, "seed_review", review.id);
    expect((await db().seedReview.findUniqueOrThrow({ where: { id: review.id } })).comment).toBe(
      `Like ${PLACEHOLDER} in bed 4: say what to do at rest.`,
    );
  });
});

it("a confirmation of another kind of text, or of a text since deleted, is a 404, never a 500", async () => {
  const admin = await apiCaller("ADMIN");
  const someone = await makeUser("CLINICIAN");
  const c = await db().phiConfirmation.create({
    data: {
      entityType: "audit_review",
      entityId: "00000000-0000-4000-8000-0000000000cd",
      field: "rationale",
      kind: "person_name",
      fingerprint: "person_name:0",
      confirmedById: someone.id,
    },
  });
  expect((await redact(admin, c.id)).status).toBe(404);
  expect((await db().phiConfirmation.findUniqueOrThrow({ where: { id: c.id } })).redactedAt).toBeNull();
});

it("an admin can redact a finding chosen from a fresh scan of the stored text, confirmed or not; nobody else can", async () => {
  const { admin, reviewer, assignmentId } = await auditTask();
  const rationale = "Call 020 7946 0958 before discharge.";
  const ok = await reviewer.call(assignmentSubmitRoute, `/api/v1/assignments/${assignmentId}/submit`, {
    method: "POST",
    body: { verdict: "reject", rationale, phiConfirmed: true },
    params: { id: assignmentId },
  });
  expect(ok.status).toBe(201);
  const review = await db().auditReview.findFirstOrThrow();
  const phone = detectPhi(rationale).find((f) => f.kind === "phone");
  const args = {
    entityType: "audit_review",
    entityId: review.id,
    field: "rationale",
    fingerprints: [phiFingerprint("phone", phone?.text ?? "")],
  };
  await expect(redactWrittenText(reviewer.current, args, ctx())).rejects.toMatchObject({ code: "FORBIDDEN" });
  await expect(
    redactWrittenText(admin.current, { ...args, entityType: "user" }, ctx()),
  ).rejects.toMatchObject({ code: "NOT_FOUND" });
  await expect(redactWrittenText(admin.current, { ...args, field: "verdict" }, ctx())).rejects.toMatchObject({
    code: "VALIDATION",
  });

  expect(await redactWrittenText(admin.current, args, ctx())).toMatchObject({
    redacted: true,
    fieldsRedacted: 1,
    confirmationsRedacted: 1,
  });
  expect((await db().auditReview.findFirstOrThrow()).rationale).toBe(
    "Call [REDACTED PHONE] before discharge.",
  );
  expect(await redactWrittenText(admin.current, args, ctx())).toMatchObject({ redacted: false });
});

it("a confirmation whose fingerprint the migration marked legacy is still listed with context and redacts every identifier of its kind in its field", async () => {
  const { admin, reviewer, assignmentId } = await auditTask();
  const rationale = "Call 020 7946 0958 or 020 7946 0000 before discharge.";
  const ok = await reviewer.call(assignmentSubmitRoute, `/api/v1/assignments/${assignmentId}/submit`, {
    method: "POST",
    body: { verdict: "reject", rationale, phiConfirmed: true },
    params: { id: assignmentId },
  });
  expect(ok.status).toBe(201);
  const confirmations = await db().phiConfirmation.findMany({ orderBy: { id: "asc" } });
  expect(confirmations.map((c) => c.kind)).toEqual(["phone", "phone"]);
  // As the migration left a 64-bit value it could not re-key.
  const legacy = confirmations[0];
  await db().phiConfirmation.update({
    where: { id: legacy?.id },
    data: { fingerprint: `phone:legacy-${legacy?.id}` },
  });
  const listed = (await list(admin)).items.find((i) => i.id === legacy?.id);
  expect(listed?.context && listed.context.text.slice(listed.context.start, listed.context.end)).toBe(
    "020 7946 0958",
  );
  expect((await redact(admin, legacy?.id ?? "")).status).toBe(200);
  expect((await db().auditReview.findFirstOrThrow()).rationale).toBe(
    "Call [REDACTED PHONE] or [REDACTED PHONE] before discharge.",
  );
});
