-- Issue 12: the study-only column "shownLeft" moves off the shared QueueAssignment table into a
-- study table. The rows are copied before the column is dropped, so assignments already shown
-- keep their sides (a resumed or re-claimed assignment must show the same sides again).

-- CreateTable
CREATE TABLE "StudyAssignmentSides" (
    "assignmentId" UUID NOT NULL,
    "comparisonId" UUID NOT NULL,
    "shownLeft" TEXT NOT NULL,

    CONSTRAINT "StudyAssignmentSides_pkey" PRIMARY KEY ("assignmentId")
);

-- CreateIndex
CREATE INDEX "StudyAssignmentSides_comparisonId_idx" ON "StudyAssignmentSides"("comparisonId");

-- AddForeignKey
ALTER TABLE "StudyAssignmentSides" ADD CONSTRAINT "StudyAssignmentSides_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "QueueAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyAssignmentSides" ADD CONSTRAINT "StudyAssignmentSides_comparisonId_fkey" FOREIGN KEY ("comparisonId") REFERENCES "StudyComparison"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Copy the decided sides (only "A" or "B" were ever written) with their comparison.
INSERT INTO "StudyAssignmentSides" ("assignmentId", "comparisonId", "shownLeft")
SELECT a.id, c.id, a."shownLeft"
  FROM "QueueAssignment" a
  JOIN "StudyComparison" c ON c."queueItemId" = a."itemId"
 WHERE a."shownLeft" IN ('A', 'B');

-- AlterTable
ALTER TABLE "QueueAssignment" DROP COLUMN "shownLeft";
