-- The queue's claim as one server-side function (lib/queue/claim-next-item.ts calls it), so a
-- claim is one round trip instead of eight statements in an interactive transaction: under 50
-- concurrent reviewers the app's claim p95 was several times the bare statements' (BENCHMARKS.md).
-- Each statement of a VOLATILE plpgsql function takes a fresh snapshot, so the reads after the
-- advisory lock see a lease that a concurrent claim of the same person committed while we waited.
-- Lock order as everywhere in the queue: QueueItem row, then QueueAssignment row.
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
     WHERE qi."queueId" = p_queue
       AND qi."claimedSlots" < qi.capacity
       AND (qi."onlyForUserId" IS NULL OR qi."onlyForUserId" = p_user)
       AND NOT EXISTS (SELECT 1 FROM "QueueAssignment" a
                        WHERE a."itemId" = qi.id AND a."userId" = p_user
                          AND a.status IN ('LEASED', 'SUBMITTED', 'RELEASED'))
     ORDER BY qi.position
     LIMIT 1
     FOR UPDATE SKIP LOCKED;
    EXIT WHEN v_item IS NOT NULL;
    -- Nothing open and unlocked. If an open item is only locked for a moment (a submit, a skip,
    -- another claim of it), look again shortly instead of answering "nothing left for you": at
    -- the end of a campaign that false answer sent reviewers away from the last free slots.
    -- Waiting with pg_sleep, never on the lock itself, so this cannot deadlock.
    EXIT WHEN NOT EXISTS (
      SELECT 1 FROM "QueueItem" qi
       WHERE qi."queueId" = p_queue
         AND qi."claimedSlots" < qi.capacity
         AND (qi."onlyForUserId" IS NULL OR qi."onlyForUserId" = p_user)
         AND NOT EXISTS (SELECT 1 FROM "QueueAssignment" a
                          WHERE a."itemId" = qi.id AND a."userId" = p_user
                            AND a.status IN ('LEASED', 'SUBMITTED', 'RELEASED')));
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

-- The submit's queue half, called inside the caller's transaction (which then writes the payload
-- rows): one round trip instead of five. Answers 'submitted', 'already_submitted', 'lease_lost'
-- (the lease expired and its slot went to someone else), 'released' (the person skipped it) or
-- 'not_found' (no such assignment of this person). A lease past its time still counts while
-- nobody took its slot.
CREATE OR REPLACE FUNCTION queue_submit(p_assignment uuid, p_user uuid)
RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_item uuid;
  v_capacity int;
  v_claimed int;
  v_status text;
BEGIN
  SELECT a."itemId" INTO v_item FROM "QueueAssignment" a WHERE a.id = p_assignment AND a."userId" = p_user;
  IF v_item IS NULL THEN RETURN 'not_found'; END IF;
  -- Item lock before assignment lock: the order every queue operation uses.
  SELECT qi.capacity, qi."claimedSlots" INTO v_capacity, v_claimed FROM "QueueItem" qi WHERE qi.id = v_item FOR UPDATE;
  SELECT a.status::text INTO v_status FROM "QueueAssignment" a WHERE a.id = p_assignment FOR UPDATE;
  -- Gone between the first read and the lock (its campaign or study was deleted).
  IF v_status IS NULL THEN RETURN 'not_found'; END IF;
  IF v_status = 'SUBMITTED' THEN RETURN 'already_submitted'; END IF;
  -- A skip is final: the slot went back to the queue by the person's own choice.
  IF v_status = 'RELEASED' THEN RETURN 'released'; END IF;
  IF v_status <> 'LEASED' THEN
    IF v_claimed >= v_capacity THEN RETURN 'lease_lost'; END IF;
    -- The slot was freed and nobody took it: the late submit takes it back.
    UPDATE "QueueItem" SET "claimedSlots" = "claimedSlots" + 1 WHERE id = v_item;
  END IF;
  UPDATE "QueueAssignment" SET status = 'SUBMITTED', "submittedAt" = (now() AT TIME ZONE 'UTC') WHERE id = p_assignment;
  UPDATE "QueueItem" SET "completedSlots" = "completedSlots" + 1 WHERE id = v_item;
  RETURN 'submitted';
END
$$;
