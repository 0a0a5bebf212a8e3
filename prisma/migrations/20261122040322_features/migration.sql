-- CreateEnum
CREATE TYPE "VocabularyKind" AS ENUM ('TOPIC', 'VIEW', 'TYPE');

-- CreateEnum
CREATE TYPE "SeedStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'RETIRED');

-- CreateEnum
CREATE TYPE "SeedReviewDecision" AS ENUM ('APPROVE', 'REQUEST_CHANGES');

-- CreateEnum
CREATE TYPE "DatasetStatus" AS ENUM ('STAGING', 'READY', 'FAILED');

-- CreateEnum
CREATE TYPE "CampaignStatus" AS ENUM ('ACTIVE', 'PAUSED', 'CLOSED');

-- CreateEnum
CREATE TYPE "AssignmentStatus" AS ENUM ('LEASED', 'SUBMITTED', 'EXPIRED', 'RELEASED');

-- CreateEnum
CREATE TYPE "StudyStatus" AS ENUM ('DRAFT', 'ACTIVE', 'PAUSED', 'CLOSED');

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "key" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "response" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("userId","scope","key")
);

-- CreateTable
CREATE TABLE "VocabularyTerm" (
    "id" UUID NOT NULL,
    "kind" "VocabularyKind" NOT NULL,
    "label" TEXT NOT NULL,
    "aliases" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "VocabularyTerm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Seed" (
    "id" UUID NOT NULL,
    "status" "SeedStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "authorId" UUID NOT NULL,
    "topicId" UUID,
    "viewId" UUID,
    "typeId" UUID,
    "instruction" TEXT NOT NULL,
    "input" TEXT,
    "difficulty" INTEGER,
    "referenceAnswer" TEXT,
    "specialtyTags" TEXT[],
    "authorNotes" TEXT,
    "duplicateReason" TEXT,
    "importedById" UUID,
    "importBatchId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "approvedAt" TIMESTAMP(3),
    "approvedById" UUID,
    "retiredAt" TIMESTAMP(3),

    CONSTRAINT "Seed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeedVersion" (
    "id" UUID NOT NULL,
    "seedId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "savedById" UUID NOT NULL,
    "status" "SeedStatus" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeedVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeedDraft" (
    "seedId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SeedDraft_pkey" PRIMARY KEY ("seedId","userId")
);

-- CreateTable
CREATE TABLE "SeedReview" (
    "id" UUID NOT NULL,
    "seedId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "reviewerId" UUID NOT NULL,
    "decision" "SeedReviewDecision" NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeedReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeedPhiDecision" (
    "id" UUID NOT NULL,
    "seedId" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "decidedById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeedPhiDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dataset" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "status" "DatasetStatus" NOT NULL DEFAULT 'STAGING',
    "count" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "fields" TEXT[],
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "Dataset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DatasetRecord" (
    "id" BIGSERIAL NOT NULL,
    "datasetId" UUID NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "instruction" TEXT NOT NULL,
    "input" TEXT NOT NULL DEFAULT '',
    "output" TEXT,
    "metadata" JSONB,
    "contentHash" TEXT NOT NULL,

    CONSTRAINT "DatasetRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditCampaign" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "datasetId" UUID NOT NULL,
    "status" "CampaignStatus" NOT NULL DEFAULT 'ACTIVE',
    "sampleSize" INTEGER NOT NULL,
    "sampleFraction" DOUBLE PRECISION,
    "strataField" TEXT,
    "seed" TEXT NOT NULL,
    "reviewersPerItem" INTEGER NOT NULL DEFAULT 2,
    "leaseMinutes" INTEGER NOT NULL DEFAULT 30,
    "flags" JSONB NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "AuditCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditItem" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "recordId" BIGINT NOT NULL,
    "queueItemId" UUID NOT NULL,
    "stratum" TEXT,
    "isGold" BOOLEAN NOT NULL DEFAULT false,
    "goldVerdict" TEXT,
    "finalVerdict" TEXT,
    "finalFlags" TEXT[],
    "finalOutput" TEXT,
    "adjudicatedById" UUID,
    "adjudicatedAt" TIMESTAMP(3),

    CONSTRAINT "AuditItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditReview" (
    "id" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "verdict" TEXT NOT NULL,
    "flags" TEXT[],
    "correctedOutput" TEXT,
    "rationale" TEXT,
    "durationMs" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QueueItem" (
    "id" UUID NOT NULL,
    "queueId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "capacity" INTEGER NOT NULL,
    "claimedSlots" INTEGER NOT NULL DEFAULT 0,
    "completedSlots" INTEGER NOT NULL DEFAULT 0,
    "onlyForUserId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QueueItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QueueAssignment" (
    "id" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "queueId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "status" "AssignmentStatus" NOT NULL DEFAULT 'LEASED',
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseExpiresAt" TIMESTAMP(3) NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "draft" JSONB,
    "shownLeft" TEXT,

    CONSTRAINT "QueueAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Study" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "status" "StudyStatus" NOT NULL DEFAULT 'DRAFT',
    "criteria" JSONB NOT NULL,
    "design" TEXT NOT NULL,
    "referenceModel" TEXT,
    "ratingsPerComparison" INTEGER NOT NULL DEFAULT 1,
    "allowTie" BOOLEAN NOT NULL DEFAULT true,
    "allowBothBad" BOOLEAN NOT NULL DEFAULT true,
    "rationale" TEXT NOT NULL DEFAULT 'optional',
    "attentionCheckShare" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "repeatShare" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "leaseMinutes" INTEGER NOT NULL DEFAULT 30,
    "seed" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Study_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyRater" (
    "studyId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "StudyRater_pkey" PRIMARY KEY ("studyId","userId")
);

-- CreateTable
CREATE TABLE "StudyPrompt" (
    "id" UUID NOT NULL,
    "studyId" UUID NOT NULL,
    "instruction" TEXT NOT NULL,
    "input" TEXT NOT NULL DEFAULT '',
    "matchKey" TEXT NOT NULL,

    CONSTRAINT "StudyPrompt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyOutput" (
    "id" UUID NOT NULL,
    "promptId" UUID NOT NULL,
    "model" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "revealsIdentity" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "StudyOutput_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyComparison" (
    "id" UUID NOT NULL,
    "studyId" UUID NOT NULL,
    "promptId" UUID NOT NULL,
    "modelA" TEXT NOT NULL,
    "modelB" TEXT NOT NULL,
    "queueItemId" UUID NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'regular',
    "degradedModel" TEXT,
    "repeatOfId" UUID,

    CONSTRAINT "StudyComparison_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyJudgement" (
    "id" UUID NOT NULL,
    "comparisonId" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "raterId" UUID NOT NULL,
    "criterion" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "shownLeft" TEXT NOT NULL,
    "rationale" TEXT,
    "durationMs" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudyJudgement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StudyJudgeVote" (
    "id" UUID NOT NULL,
    "studyId" UUID NOT NULL,
    "judge" TEXT NOT NULL,
    "criterion" TEXT NOT NULL,
    "promptId" UUID NOT NULL,
    "modelA" TEXT NOT NULL,
    "modelB" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StudyJudgeVote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "VocabularyTerm_kind_label_key" ON "VocabularyTerm"("kind", "label");

-- CreateIndex
CREATE INDEX "Seed_status_updatedAt_idx" ON "Seed"("status", "updatedAt");

-- CreateIndex
CREATE INDEX "Seed_authorId_idx" ON "Seed"("authorId");

-- CreateIndex
CREATE INDEX "Seed_topicId_typeId_idx" ON "Seed"("topicId", "typeId");

-- CreateIndex
CREATE UNIQUE INDEX "SeedVersion_seedId_version_key" ON "SeedVersion"("seedId", "version");

-- CreateIndex
CREATE INDEX "SeedReview_seedId_createdAt_idx" ON "SeedReview"("seedId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SeedPhiDecision_seedId_field_fingerprint_key" ON "SeedPhiDecision"("seedId", "field", "fingerprint");

-- CreateIndex
CREATE INDEX "Dataset_status_createdAt_idx" ON "Dataset"("status", "createdAt");

-- CreateIndex
CREATE INDEX "DatasetRecord_datasetId_ordinal_idx" ON "DatasetRecord"("datasetId", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "DatasetRecord_datasetId_contentHash_key" ON "DatasetRecord"("datasetId", "contentHash");

-- CreateIndex
CREATE UNIQUE INDEX "AuditItem_queueItemId_key" ON "AuditItem"("queueItemId");

-- CreateIndex
CREATE INDEX "AuditItem_campaignId_idx" ON "AuditItem"("campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditReview_assignmentId_key" ON "AuditReview"("assignmentId");

-- CreateIndex
CREATE INDEX "AuditReview_itemId_idx" ON "AuditReview"("itemId");

-- CreateIndex
CREATE INDEX "QueueItem_queueId_position_idx" ON "QueueItem"("queueId", "position");

-- CreateIndex
CREATE INDEX "QueueAssignment_queueId_userId_status_idx" ON "QueueAssignment"("queueId", "userId", "status");

-- CreateIndex
CREATE INDEX "QueueAssignment_queueId_status_leaseExpiresAt_idx" ON "QueueAssignment"("queueId", "status", "leaseExpiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "QueueAssignment_itemId_userId_key" ON "QueueAssignment"("itemId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "StudyPrompt_studyId_matchKey_key" ON "StudyPrompt"("studyId", "matchKey");

-- CreateIndex
CREATE UNIQUE INDEX "StudyOutput_promptId_model_key" ON "StudyOutput"("promptId", "model");

-- CreateIndex
CREATE UNIQUE INDEX "StudyComparison_queueItemId_key" ON "StudyComparison"("queueItemId");

-- CreateIndex
CREATE INDEX "StudyComparison_studyId_idx" ON "StudyComparison"("studyId");

-- CreateIndex
CREATE INDEX "StudyJudgement_comparisonId_idx" ON "StudyJudgement"("comparisonId");

-- CreateIndex
CREATE UNIQUE INDEX "StudyJudgement_assignmentId_criterion_key" ON "StudyJudgement"("assignmentId", "criterion");

-- CreateIndex
CREATE UNIQUE INDEX "StudyJudgeVote_studyId_judge_criterion_promptId_modelA_mode_key" ON "StudyJudgeVote"("studyId", "judge", "criterion", "promptId", "modelA", "modelB");

-- AddForeignKey
ALTER TABLE "Seed" ADD CONSTRAINT "Seed_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "VocabularyTerm"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Seed" ADD CONSTRAINT "Seed_viewId_fkey" FOREIGN KEY ("viewId") REFERENCES "VocabularyTerm"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Seed" ADD CONSTRAINT "Seed_typeId_fkey" FOREIGN KEY ("typeId") REFERENCES "VocabularyTerm"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeedVersion" ADD CONSTRAINT "SeedVersion_seedId_fkey" FOREIGN KEY ("seedId") REFERENCES "Seed"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeedDraft" ADD CONSTRAINT "SeedDraft_seedId_fkey" FOREIGN KEY ("seedId") REFERENCES "Seed"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeedReview" ADD CONSTRAINT "SeedReview_seedId_fkey" FOREIGN KEY ("seedId") REFERENCES "Seed"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SeedPhiDecision" ADD CONSTRAINT "SeedPhiDecision_seedId_fkey" FOREIGN KEY ("seedId") REFERENCES "Seed"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DatasetRecord" ADD CONSTRAINT "DatasetRecord_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditCampaign" ADD CONSTRAINT "AuditCampaign_datasetId_fkey" FOREIGN KEY ("datasetId") REFERENCES "Dataset"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditItem" ADD CONSTRAINT "AuditItem_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "AuditCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditItem" ADD CONSTRAINT "AuditItem_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "DatasetRecord"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditItem" ADD CONSTRAINT "AuditItem_queueItemId_fkey" FOREIGN KEY ("queueItemId") REFERENCES "QueueItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditReview" ADD CONSTRAINT "AuditReview_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "AuditItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QueueAssignment" ADD CONSTRAINT "QueueAssignment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "QueueItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyRater" ADD CONSTRAINT "StudyRater_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyPrompt" ADD CONSTRAINT "StudyPrompt_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyOutput" ADD CONSTRAINT "StudyOutput_promptId_fkey" FOREIGN KEY ("promptId") REFERENCES "StudyPrompt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyComparison" ADD CONSTRAINT "StudyComparison_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyComparison" ADD CONSTRAINT "StudyComparison_queueItemId_fkey" FOREIGN KEY ("queueItemId") REFERENCES "QueueItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyJudgement" ADD CONSTRAINT "StudyJudgement_comparisonId_fkey" FOREIGN KEY ("comparisonId") REFERENCES "StudyComparison"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StudyJudgeVote" ADD CONSTRAINT "StudyJudgeVote_studyId_fkey" FOREIGN KEY ("studyId") REFERENCES "Study"("id") ON DELETE CASCADE ON UPDATE CASCADE;
