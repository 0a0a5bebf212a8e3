-- Issue 13 (capacity) with issue 15's guidelines: a review or judgement records the guideline
-- version in force when its person claimed the item, not the highest one they had acknowledged by
-- the time they submitted (an admin may publish a new version in between). The claim statement
-- stores it on the assignment; the submit's INSERT reads it from there.
ALTER TABLE "QueueAssignment" ADD COLUMN     "guidelineVersion" INTEGER;

-- Live leases taken before this migration: the version their person had acknowledged (what the
-- submit recorded until now), so an answer submitted after the upgrade records what it would have.
UPDATE "QueueAssignment" a
   SET "guidelineVersion" = (SELECT max(k.version) FROM "GuidelineAck" k
                              WHERE k."userId" = a."userId"
                                AND (k."campaignId" = a."queueId" OR k."studyId" = a."queueId"))
 WHERE a.status = 'LEASED';

-- queue_claim (unchanged, …_queue_claim_rule) and then the version stamped on the row it handed
-- out, fresh or resumed: the claim statement has already checked that the person acknowledged
-- p_version, the current one. A separate function, so queue_claim stays the one pick rule; a
-- statement of its own inside it, so it sees the row queue_claim has just inserted (the calling
-- statement's snapshot does not).
CREATE OR REPLACE FUNCTION queue_claim_under(p_queue uuid, p_user uuid, p_minutes int, p_version int)
RETURNS TABLE (claimed_id uuid, claimed_item uuid, was_resumed boolean, lease_until timestamp(3))
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  r record;
BEGIN
  SELECT * INTO r FROM queue_claim(p_queue, p_user, p_minutes) LIMIT 1;
  IF r.claimed_id IS NULL THEN RETURN; END IF;
  UPDATE "QueueAssignment" SET "guidelineVersion" = p_version
   WHERE id = r.claimed_id AND "guidelineVersion" IS DISTINCT FROM p_version;
  claimed_id := r.claimed_id;
  claimed_item := r.claimed_item;
  was_resumed := r.was_resumed;
  lease_until := r.lease_until;
  RETURN NEXT;
END
$$;
