-- Issue 17 (adaptive claim's cost), second step. In `npm run bench -- "adaptive claim"` the
-- adaptive read was still the statement PostgreSQL spent its CPU on (pg_stat_activity sampled
-- during the run: 49 of 59 active samples, ~1.7 s each under the load): the outer join on the
-- person's assignments leaves the join method to the planner, and on tables that grew from empty
-- during the run (statistics not yet gathered) it may rescan every assignment per open item. Here
-- the "taken by the person" fact is read per item by queue_item_taken_by, the same function (and
-- the same unique-index probe on ("itemId", "userId")) queue_item_open_for uses, so the plan no
-- longer depends on the statistics; the rater list is still read once per query. The two forms now
-- differ only in queue_open_to's first argument (p_queue here, qi."queueId" there, equal by the
-- WHERE clause).
CREATE OR REPLACE FUNCTION queue_items_open_for(p_queue uuid, p_user uuid)
RETURNS SETOF "QueueItem"
LANGUAGE sql STABLE AS $$
  SELECT qi.* FROM "QueueItem" qi
   WHERE qi."queueId" = p_queue
     AND queue_item_open_given(qi, p_user, queue_item_taken_by(qi.id, p_user), queue_open_to(p_queue, p_user))
$$;
