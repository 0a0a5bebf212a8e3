-- Integrity in the database (issue 13): foreign keys for every reference to a user or an entity,
-- enums for the closed vocabularies, CHECKs on the queue's slot counts.
--
-- First, existing rows are checked against every new constraint. On any offending row the migration
-- stops here, before any change, with a report (each check, its count and up to five rows).
-- `npm run cli -- db:repair` lists what it would repair, `--apply` repairs it (audited; never
-- deletes a review or a judgement); then start again.
-- The same checks live in lib/db/integrity/integrity-checks.ts (the repair command's report).
DO $integrity$
DECLARE
  check_row record;
  n bigint;
  sample text;
  report text := '';
BEGIN
  FOR check_row IN SELECT * FROM (VALUES
    ('IdempotencyKey.userId: no such user', 'SELECT concat_ws(''/'', t."userId", t.scope, t.key) || '' -> '' || t."userId" FROM "IdempotencyKey" t WHERE t."userId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."userId")'),
    ('Seed.authorId: no such user', 'SELECT t.id::text || '' -> '' || t."authorId" FROM "Seed" t WHERE t."authorId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."authorId")'),
    ('Seed.importedById: no such user', 'SELECT t.id::text || '' -> '' || t."importedById" FROM "Seed" t WHERE t."importedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."importedById")'),
    ('Seed.approvedById: no such user', 'SELECT t.id::text || '' -> '' || t."approvedById" FROM "Seed" t WHERE t."approvedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."approvedById")'),
    ('SeedVersion.savedById: no such user', 'SELECT t.id::text || '' -> '' || t."savedById" FROM "SeedVersion" t WHERE t."savedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."savedById")'),
    ('SeedDraft.userId: no such user', 'SELECT concat_ws(''/'', t."seedId", t."userId") || '' -> '' || t."userId" FROM "SeedDraft" t WHERE t."userId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."userId")'),
    ('SeedReview.reviewerId: no such user', 'SELECT t.id::text || '' -> '' || t."reviewerId" FROM "SeedReview" t WHERE t."reviewerId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."reviewerId")'),
    ('SeedPhiDecision.decidedById: no such user', 'SELECT t.id::text || '' -> '' || t."decidedById" FROM "SeedPhiDecision" t WHERE t."decidedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."decidedById")'),
    ('PhiConfirmation.confirmedById: no such user', 'SELECT t.id::text || '' -> '' || t."confirmedById" FROM "PhiConfirmation" t WHERE t."confirmedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."confirmedById")'),
    ('PhiConfirmation.redactedById: no such user', 'SELECT t.id::text || '' -> '' || t."redactedById" FROM "PhiConfirmation" t WHERE t."redactedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."redactedById")'),
    ('Dataset.createdById: no such user', 'SELECT t.id::text || '' -> '' || t."createdById" FROM "Dataset" t WHERE t."createdById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."createdById")'),
    ('AuditCampaign.createdById: no such user', 'SELECT t.id::text || '' -> '' || t."createdById" FROM "AuditCampaign" t WHERE t."createdById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."createdById")'),
    ('AuditItem.adjudicatedById: no such user', 'SELECT t.id::text || '' -> '' || t."adjudicatedById" FROM "AuditItem" t WHERE t."adjudicatedById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."adjudicatedById")'),
    ('AuditReview.reviewerId: no such user', 'SELECT t.id::text || '' -> '' || t."reviewerId" FROM "AuditReview" t WHERE t."reviewerId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."reviewerId")'),
    ('QueueItem.onlyForUserId: no such user', 'SELECT t.id::text || '' -> '' || t."onlyForUserId" FROM "QueueItem" t WHERE t."onlyForUserId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."onlyForUserId")'),
    ('QueueAssignment.userId: no such user', 'SELECT t.id::text || '' -> '' || t."userId" FROM "QueueAssignment" t WHERE t."userId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."userId")'),
    ('Study.createdById: no such user', 'SELECT t.id::text || '' -> '' || t."createdById" FROM "Study" t WHERE t."createdById" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."createdById")'),
    ('StudyRater.userId: no such user', 'SELECT concat_ws(''/'', t."studyId", t."userId") || '' -> '' || t."userId" FROM "StudyRater" t WHERE t."userId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."userId")'),
    ('StudyJudgement.raterId: no such user', 'SELECT t.id::text || '' -> '' || t."raterId" FROM "StudyJudgement" t WHERE t."raterId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t."raterId")'),
    ('AuditReview.assignmentId: no such QueueAssignment', 'SELECT t.id::text || '' -> '' || t."assignmentId" FROM "AuditReview" t WHERE t."assignmentId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "QueueAssignment" r WHERE r.id = t."assignmentId")'),
    ('StudyJudgement.assignmentId: no such QueueAssignment', 'SELECT t.id::text || '' -> '' || t."assignmentId" FROM "StudyJudgement" t WHERE t."assignmentId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "QueueAssignment" r WHERE r.id = t."assignmentId")'),
    ('StudyComparison.promptId: no such StudyPrompt', 'SELECT t.id::text || '' -> '' || t."promptId" FROM "StudyComparison" t WHERE t."promptId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "StudyPrompt" r WHERE r.id = t."promptId")'),
    ('StudyComparison.repeatOfId: no such StudyComparison', 'SELECT t.id::text || '' -> '' || t."repeatOfId" FROM "StudyComparison" t WHERE t."repeatOfId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "StudyComparison" r WHERE r.id = t."repeatOfId")'),
    ('StudyJudgeVote.promptId: no such StudyPrompt', 'SELECT t.id::text || '' -> '' || t."promptId" FROM "StudyJudgeVote" t WHERE t."promptId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "StudyPrompt" r WHERE r.id = t."promptId")'),
    ('AuditReview.verdict: unknown spelling', 'SELECT t.id::text || '' = '' || quote_literal(t."verdict") FROM "AuditReview" t WHERE t."verdict" IS NOT NULL AND t."verdict" NOT IN (''accept'',''reject'',''revise'')'),
    ('AuditItem.goldVerdict: unknown spelling', 'SELECT t.id::text || '' = '' || quote_literal(t."goldVerdict") FROM "AuditItem" t WHERE t."goldVerdict" IS NOT NULL AND t."goldVerdict" NOT IN (''accept'',''reject'',''revise'')'),
    ('AuditItem.finalVerdict: unknown spelling', 'SELECT t.id::text || '' = '' || quote_literal(t."finalVerdict") FROM "AuditItem" t WHERE t."finalVerdict" IS NOT NULL AND t."finalVerdict" NOT IN (''accept'',''reject'',''revise'')'),
    ('SeedPhiDecision.decision: unknown spelling', 'SELECT t.id::text || '' = '' || quote_literal(t."decision") FROM "SeedPhiDecision" t WHERE t."decision" IS NOT NULL AND t."decision" NOT IN (''false_positive'',''fixed'')'),
    ('Study.design: unknown spelling', 'SELECT t.id::text || '' = '' || quote_literal(t."design") FROM "Study" t WHERE t."design" IS NOT NULL AND t."design" NOT IN (''all_pairs'',''vs_reference'')'),
    ('StudyComparison.kind: unknown spelling', 'SELECT t.id::text || '' = '' || quote_literal(t."kind") FROM "StudyComparison" t WHERE t."kind" IS NOT NULL AND t."kind" NOT IN (''regular'',''attention'',''repeat'')'),
    ('StudyJudgement.choice: unknown spelling', 'SELECT t.id::text || '' = '' || quote_literal(t."choice") FROM "StudyJudgement" t WHERE t."choice" IS NOT NULL AND t."choice" NOT IN (''A'',''B'',''tie'',''both_bad'')'),
    ('StudyJudgeVote.choice: unknown spelling', 'SELECT t.id::text || '' = '' || quote_literal(t."choice") FROM "StudyJudgeVote" t WHERE t."choice" IS NOT NULL AND t."choice" NOT IN (''A'',''B'',''tie'',''both_bad'')'),
    ('StudyJudgement.shownLeft: unknown spelling', 'SELECT t.id::text || '' = '' || quote_literal(t."shownLeft") FROM "StudyJudgement" t WHERE t."shownLeft" IS NOT NULL AND t."shownLeft" NOT IN (''A'',''B'')'),
    ('StudyAssignmentSides.shownLeft: unknown spelling', 'SELECT t."assignmentId"::text || '' = '' || quote_literal(t."shownLeft") FROM "StudyAssignmentSides" t WHERE t."shownLeft" IS NOT NULL AND t."shownLeft" NOT IN (''A'',''B'')'),
    ('QueueItem slots: not 0 <= claimedSlots <= capacity', 'SELECT t.id::text || '' claimed '' || t."claimedSlots" || '' of '' || t.capacity FROM "QueueItem" t WHERE t."claimedSlots" < 0 OR t."claimedSlots" > t.capacity'),
    ('QueueItem slots: not 0 <= completedSlots <= claimedSlots', 'SELECT t.id::text || '' completed '' || t."completedSlots" || '' of '' || t."claimedSlots" || '' claimed'' FROM "QueueItem" t WHERE t."completedSlots" < 0 OR t."completedSlots" > t."claimedSlots"')
  ) AS c(label, query) LOOP
    EXECUTE 'SELECT count(*), string_agg(d, '', '') FILTER (WHERE rn <= 5) FROM (SELECT d, row_number() OVER (ORDER BY d) AS rn FROM (' || check_row.query || ') q(d)) s'
      INTO n, sample;
    IF n > 0 THEN
      report := report || E'\n  ' || check_row.label || ': ' || n || ' row(s), e.g. ' || sample;
    END IF;
  END LOOP;
  IF report <> '' THEN
    RAISE EXCEPTION USING
      MESSAGE = 'integrity_constraints refused: existing rows break the new constraints; nothing was changed.'
        || ' Repair them with `npm run cli -- db:repair` (a dry run; then --apply).' || report,
      HINT = 'Run `npm run cli -- db:repair` to list the repairs, `npm run cli -- db:repair --apply` to make them, then start again.';
  END IF;
END
$integrity$;

-- CreateEnum
CREATE TYPE "PhiDecision" AS ENUM ('false_positive', 'fixed');

-- CreateEnum
CREATE TYPE "AuditVerdict" AS ENUM ('accept', 'reject', 'revise');

-- CreateEnum
CREATE TYPE "StudyDesign" AS ENUM ('all_pairs', 'vs_reference');

-- CreateEnum
CREATE TYPE "ComparisonKind" AS ENUM ('regular', 'attention', 'repeat');

-- CreateEnum
CREATE TYPE "StudyChoice" AS ENUM ('A', 'B', 'tie', 'both_bad');

-- CreateEnum
CREATE TYPE "StudySide" AS ENUM ('A', 'B');

-- AlterTable: the stored spellings become enum values (the pre-check made sure every row has one).
ALTER TABLE "AuditReview" ALTER COLUMN "verdict" SET DATA TYPE "AuditVerdict" USING ("verdict"::"AuditVerdict");
ALTER TABLE "AuditItem" ALTER COLUMN "goldVerdict" SET DATA TYPE "AuditVerdict" USING ("goldVerdict"::"AuditVerdict");
ALTER TABLE "AuditItem" ALTER COLUMN "finalVerdict" SET DATA TYPE "AuditVerdict" USING ("finalVerdict"::"AuditVerdict");
ALTER TABLE "SeedPhiDecision" ALTER COLUMN "decision" SET DATA TYPE "PhiDecision" USING ("decision"::"PhiDecision");
ALTER TABLE "Study" ALTER COLUMN "design" SET DATA TYPE "StudyDesign" USING ("design"::"StudyDesign");
ALTER TABLE "StudyComparison" ALTER COLUMN "kind" DROP DEFAULT;
ALTER TABLE "StudyComparison" ALTER COLUMN "kind" SET DATA TYPE "ComparisonKind" USING ("kind"::"ComparisonKind");
ALTER TABLE "StudyComparison" ALTER COLUMN "kind" SET DEFAULT 'regular';
ALTER TABLE "StudyJudgement" ALTER COLUMN "choice" SET DATA TYPE "StudyChoice" USING ("choice"::"StudyChoice");
ALTER TABLE "StudyJudgeVote" ALTER COLUMN "choice" SET DATA TYPE "StudyChoice" USING ("choice"::"StudyChoice");
ALTER TABLE "StudyJudgement" ALTER COLUMN "shownLeft" SET DATA TYPE "StudySide" USING ("shownLeft"::"StudySide");
ALTER TABLE "StudyAssignmentSides" ALTER COLUMN "shownLeft" SET DATA TYPE "StudySide" USING ("shownLeft"::"StudySide");

-- Slot counts: claimedSlots counts live leases plus submissions, completedSlots the submissions.
ALTER TABLE "QueueItem" ADD CONSTRAINT "QueueItem_claimedSlots_check" CHECK ("claimedSlots" >= 0 AND "claimedSlots" <= capacity);
ALTER TABLE "QueueItem" ADD CONSTRAINT "QueueItem_completedSlots_check" CHECK ("completedSlots" >= 0 AND "completedSlots" <= "claimedSlots");

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Seed" ADD CONSTRAINT "Seed_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Seed" ADD CONSTRAINT "Seed_importedById_fkey" FOREIGN KEY ("importedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Seed" ADD CONSTRAINT "Seed_approvedById_fkey" FOREIGN KEY ("approvedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeedVersion" ADD CONSTRAINT "SeedVersion_savedById_fkey" FOREIGN KEY ("savedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeedDraft" ADD CONSTRAINT "SeedDraft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeedReview" ADD CONSTRAINT "SeedReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeedPhiDecision" ADD CONSTRAINT "SeedPhiDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhiConfirmation" ADD CONSTRAINT "PhiConfirmation_confirmedById_fkey" FOREIGN KEY ("confirmedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PhiConfirmation" ADD CONSTRAINT "PhiConfirmation_redactedById_fkey" FOREIGN KEY ("redactedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dataset" ADD CONSTRAINT "Dataset_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditCampaign" ADD CONSTRAINT "AuditCampaign_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditItem" ADD CONSTRAINT "AuditItem_adjudicatedById_fkey" FOREIGN KEY ("adjudicatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditReview" ADD CONSTRAINT "AuditReview_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "QueueAssignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditReview" ADD CONSTRAINT "AuditReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QueueItem" ADD CONSTRAINT "QueueItem_onlyForUserId_fkey" FOREIGN KEY ("onlyForUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QueueAssignment" ADD CONSTRAINT "QueueAssignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Study" ADD CONSTRAINT "Study_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyRater" ADD CONSTRAINT "StudyRater_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyComparison" ADD CONSTRAINT "StudyComparison_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "StudyPrompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyComparison" ADD CONSTRAINT "StudyComparison_repeatOfId_fkey" FOREIGN KEY ("repeatOfId") REFERENCES "StudyComparison"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyJudgement" ADD CONSTRAINT "StudyJudgement_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "QueueAssignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyJudgement" ADD CONSTRAINT "StudyJudgement_raterId_fkey" FOREIGN KEY ("raterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyJudgeVote" ADD CONSTRAINT "StudyJudgeVote_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "StudyPrompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
