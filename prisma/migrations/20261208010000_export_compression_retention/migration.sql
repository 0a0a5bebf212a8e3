-- Export chunks deflated off the main thread (lib/exports/chunk-codec.ts): null is a chunk stored as
-- sent (every row written before this migration), so old exports read back unchanged.
ALTER TABLE "ExportChunk" ADD COLUMN     "compression" TEXT;
ALTER TABLE "ExportChunk" ADD CONSTRAINT "ExportChunk_compression_check" CHECK ("compression" IS NULL OR "compression" = 'deflate');

-- Retention (lib/exports/sweep-exports.ts): when a completed export's chunks were deleted; the row
-- and its manifest stay, as does the manifest's audit row.
ALTER TABLE "ExportFile" ADD COLUMN     "expiredAt" TIMESTAMP(3);
