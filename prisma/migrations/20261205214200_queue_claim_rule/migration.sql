-- Issue 12: the claim rule, which items a person may still claim, is defined once, here, and used
-- by queue_claim (its pick and its "look again" check) and by the home page's "left for you"
-- counts (lib/users/home-summary.ts), which had each written it out (three copies).
-- An item is open for a person when it has a free slot, is meant for anyone or for them, and
-- they have not leased, submitted or skipped (RELEASED) it. Called on the row being locked, so
-- FOR UPDATE's re-check on the newest row version evaluates the slot count of that version.
CREATE OR REPLACE FUNCTION queue_item_open_for(qi "QueueItem", p_user uuid)
RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT qi."claimedSlots" < qi.capacity
     AND (qi."onlyForUserId" IS NULL OR qi."onlyForUserId" = p_user)
     AND NOT EXISTS (SELECT 1 FROM "QueueAssignment" a
                      WHERE a."itemId" = qi.id AND a."userId" = p_user
                        AND a.status IN ('LEASED', 'SUBMITTED', 'RELEASED'))
$$;

-- queue_claim as in …_queue_functions, with the rule above in place of its two copies.
CREATE OR REPLACE FUNCTION queue_claim(p_queue uuid, p_user uuid, p_minutes int)
RETURNS TABLE (claimed_id uuid, claimed_item uuid, was_resumed boolean, lease_until timestamp(3))
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_item uuid;
BEGIN
  -- One claim at a time per person and queue: a double click must not hand out two leases.
  PERFORM pg_advisory_xact_lock(hashtextextended(p_queue::text || ':' || p_user::text, 0));

  RETURN QUERY
    SELECT a.id, a."itemId", true, a."leaseExpiresAt" FROM "QueueAssignment" a
     WHERE a."queueId" = p_queue AND a."userId" = p_user AND a.status = 'LEASED'
       AND a."leaseExpiresAt" > (now() AT TIME ZONE 'UTC')
     ORDER BY a."claimedAt" LIMIT 1;
  IF FOUND THEN RETURN; END IF;

  -- Free the slots of abandoned leases: items first (skipping ones another claim holds), then
  -- their assignments.
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

  -- The slot count lives on the locked row: FOR UPDATE re-checks "claimedSlots" < capacity on the
  -- newest row version, which a COUNT over assignments cannot do.
  FOR attempt IN 1..40 LOOP
    SELECT qi.id INTO v_item FROM "QueueItem" qi
     WHERE qi."queueId" = p_queue AND queue_item_open_for(qi, p_user)
     ORDER BY qi.position
     LIMIT 1
     FOR UPDATE SKIP LOCKED;
    EXIT WHEN v_item IS NOT NULL;
    -- Nothing open and unlocked. If an open item is only locked for a moment (a submit, a skip,
    -- another claim of it), look again shortly instead of answering "nothing left for you": at
    -- the end of a campaign that false answer sent reviewers away from the last free slots.
    -- Waiting with pg_sleep, never on the lock itself, so this cannot deadlock.
    EXIT WHEN NOT EXISTS (
      SELECT 1 FROM "QueueItem" qi WHERE qi."queueId" = p_queue AND queue_item_open_for(qi, p_user));
    PERFORM pg_sleep(0.005);
  END LOOP;
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
