-- Export chunks compressed by PostgreSQL's lz4 where the server has it (Debian's and most builds
-- do): a third of the TOAST rows and WAL per chunk at lz4's speed (BENCHMARKS.md), where pglz cost
-- the build more CPU than it saved (20261207080000_export_chunk_storage). Elsewhere (the embedded
-- PGlite has no lz4) chunks stay uncompressed out of line. Existing chunks keep their form; reads
-- are the same either way. Idempotent, and it skips a database without the table: a restore runs
-- it again (scripts/support/backup.ts), since dumps leave column compression out to stay portable.
DO $$
BEGIN
  IF to_regclass('"ExportChunk"') IS NULL THEN
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
    ALTER TABLE "ExportChunk" ALTER COLUMN "data" SET STORAGE EXTENDED;
    ALTER TABLE "ExportChunk" ALTER COLUMN "data" SET COMPRESSION lz4;
  ELSE
    ALTER TABLE "ExportChunk" ALTER COLUMN "data" SET STORAGE EXTERNAL;
  END IF;
END $$;
