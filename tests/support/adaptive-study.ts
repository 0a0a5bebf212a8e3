// A started adaptive study built in-process (no HTTP): `models` × `prompts`, every pair of models
// on every prompt, one rating per comparison, one criterion (Quality). For the adaptive claim's
// SQL tests, which then shape the queue's state directly.
import { db } from "@/lib/db/prisma";
import { createStudy } from "@/lib/studies/create-study";
import { importOutputs } from "@/lib/studies/import-outputs";
import { ZCreateStudy } from "@/lib/studies/schemas";
import { startStudy } from "@/lib/studies/start-study";
import { asCurrent, ctx, makeUser } from "./factories";

export async function startedAdaptiveStudy(
  models: number,
  prompts: number,
  over: Record<string, unknown> = {},
) {
  const admin = asCurrent(await makeUser("ADMIN"));
  const s = await createStudy(
    admin,
    ZCreateStudy.parse({
      name: "Adaptive",
      criteria: ["Quality"],
      design: "all_pairs",
      ratingsPerComparison: 1,
      allocation: "adaptive",
      allocationGoal: "ranking",
      seed: "adaptive-sql",
      ...over,
    }),
    ctx(),
  );
  for (let m = 0; m < models; m++) {
    await importOutputs(
      admin,
      s.id,
      Array.from({ length: prompts }, (_, p) => ({
        instruction: `Case ${p}: what would you advise?`,
        input: "",
        model: `model-${m}`,
        text: `Advice ${p}, version ${m}.`,
      })),
      ctx(),
    );
  }
  await startStudy(admin, s.id, ctx());
  return s.id;
}

/**
 * An assignment written by hand, as the claim and submit would leave it: a lease (live, or lapsed
 * with negative `minutes`) or a submit takes a slot; a submit also completes it.
 */
export async function assignByHand(
  itemId: string,
  queueId: string,
  userId: string,
  status: string,
  minutes = 30,
) {
  const until = new Date(Date.now() + minutes * 60_000);
  await db().$executeRaw`
    INSERT INTO "QueueAssignment" (id, "itemId", "queueId", "userId", status, "claimedAt", "leaseExpiresAt")
    VALUES (gen_random_uuid(), ${itemId}::uuid, ${queueId}::uuid, ${userId}::uuid,
            ${status}::"AssignmentStatus", now(), ${until})`;
  if (status === "LEASED" || status === "SUBMITTED")
    await db()
      .$executeRaw`UPDATE "QueueItem" SET "claimedSlots" = "claimedSlots" + 1 WHERE id = ${itemId}::uuid`;
  if (status === "SUBMITTED")
    await db().$executeRaw`
      UPDATE "QueueItem" SET "completedSlots" = "completedSlots" + 1 WHERE id = ${itemId}::uuid`;
}
