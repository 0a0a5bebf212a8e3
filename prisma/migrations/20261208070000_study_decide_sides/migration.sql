-- The sides of a fresh study assignment, decided in one round trip (lib/studies/rating-view.ts).
-- Before, a Prisma transaction took the model pair's advisory lock and then made four round trips
-- (look-up, repeat's original, counts, insert) while holding it. Concurrent raters on one pair wait
-- on that lock, each holding a pooled connection; an adaptive study sends many raters to the same
-- pair at once, so 50 raters exhausted the pool (503s in `npm run bench -- "adaptive claim"`).
-- Here the lock is held for the length of this function only (the caller's statement is its own
-- transaction). Each statement below runs on a fresh snapshot (a VOLATILE plpgsql function), so the
-- counts include every decision committed before the lock was granted.
-- The coin stays chooseShownLeft's (lib/studies/choose-shown-left.ts, Efron's biased coin, the
-- server's CSPRNG): the caller draws its outcome for each of the three cases (counts equal, A
-- lagging, B lagging) and this function only picks the case the counts are in.
CREATE OR REPLACE FUNCTION study_decide_sides(p_study uuid, p_assignment uuid, p_comparison uuid,
                                              p_model_a text, p_model_b text, p_repeat_of uuid,
                                              p_user uuid, p_if_equal text, p_if_a_lags text,
                                              p_if_b_lags text)
RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_side text;
  v_left_a int;
  v_left_b int;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_study::text || ':sides:' || p_model_a || ':' || p_model_b, 0));
  -- Only the first decision sticks, so a resumed or double-clicked claim shows the same sides.
  SELECT s."shownLeft"::text INTO v_side FROM "StudyAssignmentSides" s WHERE s."assignmentId" = p_assignment;
  IF v_side IS NOT NULL THEN RETURN v_side; END IF;
  IF p_repeat_of IS NOT NULL THEN
    -- A consistency repeat shows the same pair with sides swapped.
    SELECT CASE WHEN j."shownLeft" = 'A' THEN 'B' ELSE 'A' END INTO v_side
      FROM "StudyJudgement" j
     WHERE j."comparisonId" = p_repeat_of AND j."raterId" = p_user
     LIMIT 1;
  END IF;
  IF v_side IS NULL THEN
    SELECT count(*) FILTER (WHERE s."shownLeft" = 'A'), count(*) FILTER (WHERE s."shownLeft" = 'B')
      INTO v_left_a, v_left_b
      FROM "StudyAssignmentSides" s JOIN "StudyComparison" c ON c.id = s."comparisonId"
     WHERE c."studyId" = p_study AND c."modelA" = p_model_a AND c."modelB" = p_model_b;
    v_side := CASE WHEN v_left_a = v_left_b THEN p_if_equal
                   WHEN v_left_a < v_left_b THEN p_if_a_lags
                   ELSE p_if_b_lags END;
  END IF;
  INSERT INTO "StudyAssignmentSides" ("assignmentId", "comparisonId", "shownLeft")
  VALUES (p_assignment, p_comparison, v_side::"StudySide")
  ON CONFLICT ("assignmentId") DO NOTHING;
  SELECT s."shownLeft"::text INTO v_side FROM "StudyAssignmentSides" s WHERE s."assignmentId" = p_assignment;
  RETURN v_side;
END
$$;
