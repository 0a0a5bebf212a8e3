-- Export chunks compressed by PostgreSQL's lz4 where the server has it (Debian's and most builds
-- do; the embedded PGlite does not, and keeps plain out-of-line storage). Measured on the
-- 52,002-record export (BENCHMARKS.md): a third of the TOAST rows and WAL per chunk at lz4's speed,
-- against pglz, which cost the build more CPU than it saved (20261207080000_export_chunk_storage).
-- Existing chunks keep their form; reads are the same either way.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    ALTER TABLE "ExportChunk" ALTER COLUMN "data" SET STORAGE EXTENDED;
    ALTER TABLE "ExportChunk" ALTER COLUMN "data" SET COMPRESSION lz4;
  END IF;
END $$;
