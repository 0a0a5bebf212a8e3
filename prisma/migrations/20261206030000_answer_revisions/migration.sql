-- Issue 15 (undo): a reopened answer is kept as a superseded revision. The first answer stays;
-- supersededAt marks it (set by the reopen), supersededById links it to the answer that replaced it
-- (set by the resubmit). Readers count only rows with supersededAt IS NULL. The self-FKs are
-- NO ACTION (checked at the statement's end) so a campaign's or study's cascade delete removes a
-- whole chain at once.
-- DropIndex
DROP INDEX "AuditReview_assignmentId_key";

-- DropIndex
DROP INDEX "StudyJudgement_assignmentId_criterion_key";

-- AlterTable
ALTER TABLE "AuditReview" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "supersededAt" TIMESTAMP(3),
ADD COLUMN     "supersededById" UUID;

-- AlterTable
ALTER TABLE "StudyJudgement" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "supersededAt" TIMESTAMP(3),
ADD COLUMN     "supersededById" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "AuditReview_supersededById_key" ON "AuditReview"("supersededById");

-- CreateIndex
CREATE UNIQUE INDEX "AuditReview_assignmentId_revision_key" ON "AuditReview"("assignmentId", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "StudyJudgement_supersededById_key" ON "StudyJudgement"("supersededById");

-- CreateIndex
CREATE UNIQUE INDEX "StudyJudgement_assignmentId_criterion_revision_key" ON "StudyJudgement"("assignmentId", "criterion", "revision");

-- AddForeignKey
ALTER TABLE "AuditReview" ADD CONSTRAINT "AuditReview_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "AuditReview"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyJudgement" ADD CONSTRAINT "StudyJudgement_supersededById_fkey" FOREIGN KEY ("supersededById") REFERENCES "StudyJudgement"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- At most one current answer per assignment (per criterion for judgements).
CREATE UNIQUE INDEX "AuditReview_current_key" ON "AuditReview"("assignmentId") WHERE "supersededAt" IS NULL;
CREATE UNIQUE INDEX "StudyJudgement_current_key" ON "StudyJudgement"("assignmentId", criterion) WHERE "supersededAt" IS NULL;

-- A link only from a superseded answer, never to itself; revisions count from 1.
ALTER TABLE "AuditReview" ADD CONSTRAINT "AuditReview_revision_check" CHECK (revision >= 1);
ALTER TABLE "AuditReview" ADD CONSTRAINT "AuditReview_superseded_check"
  CHECK ("supersededById" IS NULL OR ("supersededAt" IS NOT NULL AND "supersededById" <> id));
ALTER TABLE "StudyJudgement" ADD CONSTRAINT "StudyJudgement_revision_check" CHECK (revision >= 1);
ALTER TABLE "StudyJudgement" ADD CONSTRAINT "StudyJudgement_superseded_check"
  CHECK ("supersededById" IS NULL OR ("supersededAt" IS NOT NULL AND "supersededById" <> id));
