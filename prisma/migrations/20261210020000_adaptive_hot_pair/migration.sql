-- Issue 17, measured under `npm run bench -- "adaptive claim"` with pg_stat_statements (50 raters at
-- saturation, 2026-12-06 14:10 UTC): two costs of …_pair_state that EXPLAIN of one read did not show.
--
-- 1. The tally triggers locked the pair row at the judgement's INSERT and held it to COMMIT, through
--    the rest of the submit (audit row, idempotency record, round trips each waiting for a core).
--    The adaptive rule sends many raters to the same few pairs, so their submits queued on that lock:
--    the lookup that takes it averaged 22 ms a submit (0.9 ms in a uniform study). The triggers are
--    now constraint triggers, deferred to COMMIT: the same counting, in the same transaction, but the
--    pair is locked only while the transaction commits. A submit touches one pair, so deferring
--    cannot make two transactions lock pairs in opposite orders; a study's cascade delete finds its
--    comparisons gone at commit and counts nothing, as before.
DROP TRIGGER study_judgement_tally_insert ON "StudyJudgement";
DROP TRIGGER study_judgement_tally_update ON "StudyJudgement";
DROP TRIGGER study_judgement_tally_delete ON "StudyJudgement";
CREATE CONSTRAINT TRIGGER study_judgement_tally_insert AFTER INSERT ON "StudyJudgement"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW."supersededAt" IS NULL) EXECUTE FUNCTION study_judgement_tally();
CREATE CONSTRAINT TRIGGER study_judgement_tally_update AFTER UPDATE ON "StudyJudgement"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN ((OLD."supersededAt" IS NULL) IS DISTINCT FROM (NEW."supersededAt" IS NULL)
                     OR (NEW."supersededAt" IS NULL AND (OLD.choice IS DISTINCT FROM NEW.choice
                         OR OLD.criterion IS DISTINCT FROM NEW.criterion
                         OR OLD."comparisonId" IS DISTINCT FROM NEW."comparisonId")))
  EXECUTE FUNCTION study_judgement_tally();
CREATE CONSTRAINT TRIGGER study_judgement_tally_delete AFTER DELETE ON "StudyJudgement"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD."supersededAt" IS NULL) EXECUTE FUNCTION study_judgement_tally();

-- 2. The read's per-pair walk (an ORDER BY … LIMIT 1 with the claim rule in its WHERE) was planned,
--    once the statement's generic plan took over, as a scan of each pair's free items tested by the
--    rule and then sorted: the rule ran on every free item of the study (828 calls, 2,500 buffers a
--    read, 14 ms). A plpgsql loop over the group's free items in order (a cursor, so a fast-start
--    index walk of "QueueItem_group_open_idx" or "QueueItem_ungrouped_open_idx") tests the rule item
--    by item and stops at the first the person may take, whatever the plan's estimates. Group ''
--    (items outside every group) is walked in queue order, a group in the order
--    least completed, then queue order. The answer is the one the query gave.
CREATE FUNCTION queue_group_first_open(p_queue uuid, p_group text, p_user uuid)
RETURNS uuid
LANGUAGE plpgsql STABLE AS $$
DECLARE
  -- Explicit cursors, fetched one row at a time: a FOR loop over a query prefetches 10 rows, which
  -- read 19 buffers a pair where the first row is nearly always the answer.
  grouped CURSOR FOR SELECT * FROM "QueueItem" i
    WHERE i."queueId" = p_queue AND i."groupKey" = p_group AND i."groupKey" <> ''
      AND i."claimedSlots" < i.capacity
    ORDER BY i."completedSlots", i.position;
  ungrouped CURSOR FOR SELECT * FROM "QueueItem" i
    WHERE i."queueId" = p_queue AND i."groupKey" = '' AND i."claimedSlots" < i.capacity
    ORDER BY i.position;
  q "QueueItem";
BEGIN
  IF p_group = '' THEN
    OPEN ungrouped;
    LOOP
      FETCH ungrouped INTO q;
      EXIT WHEN NOT FOUND;
      IF queue_item_open_given(q, p_user, queue_item_taken_by(q.id, p_user), true) THEN
        CLOSE ungrouped;
        RETURN q.id;
      END IF;
    END LOOP;
    CLOSE ungrouped;
  ELSE
    OPEN grouped;
    LOOP
      FETCH grouped INTO q;
      EXIT WHEN NOT FOUND;
      IF queue_item_open_given(q, p_user, queue_item_taken_by(q.id, p_user), true) THEN
        CLOSE grouped;
        RETURN q.id;
      END IF;
    END LOOP;
    CLOSE grouped;
  END IF;
  RETURN NULL;
END
$$;
