-- Issue 17 (adaptive claim's cost), third step. Sampled during `npm run bench -- "adaptive claim"`
-- (pg_stat_activity), once the read was cheap the claim statement was PostgreSQL's work: its pick of
-- the next item of the chosen pair joined the pair's comparisons with the study's items and tested
-- the claim rule in the same query, and a plan (a plpgsql statement's cached generic plan, too) that
-- scans the study's open items first evaluates queue_item_open_for, with its sub-queries, on every
-- one of them before the pair narrows them down. Now the pair's items with a free slot are listed
-- without the rule (in the chooser's order: least judged, then queue order), and the rule is tested
-- on one item at a time, under the lock, until one is the person's to take: the same item as before
-- (the first in that order open to the person and not held by another claim). Otherwise unchanged
-- from …_adaptive_claim_reads.
CREATE OR REPLACE FUNCTION study_claim_item_under(p_queue uuid, p_user uuid, p_minutes int, p_item uuid,
                                       p_model_a text, p_model_b text, p_version int)
RETURNS TABLE (claimed_id uuid, claimed_item uuid, was_resumed boolean, lease_until timestamp(3),
               fell_back boolean)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  r record;
  v_item uuid;
  v_candidate uuid;
  v_fell boolean := false;
BEGIN
  SELECT * INTO r FROM queue_claim_begin(p_queue, p_user) LIMIT 1;
  IF r.claimed_id IS NULL THEN
    IF p_item IS NOT NULL THEN
      SELECT qi.id INTO v_item FROM "QueueItem" qi
       WHERE qi.id = p_item AND qi."queueId" = p_queue AND queue_item_open_for(qi, p_user)
       FOR UPDATE SKIP LOCKED;
    END IF;
    IF v_item IS NULL AND p_model_a IS NOT NULL THEN
      -- The pair's items with a free slot in the chooser's order (no rule call in this query, so
      -- its plan cannot test the rule on the whole study's items before narrowing to the pair),
      -- then the first of them the rule lets the person have and no other claim holds.
      FOR v_candidate IN
        SELECT qi.id FROM "StudyComparison" c JOIN "QueueItem" qi ON qi.id = c."queueItemId"
         WHERE c."studyId" = p_queue AND c."modelA" = p_model_a AND c."modelB" = p_model_b
           AND c.kind = 'regular' AND qi."claimedSlots" < qi.capacity
         ORDER BY qi."completedSlots", qi.position
      LOOP
        SELECT qi.id INTO v_item FROM "QueueItem" qi
         WHERE qi.id = v_candidate AND qi."queueId" = p_queue AND queue_item_open_for(qi, p_user)
         FOR UPDATE SKIP LOCKED;
        EXIT WHEN v_item IS NOT NULL;
      END LOOP;
    END IF;
    IF v_item IS NULL THEN
      v_fell := true;
      v_item := queue_pick(p_queue, p_user);
    END IF;
    IF v_item IS NULL THEN RETURN; END IF;
    SELECT * INTO r FROM queue_take(p_queue, p_user, p_minutes, v_item) LIMIT 1;
  END IF;
  PERFORM queue_stamp_version(r.claimed_id, p_version);
  RETURN QUERY SELECT r.claimed_id, r.claimed_item, r.was_resumed, r.lease_until, v_fell;
END
$$;
