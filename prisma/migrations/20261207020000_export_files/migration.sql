-- AlterTable
ALTER TABLE "Dataset" ADD COLUMN     "licence" TEXT,
ADD COLUMN     "sha256" TEXT;

-- CreateTable
CREATE TABLE "ExportFile" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "sourceType" TEXT NOT NULL,
    "sourceId" UUID,
    "filters" JSONB NOT NULL DEFAULT '{}',
    "licence" TEXT,
    "contentType" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "sha256" TEXT,
    "bytes" BIGINT NOT NULL DEFAULT 0,
    "rows" INTEGER NOT NULL DEFAULT 0,
    "manifest" JSONB,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "ExportFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExportChunk" (
    "exportId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "ExportChunk_pkey" PRIMARY KEY ("exportId","seq")
);

-- CreateIndex
CREATE INDEX "ExportFile_sourceType_sourceId_createdAt_idx" ON "ExportFile"("sourceType", "sourceId", "createdAt");

-- AddForeignKey
ALTER TABLE "ExportFile" ADD CONSTRAINT "ExportFile_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExportChunk" ADD CONSTRAINT "ExportChunk_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "ExportFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;
