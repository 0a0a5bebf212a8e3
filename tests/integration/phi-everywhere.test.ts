import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { assignmentSubmitRoute } from "@/lib/queue/routes";
import { adjudicateRoute } from "@/lib/audits/result-routes";
import { createSeed } from "@/lib/seeds/create-seed";
import { reviewSeedRoute } from "@/lib/seeds/review-route";
import { submitSeed } from "@/lib/seeds/submit-seed";
import { createStudy } from "@/lib/studies/create-study";
import { importOutputs } from "@/lib/studies/import-outputs";
import { nextAssignmentRoute } from "@/lib/studies/rating-routes";
import { ZCreateStudy } from "@/lib/studies/schemas";
import { startStudy } from "@/lib/studies/start-study";
import { apiCaller, type TRouteHandler } from "../support/api-caller";
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
/** The generated record names someone: copying it is not the reviewer's doing. */
const OUTPUT = "Patient John Smith should rest and take paracetamol.";
type TProblem = {
  type: string;
  status: number;
  findings: { field: string; kind: string; start: number; end: number }[];
};

async function problemOf(res: Response): Promise<TProblem> {
  expect(res.status).toBe(422);
  expect(res.headers.get("content-type")).toContain("application/problem+json");
  const body = (await res.json()) as TProblem;
  expect(body.type).toMatch(/\/phi-findings$/);
  // Offsets and kinds only: the literal never leaves in the answer.
  expect(JSON.stringify(body)).not.toContain(NAME);
  return body;
}

function auditItem() {
  return claimAuditTask({ instruction: "Advise on back pain.", input: "", output: OUTPUT });
}

describe("audit reviews", () => {
  it("refuse new identifiers with 422 until confirmed; a retry with the same key and the flag lands once, with its confirmation", async () => {
    const { reviewer, task } = await auditItem();
    // The record under review comes with its own PHI-like spans, for the reviewer to flag.
    expect(task.phiSpans.output?.map((s) => task.output.slice(s.start, s.end))).toEqual(["John Smith"]);

    const send = (body: Record<string, unknown>, key: string) =>
      reviewer.call(assignmentSubmitRoute, `/api/v1/assignments/${task.assignmentId}/submit`, {
        method: "POST",
        body,
        headers: { "idempotency-key": key },
        params: { id: task.assignmentId },
      });
    // The copied name is not the reviewer's to confirm: a correction that keeps it goes straight through elsewhere;
    // here the reviewer adds a new name to the correction and another in the rationale.
    const correctedOutput = OUTPUT.replace("should rest", `should ask ${NAME} and rest`);
    const review = { verdict: "revise", correctedOutput, rationale: "Call 020 7946 0958 first." };
    const refused = await problemOf(await send(review, "review-key-1"));
    expect(refused.findings).toEqual([
      {
        field: "correctedOutput",
        kind: "person_name",
        start: correctedOutput.indexOf(NAME),
        end: correctedOutput.indexOf(NAME) + NAME.length,
      },
      { field: "rationale", kind: "phone", start: 5, end: 18 },
    ]);
    expect(await db().auditReview.count()).toBe(0);
    expect(await db().idempotencyKey.count()).toBe(0);

    // The same Idempotency-Key: the 422 was not stored, so the confirmed retry is the first success.
    const ok = await send({ ...review, phiConfirmed: true }, "review-key-1");
    expect(ok.status).toBe(201);
    const stored = await db().auditReview.findFirstOrThrow();
    expect(stored.correctedOutput).toBe(correctedOutput);
    const confirmations = await db().phiConfirmation.findMany({ orderBy: { field: "asc" } });
    expect(confirmations.map((c) => [c.entityType, c.entityId, c.field, c.kind, c.confirmedById])).toEqual([
      ["audit_review", stored.id, "correctedOutput", "person_name", reviewer.user.id],
      ["audit_review", stored.id, "rationale", "phone", reviewer.user.id],
    ]);
    expect(JSON.stringify(confirmations)).not.toContain(NAME);
    expect(confirmations[0]?.fingerprint).toMatch(/^person_name:/);

    // A replay (with or without the flag) answers the stored review and records nothing more.
    const replay = await send({ ...review, phiConfirmed: true }, "review-key-1");
    expect(replay.status).toBe(201);
    expect(await replay.json()).toMatchObject({ reviewId: stored.id });
    expect(await db().phiConfirmation.count()).toBe(2);
    expect(await db().auditReview.count()).toBe(1);
  });

  it("let a correction that only copies the record's identifiers through without asking", async () => {
    const { reviewer, task } = await auditItem();
    const res = await reviewer.call(
      assignmentSubmitRoute,
      `/api/v1/assignments/${task.assignmentId}/submit`,
      {
        method: "POST",
        body: { verdict: "revise", correctedOutput: `${OUTPUT} Review in two weeks.` },
        params: { id: task.assignmentId },
      },
    );
    expect(res.status).toBe(201);
    expect(await db().phiConfirmation.count()).toBe(0);
  });
});

describe("adjudications", () => {
  it("refuse what the admin added until confirmed, then record it with the verdict", async () => {
    const { admin, reviewer, campaignId, task } = await auditItem();
    await reviewer.call(assignmentSubmitRoute, `/api/v1/assignments/${task.assignmentId}/submit`, {
      method: "POST",
      body: { verdict: "accept" },
      params: { id: task.assignmentId },
    });
    const item = await db().auditItem.findFirstOrThrow({ where: { campaignId } });
    const adjudicate = (body: Record<string, unknown>) =>
      admin.call(adjudicateRoute, `/api/v1/audits/${campaignId}/items/${item.id}/adjudicate`, {
        method: "POST",
        body,
        params: { id: campaignId, itemId: item.id },
      });
    const body = { verdict: "revise", correctedOutput: `${OUTPUT} Seen by ${NAME}.` };
    const refused = await problemOf(await adjudicate(body));
    expect(refused.findings.map((f) => [f.field, f.kind])).toEqual([["correctedOutput", "person_name"]]);
    expect((await db().auditItem.findUniqueOrThrow({ where: { id: item.id } })).finalVerdict).toBeNull();

    expect((await adjudicate({ ...body, phiConfirmed: true })).status).toBe(204);
    expect((await db().auditItem.findUniqueOrThrow({ where: { id: item.id } })).finalVerdict).toBe("revise");
    expect(await db().phiConfirmation.findMany()).toMatchObject([
      {
        entityType: "audit_item",
        entityId: item.id,
        field: "correctedOutput",
        kind: "person_name",
        confirmedById: admin.user.id,
      },
    ]);
  });
});

describe("study judgements", () => {
  it("refuse a rationale with an identifier until confirmed; the retry with the same key lands", async () => {
    const admin = asCurrent(await makeUser("ADMIN"));
    const study = await createStudy(
      admin,
      ZCreateStudy.parse({ name: "S", criteria: ["Accuracy"], design: "all_pairs", ratingsPerComparison: 1 }),
      ctx(),
    );
    for (const model of ["m1", "m2"])
      await importOutputs(
        admin,
        study.id,
        [{ instruction: "Q?", input: "", model, text: `answer by ${model}` }],
        ctx(),
      );
    await startStudy(admin, study.id, ctx());
    const rater = await apiCaller("CLINICIAN");
    const next = await rater.call(nextAssignmentRoute, `/api/v1/studies/${study.id}/assignments/next`, {
      method: "POST",
      params: { id: study.id },
    });
    const { assignmentId } = (await next.json()) as { assignmentId: string };
    const judge = (body: Record<string, unknown>) =>
      rater.call(assignmentSubmitRoute, `/api/v1/assignments/${assignmentId}/submit`, {
        method: "POST",
        body,
        headers: { "idempotency-key": "judge-key-1" },
        params: { id: assignmentId },
      });
    const body = { choices: { accuracy: "A" }, rationale: `A is what I told ${NAME} yesterday.` };
    const refused = await problemOf(await judge(body));
    expect(refused.findings.map((f) => [f.field, f.kind])).toContainEqual(["rationale", "person_name"]);
    expect(await db().studyJudgement.count()).toBe(0);

    const ok = await judge({ ...body, phiConfirmed: true });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "submitted", judgements: 1 });
    const confirmations = await db().phiConfirmation.findMany();
    expect(confirmations.map((c) => [c.entityType, c.entityId, c.field, c.confirmedById])).toContainEqual([
      "study_judgement",
      assignmentId,
      "rationale",
      rater.user.id,
    ]);
    // The replay answers the same and stores nothing twice.
    expect(await (await judge({ ...body, phiConfirmed: true })).json()).toEqual({
      status: "submitted",
      judgements: 1,
    });
    expect(await db().phiConfirmation.count()).toBe(confirmations.length);
    expect(await db().studyJudgement.count()).toBe(1);
  });
});

describe("seed review comments", () => {
  async function submitted() {
    const { author, reviewer, fields } = await seedSetup();
    const { id } = await createSeed(author, fields(), ctx());
    await submitSeed(author, id, 1, ctx());
    const { token } = await insertApiToken(db(), reviewer.id, "t", null);
    const review = (body: Record<string, unknown>) =>
      (reviewSeedRoute as TRouteHandler).handle(
        new Request(`http://app.test/api/v1/seeds/${id}/review`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ baseVersion: 1, ...body }),
        }),
        { params: Promise.resolve({ id }) },
      );
    return { id, reviewer, review };
  }

  it("refuse a request for changes naming someone until confirmed; the confirmed comment still blocks approval as a finding", async () => {
    const { id, reviewer, review } = await submitted();
    const body = { decision: "REQUEST_CHANGES", comment: `Like ${NAME} in bed 4: say what to do at rest.` };
    const refused = await problemOf(await review(body));
    expect(refused.findings.map((f) => [f.field, f.kind])).toEqual([["comment", "person_name"]]);
    expect(await db().seedReview.count()).toBe(0);

    expect((await review({ ...body, phiConfirmed: true })).status).toBe(200);
    const stored = await db().seedReview.findFirstOrThrow({ where: { seedId: id } });
    expect(await db().phiConfirmation.findMany()).toMatchObject([
      {
        entityType: "seed_review",
        entityId: stored.id,
        field: "comment",
        kind: "person_name",
        confirmedById: reviewer.id,
      },
    ]);
    // The seed's own rule is unchanged: the comment is one of its open findings until someone rules on it.
    const seed = await db().seed.findUniqueOrThrow({ where: { id } });
    expect(seed.status).toBe("CHANGES_REQUESTED");
  });

  it("refuse an approval comment with an identifier even when confirmed", async () => {
    const { review } = await submitted();
    const res = await review({
      decision: "APPROVE",
      comment: `Fine, unlike ${NAME}'s case.`,
      phiConfirmed: true,
    });
    const problem = (await problemOf(res)) as TProblem & { confirmable: boolean };
    expect(problem.confirmable).toBe(false);
    expect(await db().seedReview.count()).toBe(0);
  });
});
