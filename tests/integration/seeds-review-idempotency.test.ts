// The seed review route takes an Idempotency-Key like the queue's submit (lib/http/idempotency.ts):
// before, two identical reviews at once recorded one review and answered the twin 409.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { reviewSeedRoute } from "@/lib/seeds/review-route";
import { createSeed } from "@/lib/seeds/create-seed";
import { submitSeed } from "@/lib/seeds/submit-seed";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { callAs } from "../support/api-caller";
import { ctx } from "../support/factories";
import { resetDatabase } from "../support/db";
import { seedSetup } from "../support/seed-setup";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

async function submittedSeed() {
  const { author, reviewer, fields } = await seedSetup();
  const { id } = await createSeed(author, fields(), ctx());
  await submitSeed(author, id, 1, ctx());
  const { token } = await insertApiToken(db(), reviewer.id, "t", null);
  const review = (body: Record<string, unknown>, key: string) =>
    callAs(token)(reviewSeedRoute, `/api/v1/seeds/${id}/review`, {
      method: "POST",
      body,
      params: { id },
      headers: { "idempotency-key": key },
    });
  return { id, review };
}

describe("POST /api/v1/seeds/:id/review with an Idempotency-Key", () => {
  it.each(["APPROVE", "REQUEST_CHANGES"])(
    "%s twice at once: one review, both answers identical, the twin marked replayed",
    async (decision) => {
      const { id, review } = await submittedSeed();
      const body = { baseVersion: 1, decision, comment: "Looks fine" };
      const [a, b] = await Promise.all([review(body, "seed-review-1"), review(body, "seed-review-1")]);
      const [ta, tb] = [await a.text(), await b.text()];
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(ta).toBe(tb);
      expect([a.headers.get("idempotent-replayed"), b.headers.get("idempotent-replayed")].sort()).toEqual([
        null,
        "true",
      ]);
      expect(await db().seedReview.count({ where: { seedId: id } })).toBe(1);
      // A later retry replays too.
      const again = await review(body, "seed-review-1");
      expect(again.status).toBe(200);
      expect(await again.text()).toBe(ta);
      expect(await db().seedReview.count({ where: { seedId: id } })).toBe(1);
    },
  );

  it("the same key with another body is a 422 and records nothing more", async () => {
    const { id, review } = await submittedSeed();
    const first = await review(
      { baseVersion: 1, decision: "REQUEST_CHANGES", comment: "Add dosing" },
      "seed-review-2",
    );
    expect(first.status).toBe(200);
    const other = await review({ baseVersion: 1, decision: "APPROVE", comment: "" }, "seed-review-2");
    expect(other.status).toBe(422);
    expect(other.headers.get("content-type")).toContain("application/problem+json");
    expect(await db().seedReview.count({ where: { seedId: id } })).toBe(1);
    expect((await db().seed.findUniqueOrThrow({ where: { id } })).status).toBe("CHANGES_REQUESTED");
  });
});
