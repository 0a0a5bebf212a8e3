-- Issue 17 (adaptive claim's cost): the adaptive claim's first read evaluated the claim rule
-- queue_item_open_for on every open item of the study, each call running queue_item_taken_by and
-- queue_open_to's four sub-queries (correlated with the row, so never hoisted): ~300 ms a read on a
-- study of 1,120 comparisons under 50 callers. The rule stays defined once, now in two layers:
--
-- * queue_item_open_given: the rule itself, given the two facts that need a table read ("taken by
--   the person", "the queue is open to the person"). A plain expression, inlined by PostgreSQL, with
--   the partial index "QueueItem_open_idx"'s predicate written first, as before.
-- * queue_item_open_for (one item, correlated; the claims' FOR UPDATE picks and the home page's
--   counts) and queue_items_open_for (a whole queue, set-wise; the adaptive claim's read) both call
--   it, and differ only in how they read the two facts: the first per row through
--   queue_item_taken_by and queue_open_to(qi."queueId", …); the second by an outer join on the
--   person's assignment of each item (unique on ("itemId", "userId"), so at most one row: no
--   duplicates) and by queue_open_to(p_queue, …) once per query (no column in it: PostgreSQL
--   evaluates it once, as a one-time filter). Which assignments count as "taken" is
--   queue_assignment_takes, used by both. tests/integration/adaptive-claim-rule.test.ts compares
--   the two forms on a study with leases, submits, skips, expired leases, repeats for one rater
--   and a rater list.
CREATE OR REPLACE FUNCTION queue_assignment_takes(a "QueueAssignment")
RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT a.status IN ('LEASED', 'SUBMITTED', 'RELEASED')
$$;

CREATE OR REPLACE FUNCTION queue_item_open_given(qi "QueueItem", p_user uuid, p_taken boolean, p_open_to boolean)
RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT qi."claimedSlots" < qi.capacity
     AND (qi."onlyForUserId" IS NULL OR qi."onlyForUserId" = p_user)
     AND NOT p_taken
     AND p_open_to
$$;

CREATE OR REPLACE FUNCTION queue_item_taken_by(p_item uuid, p_user uuid)
RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM "QueueAssignment" a
                  WHERE a."itemId" = p_item AND a."userId" = p_user AND queue_assignment_takes(a))
$$;

CREATE OR REPLACE FUNCTION queue_item_open_for(qi "QueueItem", p_user uuid)
RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT queue_item_open_given(qi, p_user, queue_item_taken_by(qi.id, p_user), queue_open_to(qi."queueId", p_user))
$$;

-- A set-returning SQL function of one SELECT: PostgreSQL inlines it into the caller's FROM, so the
-- caller's joins, ORDER BY and LIMIT plan with it (and the partial index serves its scan).
CREATE OR REPLACE FUNCTION queue_items_open_for(p_queue uuid, p_user uuid)
RETURNS SETOF "QueueItem"
LANGUAGE sql STABLE AS $$
  SELECT qi.* FROM "QueueItem" qi
    LEFT JOIN "QueueAssignment" a
      ON a."itemId" = qi.id AND a."userId" = p_user AND queue_assignment_takes(a)
   WHERE qi."queueId" = p_queue
     AND queue_item_open_given(qi, p_user, a.id IS NOT NULL, queue_open_to(p_queue, p_user))
$$;

-- The adaptive claim's pair counts: current judgements of a comparison on one criterion. The
-- index on "comparisonId" alone read every revision and criterion of each comparison.
CREATE INDEX "StudyJudgement_current_idx" ON "StudyJudgement" ("comparisonId", criterion) INCLUDE (choice)
  WHERE "supersededAt" IS NULL;

-- The claims' shared steps, so queue_claim (uniform) and study_claim_item_under (adaptive) no
-- longer each write out the protocol: study_claim_item had copied queue_claim's resume and expiry,
-- study_claim_item_under queue_claim_under's version stamp.
--
-- queue_claim_begin: one claim at a time per person and queue (a double click must not hand out two
-- leases; list changes take the same lock, lib/queue/lock-claims-of.ts), then the person's live
-- lease if any (resumed), else the expiry of abandoned leases: items first (skipping ones another
-- claim holds), then their assignments.
CREATE OR REPLACE FUNCTION queue_claim_begin(p_queue uuid, p_user uuid)
RETURNS TABLE (claimed_id uuid, claimed_item uuid, was_resumed boolean, lease_until timestamp(3))
LANGUAGE plpgsql VOLATILE AS $$
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
END
$$;

-- queue_pick: the uniform pick, the queue's first item open to the person, locked. The slot count
-- lives on the locked row: FOR UPDATE re-checks "claimedSlots" < capacity on the newest row
-- version, which a COUNT over assignments cannot do. If an open item is only locked for a moment
-- (a submit, a skip, another claim of it), look again shortly instead of answering "nothing left
-- for you": at the end of a campaign that false answer sent reviewers away from the last free
-- slots. Waiting with pg_sleep, never on the lock itself, so this cannot deadlock.
CREATE OR REPLACE FUNCTION queue_pick(p_queue uuid, p_user uuid)
RETURNS uuid
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_item uuid;
BEGIN
  FOR attempt IN 1..40 LOOP
    SELECT qi.id INTO v_item FROM "QueueItem" qi
     WHERE qi."queueId" = p_queue AND queue_item_open_for(qi, p_user)
     ORDER BY qi.position
     LIMIT 1
     FOR UPDATE SKIP LOCKED;
    EXIT WHEN v_item IS NOT NULL;
    EXIT WHEN NOT EXISTS (
      SELECT 1 FROM "QueueItem" qi WHERE qi."queueId" = p_queue AND queue_item_open_for(qi, p_user));
    PERFORM pg_sleep(0.005);
  END LOOP;
  RETURN v_item;
END
$$;

-- queue_take: the lease on an item the caller has locked and found open (a slot taken, the
-- assignment written; an expired or skipped one of the same person is taken over, keeping its id).
CREATE OR REPLACE FUNCTION queue_take(p_queue uuid, p_user uuid, p_minutes int, p_item uuid)
RETURNS TABLE (claimed_id uuid, claimed_item uuid, was_resumed boolean, lease_until timestamp(3))
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  UPDATE "QueueItem" SET "claimedSlots" = "claimedSlots" + 1 WHERE id = p_item;
  RETURN QUERY
    INSERT INTO "QueueAssignment" AS a (id, "itemId", "queueId", "userId", status, "claimedAt", "leaseExpiresAt")
    VALUES (gen_random_uuid(), p_item, p_queue, p_user, 'LEASED',
            (now() AT TIME ZONE 'UTC'),
            (now() AT TIME ZONE 'UTC') + make_interval(mins => p_minutes))
    ON CONFLICT ("itemId", "userId") DO UPDATE
       SET status = 'LEASED', "claimedAt" = EXCLUDED."claimedAt",
           "leaseExpiresAt" = EXCLUDED."leaseExpiresAt", "submittedAt" = NULL
    RETURNING a.id, a."itemId", false, a."leaseExpiresAt";
END
$$;

-- queue_stamp_version: the guideline version in force at the claim, on the assignment handed out
-- (fresh or resumed). The calling statement has checked that the person acknowledged it. A
-- statement of its own, so it sees the row the claim has just inserted.
CREATE OR REPLACE FUNCTION queue_stamp_version(p_assignment uuid, p_version int)
RETURNS void
LANGUAGE sql VOLATILE AS $$
  UPDATE "QueueAssignment" SET "guidelineVersion" = p_version
   WHERE id = p_assignment AND "guidelineVersion" IS DISTINCT FROM p_version
$$;

-- queue_claim: same protocol and answers as before (…_queue_claim_rule), from the shared steps.
CREATE OR REPLACE FUNCTION queue_claim(p_queue uuid, p_user uuid, p_minutes int)
RETURNS TABLE (claimed_id uuid, claimed_item uuid, was_resumed boolean, lease_until timestamp(3))
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_item uuid;
BEGIN
  RETURN QUERY SELECT * FROM queue_claim_begin(p_queue, p_user);
  IF FOUND THEN RETURN; END IF;
  v_item := queue_pick(p_queue, p_user);
  IF v_item IS NULL THEN RETURN; END IF;
  RETURN QUERY SELECT * FROM queue_take(p_queue, p_user, p_minutes, v_item);
END
$$;

CREATE OR REPLACE FUNCTION queue_claim_under(p_queue uuid, p_user uuid, p_minutes int, p_version int)
RETURNS TABLE (claimed_id uuid, claimed_item uuid, was_resumed boolean, lease_until timestamp(3))
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  r record;
BEGIN
  SELECT * INTO r FROM queue_claim(p_queue, p_user, p_minutes) LIMIT 1;
  IF r.claimed_id IS NULL THEN RETURN; END IF;
  PERFORM queue_stamp_version(r.claimed_id, p_version);
  RETURN QUERY SELECT r.claimed_id, r.claimed_item, r.was_resumed, r.lease_until;
END
$$;

-- The adaptive claim (lib/studies/claim-adaptive.ts), now one function: the shared begin (lock,
-- resume, expiry); then the chosen item, else the next open item of the same model pair in the
-- chooser's order (least judged, then queue order; a special item, p_model_a null, is taken
-- alone), read from the pair's comparisons so only that pair's items are tested; else (the pair is
-- gone, or p_item is null: nothing to choose from) the uniform pick, flagged fell_back so the
-- caller logs it as a fallback; then the shared take and version stamp.
DROP FUNCTION study_claim_item_under(uuid, uuid, int, uuid, text, text, int);
DROP FUNCTION study_claim_item(uuid, uuid, int, uuid, text, text);
CREATE FUNCTION study_claim_item_under(p_queue uuid, p_user uuid, p_minutes int, p_item uuid,
                                       p_model_a text, p_model_b text, p_version int)
RETURNS TABLE (claimed_id uuid, claimed_item uuid, was_resumed boolean, lease_until timestamp(3),
               fell_back boolean)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  r record;
  v_item uuid;
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
      SELECT qi.id INTO v_item
        FROM "StudyComparison" c JOIN "QueueItem" qi ON qi.id = c."queueItemId"
       WHERE c."studyId" = p_queue AND c."modelA" = p_model_a AND c."modelB" = p_model_b
         AND c.kind = 'regular' AND qi."queueId" = p_queue AND queue_item_open_for(qi, p_user)
       ORDER BY qi."completedSlots", qi.position
       LIMIT 1
       FOR UPDATE OF qi SKIP LOCKED;
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
