-- AlterTable
ALTER TABLE "AuditReview" ADD COLUMN     "guidelineVersion" INTEGER;

-- AlterTable
ALTER TABLE "StudyJudgement" ADD COLUMN     "guidelineVersion" INTEGER;

-- CreateTable
CREATE TABLE "GuidelineVersion" (
    "id" UUID NOT NULL,
    "campaignId" UUID,
    "studyId" UUID,
    "version" INTEGER NOT NULL,
    "guidelines" TEXT NOT NULL,
    "definitions" JSONB NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuidelineVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GuidelineAck" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "campaignId" UUID,
    "studyId" UUID,
    "version" INTEGER NOT NULL,
    "acknowledgedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GuidelineAck_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GuidelineVersion_campaignId_version_key" ON "GuidelineVersion"("campaignId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "GuidelineVersion_studyId_version_key" ON "GuidelineVersion"("studyId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "GuidelineAck_userId_campaignId_version_key" ON "GuidelineAck"("userId", "campaignId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "GuidelineAck_userId_studyId_version_key" ON "GuidelineAck"("userId", "studyId", "version");

-- AddForeignKey
ALTER TABLE "GuidelineVersion" ADD CONSTRAINT "GuidelineVersion_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "AuditCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuidelineVersion" ADD CONSTRAINT "GuidelineVersion_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuidelineVersion" ADD CONSTRAINT "GuidelineVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuidelineAck" ADD CONSTRAINT "GuidelineAck_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuidelineAck" ADD CONSTRAINT "GuidelineAck_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "AuditCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GuidelineAck" ADD CONSTRAINT "GuidelineAck_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Each version and acknowledgement belongs to exactly one campaign or one study.
ALTER TABLE "GuidelineVersion" ADD CONSTRAINT "GuidelineVersion_one_owner"
  CHECK (("campaignId" IS NULL) <> ("studyId" IS NULL));
ALTER TABLE "GuidelineAck" ADD CONSTRAINT "GuidelineAck_one_owner"
  CHECK (("campaignId" IS NULL) <> ("studyId" IS NULL));
