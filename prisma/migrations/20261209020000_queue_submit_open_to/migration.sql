-- Membership at submit, one rule for every queue feature: queue_submit refuses ('not_open_to') a
-- person the queue's list no longer names (queue_open_to: a campaign's named reviewers, a study's
-- raters). The audit and study submits each checked this in their own read before; here it costs
-- no statement of its own. Checked after the item and assignment locks: a list change takes the
-- item locks of the leases it releases, so a submit that got them first counts (it came before the
-- change), and one that waited reads the list as the change left it (each statement of a plpgsql
-- function takes a fresh snapshot under READ COMMITTED). Refused before the status checks, so a
-- removed person's repeat of a submitted answer is refused too, and a late submit takes no slot back.
CREATE OR REPLACE FUNCTION queue_submit(p_assignment uuid, p_user uuid)
RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_item uuid;
  v_queue uuid;
  v_capacity int;
  v_claimed int;
  v_status text;
BEGIN
  SELECT a."itemId", a."queueId" INTO v_item, v_queue FROM "QueueAssignment" a WHERE a.id = p_assignment AND a."userId" = p_user;
  IF v_item IS NULL THEN RETURN 'not_found'; END IF;
  -- Item lock before assignment lock: the order every queue operation uses.
  SELECT qi.capacity, qi."claimedSlots" INTO v_capacity, v_claimed FROM "QueueItem" qi WHERE qi.id = v_item FOR UPDATE;
  SELECT a.status::text INTO v_status FROM "QueueAssignment" a WHERE a.id = p_assignment FOR UPDATE;
  -- Gone between the first read and the lock (its campaign or study was deleted).
  IF v_status IS NULL THEN RETURN 'not_found'; END IF;
  IF NOT queue_open_to(v_queue, p_user) THEN RETURN 'not_open_to'; END IF;
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
