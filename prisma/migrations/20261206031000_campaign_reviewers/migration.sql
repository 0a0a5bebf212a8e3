-- CreateTable
CREATE TABLE "AuditCampaignReviewer" (
    "campaignId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "AuditCampaignReviewer_pkey" PRIMARY KEY ("campaignId","userId")
);

-- AddForeignKey
ALTER TABLE "AuditCampaignReviewer" ADD CONSTRAINT "AuditCampaignReviewer_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "AuditCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditCampaignReviewer" ADD CONSTRAINT "AuditCampaignReviewer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Issue 15 item 9: a campaign with named reviewers is open to them only. The claim rule
-- (queue_item_open_for, …_queue_open_items_index) is the one place that decides what a person may
-- claim, so the restriction lives there: queue_claim's pick, its "look again" check and the home
-- page's counts all obey it, whatever the caller. Studies (their raters are checked by openQueue)
-- have no rows here, so the test is one index probe that finds nothing. Kept in a function of its
-- own, as queue_item_taken_by is, so the rule itself stays a plain expression that PostgreSQL
-- inlines (and matches against the partial index "QueueItem_open_idx").
CREATE OR REPLACE FUNCTION queue_open_to(p_queue uuid, p_user uuid)
RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT NOT EXISTS (SELECT 1 FROM "AuditCampaignReviewer" r WHERE r."campaignId" = p_queue)
      OR EXISTS (SELECT 1 FROM "AuditCampaignReviewer" r WHERE r."campaignId" = p_queue AND r."userId" = p_user)
$$;

CREATE OR REPLACE FUNCTION queue_item_open_for(qi "QueueItem", p_user uuid)
RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT qi."claimedSlots" < qi.capacity
     AND (qi."onlyForUserId" IS NULL OR qi."onlyForUserId" = p_user)
     AND NOT queue_item_taken_by(qi.id, p_user)
     AND queue_open_to(qi."queueId", p_user)
$$;
