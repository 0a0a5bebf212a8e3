// One Idempotency-Key, two requests at the same moment (lib/http/idempotency.ts): before the key
// was taken as pending first, both passed the look-up and both did their work.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { importDatasetRoute } from "@/lib/datasets/dataset-routes";
import { createCampaignRoute } from "@/lib/audits/campaign-routes";
import { nextItemRoute } from "@/lib/audits/review-routes";
import { assignmentDraftRoute, assignmentSubmitRoute } from "@/lib/queue/routes";
import { apiCaller } from "../support/api-caller";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const ROUNDS = 5;

/** A clinician holding one claimed audit assignment. */
async function claimedAssignment() {
  const admin = await apiCaller("ADMIN");
  const ds = await admin.call(importDatasetRoute, "/api/v1/datasets?name=Q", {
    method: "POST",
    body: JSON.stringify({ instruction: "Q?", input: "", output: "A." }),
    type: "application/x-ndjson",
  });
  const datasetId = ((await ds.json()) as { id: string }).id;
  const c = await admin.call(createCampaignRoute, "/api/v1/audits", {
    method: "POST",
    body: { datasetId, name: "Keys", sampleFraction: 1, seed: 1, reviewersPerItem: 1 },
  });
  const campaignId = ((await c.json()) as { id: string }).id;
  const me = await apiCaller("CLINICIAN");
  const claim = await me.call(nextItemRoute, `/api/v1/audits/${campaignId}/assignments/next`, {
    method: "POST",
    params: { id: campaignId },
  });
  expect(claim.status).toBe(200);
  return { me, assignmentId: ((await claim.json()) as { assignmentId: string }).assignmentId };
}

describe("Idempotency-Key under concurrency", () => {
  it("two requests with one key and different bodies: one does its work, the other is a 422", async () => {
    const { me, assignmentId } = await claimedAssignment();
    const draft = (verdict: string, key: string) =>
      me.call(assignmentDraftRoute, `/api/v1/assignments/${assignmentId}/draft`, {
        method: "PUT",
        body: { verdict, correctedOutput: verdict },
        params: { id: assignmentId },
        headers: { "idempotency-key": key },
      });
    for (let round = 0; round < ROUNDS; round++) {
      const key = `draft-race-${round}`;
      const [a, b] = await Promise.all([draft("accept", key), draft("reject", key)]);
      expect([a.status, b.status].sort()).toEqual([204, 422]);
      // The draft saved is the one whose request was answered 204.
      const won = a.status === 204 ? "accept" : "reject";
      const saved = await db().queueAssignment.findUniqueOrThrow({
        where: { id: assignmentId },
        select: { draft: true },
      });
      expect(saved.draft).toMatchObject({ verdict: won });
      expect(await db().idempotencyKey.count({ where: { key } })).toBe(1);
    }
  });

  it("two requests with one key and the same body: the work runs once, the twin replays its answer", async () => {
    const { me, assignmentId } = await claimedAssignment();
    const submit = () =>
      me.call(assignmentSubmitRoute, `/api/v1/assignments/${assignmentId}/submit`, {
        method: "POST",
        body: { verdict: "accept", flags: [] },
        params: { id: assignmentId },
        headers: { "idempotency-key": "submit-race-1" },
      });
    const [a, b] = await Promise.all([submit(), submit()]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect([a.headers.get("idempotent-replayed"), b.headers.get("idempotent-replayed")].sort()).toEqual(
      ["true", null].sort(),
    );
    expect(await a.json()).toEqual(await b.json());
    expect(await db().auditReview.count()).toBe(1);
  });

  it("two refused requests racing on one key: each is answered by the feature, neither is stored", async () => {
    const { me, assignmentId } = await claimedAssignment();
    for (let round = 0; round < ROUNDS; round++) {
      const key = `refused-race-${round}`;
      const draft = (verdict: string) =>
        me.call(assignmentDraftRoute, `/api/v1/assignments/${assignmentId}/draft`, {
          method: "PUT",
          body: { verdict },
          params: { id: assignmentId },
          headers: { "idempotency-key": key },
        });
      // Invalid twice: both answered 422 by the feature, neither stored.
      const [a, b] = await Promise.all([draft("maybe"), draft("maybe")]);
      expect([a.status, b.status]).toEqual([422, 422]);
      expect(await db().idempotencyKey.count({ where: { key } })).toBe(0);
    }
  });
});
