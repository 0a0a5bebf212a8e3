-- A study's named raters join the claim rule, as a campaign's named reviewers did
-- (…_campaign_reviewers): the study claim checked them only before queue_claim, in a statement of
-- its own, so a rater taken off the list between that check and the pick still got an item.
-- queue_claim's pick runs after its per-person advisory lock, which the list change takes too
-- (lib/queue/lock-claims-of.ts): reading the list here puts the check after that lock. Audit
-- campaigns have no StudyRater rows and studies no AuditCampaignReviewer rows (ids are UUIDs of
-- different tables), so each half is one index probe that finds nothing for the other kind.
CREATE OR REPLACE FUNCTION queue_open_to(p_queue uuid, p_user uuid)
RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT (NOT EXISTS (SELECT 1 FROM "AuditCampaignReviewer" r WHERE r."campaignId" = p_queue)
          OR EXISTS (SELECT 1 FROM "AuditCampaignReviewer" r WHERE r."campaignId" = p_queue AND r."userId" = p_user))
     AND (NOT EXISTS (SELECT 1 FROM "StudyRater" s WHERE s."studyId" = p_queue)
          OR EXISTS (SELECT 1 FROM "StudyRater" s WHERE s."studyId" = p_queue AND s."userId" = p_user))
$$;
