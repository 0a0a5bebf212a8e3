-- CreateEnum
CREATE TYPE "StudyAllocation" AS ENUM ('uniform', 'adaptive');

-- CreateEnum
CREATE TYPE "AllocationGoal" AS ENUM ('ranking', 'ratings');

-- AlterTable
ALTER TABLE "Study" ADD COLUMN     "allocation" "StudyAllocation" NOT NULL DEFAULT 'uniform',
ADD COLUMN     "allocationGoal" "AllocationGoal";

-- CreateTable
CREATE TABLE "StudyAllocationChoice" (
    "assignmentId" UUID NOT NULL,
    "studyId" UUID NOT NULL,
    "rule" TEXT NOT NULL,
    "modelA" TEXT NOT NULL,
    "modelB" TEXT NOT NULL,
    "pairJudgements" INTEGER NOT NULL,
    "target" TEXT[],
    "deficit" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudyAllocationChoice_pkey" PRIMARY KEY ("assignmentId")
);

-- CreateIndex
CREATE INDEX "StudyAllocationChoice_studyId_createdAt_idx" ON "StudyAllocationChoice"("studyId", "createdAt");

-- CreateIndex
CREATE INDEX "StudyComparison_studyId_modelA_modelB_idx" ON "StudyComparison"("studyId", "modelA", "modelB");

-- AddForeignKey
ALTER TABLE "StudyAllocationChoice" ADD CONSTRAINT "StudyAllocationChoice_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "QueueAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyAllocationChoice" ADD CONSTRAINT "StudyAllocationChoice_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Issue 17: the claim of an adaptive study. lib/studies/claim-adaptive.ts reads the pair counts and
-- the rater's eligible items, lets chooseNextComparison (lib/stats) pick one, and this function
-- takes exactly that item under queue_claim's protocol: the same advisory lock per person and
-- queue, the resume of a live lease, the expiry of abandoned leases, and the pick under
-- FOR UPDATE SKIP LOCKED by the same claim rule (queue_item_open_for). If the item was taken in the
-- meantime it answers nothing and the caller falls back to queue_claim. The choice's log row is
-- written by the caller's statement around this call, so it shares the claim's transaction.
CREATE OR REPLACE FUNCTION study_claim_item(p_queue uuid, p_user uuid, p_minutes int, p_item uuid,
                                            p_model_a text, p_model_b text)
RETURNS TABLE (claimed_id uuid, claimed_item uuid, was_resumed boolean, lease_until timestamp(3))
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_item uuid;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_queue::text || ':' || p_user::text, 0));

  RETURN QUERY
    SELECT a.id, a."itemId", true, a."leaseExpiresAt" FROM "QueueAssignment" a
     WHERE a."queueId" = p_queue AND a."userId" = p_user AND a.status = 'LEASED'
       AND a."leaseExpiresAt" > (now() AT TIME ZONE 'UTC')
     ORDER BY a."claimedAt" LIMIT 1;
  IF FOUND THEN RETURN; END IF;

  WITH stale_items AS (
    SELECT qi.id FROM "QueueItem" qi
     WHERE qi.id IN (SELECT a."itemId" FROM "QueueAssignment" a
                      WHERE a."queueId" = p_queue AND a.status = 'LEASED'
                        AND a."leaseExpiresAt" <= (now() AT TIME ZONE 'UTC'))
     ORDER BY qi.id
     FOR UPDATE SKIP LOCKED
  ), expired AS (
    UPDATE "QueueAssignment" a SET status = 'EXPIRED'
     WHERE a."itemId" IN (SELECT id FROM stale_items) AND a.status = 'LEASED'
       AND a."leaseExpiresAt" <= (now() AT TIME ZONE 'UTC')
    RETURNING a."itemId"
  )
  UPDATE "QueueItem" qi SET "claimedSlots" = qi."claimedSlots" - e.n
    FROM (SELECT "itemId", count(*)::int AS n FROM expired GROUP BY "itemId") e
   WHERE qi.id = e."itemId";

  -- The chosen item; if another claim holds or took it, the next item of the same model pair in
  -- the chooser's own order (least judged, then queue order), so concurrent raters sent to one
  -- pair do not all fall back to the uniform claim. A special item (p_model_a null) is taken alone.
  SELECT qi.id INTO v_item FROM "QueueItem" qi
   WHERE qi."queueId" = p_queue AND queue_item_open_for(qi, p_user)
     AND (qi.id = p_item
          OR (p_model_a IS NOT NULL AND qi.id IN (
                SELECT c."queueItemId" FROM "StudyComparison" c
                 WHERE c."studyId" = p_queue AND c."modelA" = p_model_a AND c."modelB" = p_model_b
                   AND c.kind = 'regular')))
   ORDER BY (qi.id = p_item) DESC, qi."completedSlots", qi.position
   LIMIT 1
   FOR UPDATE SKIP LOCKED;
  IF v_item IS NULL THEN RETURN; END IF;

  UPDATE "QueueItem" SET "claimedSlots" = "claimedSlots" + 1 WHERE id = v_item;
  RETURN QUERY
    INSERT INTO "QueueAssignment" AS a (id, "itemId", "queueId", "userId", status, "claimedAt", "leaseExpiresAt")
    VALUES (gen_random_uuid(), v_item, p_queue, p_user, 'LEASED',
            (now() AT TIME ZONE 'UTC'),
            (now() AT TIME ZONE 'UTC') + make_interval(mins => p_minutes))
    ON CONFLICT ("itemId", "userId") DO UPDATE
       SET status = 'LEASED', "claimedAt" = EXCLUDED."claimedAt",
           "leaseExpiresAt" = EXCLUDED."leaseExpiresAt", "submittedAt" = NULL
    RETURNING a.id, a."itemId", false, a."leaseExpiresAt";
END
$$;

-- The goal is set exactly when the allocation is adaptive (the create schema says so too).
ALTER TABLE "Study" ADD CONSTRAINT "Study_allocation_goal_check"
  CHECK ((allocation = 'adaptive') = ("allocationGoal" IS NOT NULL));
