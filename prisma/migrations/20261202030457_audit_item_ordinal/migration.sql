-- DropIndex
DROP INDEX "AuditItem_campaignId_idx";

-- AlterTable: added nullable, filled from the records, then required, so existing campaigns keep working.
ALTER TABLE "AuditItem" ADD COLUMN     "ordinal" INTEGER;
UPDATE "AuditItem" ai SET "ordinal" = r.ordinal FROM "DatasetRecord" r WHERE r.id = ai."recordId";
ALTER TABLE "AuditItem" ALTER COLUMN "ordinal" SET NOT NULL;

-- CreateIndex
CREATE INDEX "AuditItem_campaignId_ordinal_idx" ON "AuditItem"("campaignId", "ordinal");
