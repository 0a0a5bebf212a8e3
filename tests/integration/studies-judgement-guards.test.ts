import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { createStudy } from "@/lib/studies/create-study";
import { importOutputs } from "@/lib/studies/import-outputs";
import { startStudy } from "@/lib/studies/start-study";
import { nextAssignmentRoute } from "@/lib/studies/rating-routes";
import { assignmentSkipRoute, assignmentSubmitRoute } from "@/lib/queue/routes";
import { ZCreateStudy } from "@/lib/studies/schemas";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

type THandler = {
  handle: (req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>;
};

async function rater() {
  const user = await makeUser("CLINICIAN");
  const { token } = await insertApiToken(db(), user.id, "t", null);
  return (
    route: THandler,
    init: { body?: unknown; params: Record<string, string>; headers?: Record<string, string> },
  ) =>
    route.handle(
      new Request("http://app.test/api/v1/x", {
        method: "POST",
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.body === undefined ? {} : { "content-type": "application/json" }),
          ...init.headers,
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
      { params: Promise.resolve(init.params) },
    );
}

async function study(over: Record<string, unknown> = {}) {
  const admin = asCurrent(await makeUser("ADMIN"));
  const s = await createStudy(
    admin,
    ZCreateStudy.parse({
      name: "Guards",
      criteria: ["Correctness"],
      design: "all_pairs",
      ratingsPerComparison: 1,
      ...over,
    }),
    ctx(),
  );
  for (const model of ["m-one", "m-two"]) {
    await importOutputs(
      admin,
      s.id,
      Array.from({ length: 2 }, (_, i) => ({
        instruction: `Question ${i}?`,
        input: "",
        model,
        text: `answer ${i}`,
      })),
      ctx(),
    );
  }
  await startStudy(admin, s.id, ctx());
  return s.id;
}

async function claim(call: Awaited<ReturnType<typeof rater>>, id: string) {
  const res = await call(nextAssignmentRoute, { params: { id } });
  return ((await res.json()) as { assignmentId: string }).assignmentId;
}

describe("judgement guards", () => {
  it("refuses with 409 a judgement on an assignment the rater skipped, even while nobody took the slot", async () => {
    const id = await study();
    const call = await rater();
    const assignmentId = await claim(call, id);
    expect((await call(assignmentSkipRoute, { params: { id: assignmentId } })).status).toBe(204);
    const before = await db().queueAssignment.findUniqueOrThrow({
      where: { id: assignmentId },
      include: { item: true },
    });
    expect(before.status).toBe("RELEASED");
    expect(before.item.claimedSlots).toBe(0);

    const res = await call(assignmentSubmitRoute, {
      body: { choices: { correctness: "A" } },
      params: { id: assignmentId },
      headers: { "idempotency-key": "skip-00000001" },
    });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await res.json()).toMatchObject({ reason: "skipped" });
    const after = await db().queueAssignment.findUniqueOrThrow({
      where: { id: assignmentId },
      include: { item: true },
    });
    expect(after.status).toBe("RELEASED");
    expect(after.item).toMatchObject({ claimedSlots: 0, completedSlots: 0 });
    expect(await db().studyJudgement.count()).toBe(0);
    expect(await db().idempotencyKey.count()).toBe(0);
    expect(await db().auditLog.count({ where: { action: "study.judgement" } })).toBe(0);
  });

  it("refuses a judgement without a required rationale with 422 problem+json, storing nothing", async () => {
    const id = await study({ rationale: "required" });
    const call = await rater();
    const assignmentId = await claim(call, id);
    for (const rationale of [undefined, "   "]) {
      const res = await call(assignmentSubmitRoute, {
        body: { choices: { correctness: "B" }, rationale },
        params: { id: assignmentId },
        headers: { "idempotency-key": "rationale-0001" },
      });
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(await res.json()).toMatchObject({ errors: { rationale: ["Give a short rationale"] } });
    }
    const a = await db().queueAssignment.findUniqueOrThrow({
      where: { id: assignmentId },
      include: { item: true },
    });
    expect(a.status).toBe("LEASED");
    expect(a.item.completedSlots).toBe(0);
    expect(await db().studyJudgement.count()).toBe(0);
    expect(await db().idempotencyKey.count()).toBe(0);
    expect(await db().auditLog.count({ where: { action: "study.judgement" } })).toBe(0);

    // With a rationale the same key goes through: the refusals did not burn it.
    const ok = await call(assignmentSubmitRoute, {
      body: { choices: { correctness: "B" }, rationale: "cites the guideline" },
      params: { id: assignmentId },
      headers: { "idempotency-key": "rationale-0001" },
    });
    expect(ok.status).toBe(200);
    expect(await db().studyJudgement.findMany({ select: { rationale: true } })).toEqual([
      { rationale: "cites the guideline" },
    ]);
  });
});
