-- Issue 17's adaptive claim with issue 13's guideline version at claim: study_claim_item (unchanged,
-- …_adaptive_allocation) and then the version stamped on the row it handed out, as
-- queue_claim_under does for queue_claim. The calling statement has already checked that the person
-- acknowledged p_version, the current one. A statement of its own inside the function, so it sees
-- the row study_claim_item has just inserted (the calling statement's snapshot does not).
CREATE OR REPLACE FUNCTION study_claim_item_under(p_queue uuid, p_user uuid, p_minutes int, p_item uuid,
                                                  p_model_a text, p_model_b text, p_version int)
RETURNS TABLE (claimed_id uuid, claimed_item uuid, was_resumed boolean, lease_until timestamp(3))
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  r record;
BEGIN
  SELECT * INTO r FROM study_claim_item(p_queue, p_user, p_minutes, p_item, p_model_a, p_model_b) LIMIT 1;
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
