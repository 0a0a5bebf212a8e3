-- Issue 17 item 2, made fast: export chunks are stored out of line but uncompressed. pglz on every
-- ~1 MB chunk cost the build CPU for a file read back whole anyway (plain, no lz4: PGlite and
-- PostgreSQL both have it). Existing chunks keep their form; new ones are written this way.
ALTER TABLE "ExportChunk" ALTER COLUMN "data" SET STORAGE EXTERNAL;
