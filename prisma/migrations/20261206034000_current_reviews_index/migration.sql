-- Issue 15 (undo) made every reader of reviews ask for current answers only ("supersededAt" IS
-- NULL). With that predicate and statistics taken before a burst of reviews, PostgreSQL chose the
-- partial unique index on assignments ("AuditReview_current_key", which matches the predicate)
-- and scanned it whole for each item: the first curated export of 52,002 items took 47 s and hit
-- the statement timeout, against 5 s once ANALYZE had run. An index on the item that holds only
-- current answers matches both the item and the predicate, so the per-item lookup stays an index
-- probe whatever the statistics say.
CREATE INDEX "AuditReview_item_current_idx" ON "AuditReview" ("itemId") WHERE "supersededAt" IS NULL;

-- The study loaders ask the same of judgements (current ones, by comparison).
CREATE INDEX "StudyJudgement_comparison_current_idx" ON "StudyJudgement" ("comparisonId") WHERE "supersededAt" IS NULL;
