-- AlterTable
ALTER TABLE "PhiConfirmation" ADD COLUMN     "redactedAt" TIMESTAMP(3),
ADD COLUMN     "redactedById" UUID;

-- CreateIndex
CREATE INDEX "PhiConfirmation_confirmedAt_idx" ON "PhiConfirmation"("confirmedAt");
