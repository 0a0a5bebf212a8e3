import { BODY_LIMITS } from "@/lib/http/body-limits";

/** Import limits: generous for real generated data, small enough that one request cannot exhaust memory. */
export const IMPORT_LIMITS = {
  maxBodyBytes: BODY_LIMITS.datasetImport,
  maxRecordBytes: 1024 * 1024,
  maxInstructionChars: 20_000,
  maxInputChars: 100_000,
  maxOutputChars: 100_000,
  maxMetadataChars: 20_000,
  maxMetadataKeys: 50,
  maxListedErrors: 50,
  batchSize: 1_000,
  // INSERT batches, used only on the embedded database (PGlite has no COPY FROM STDIN; a server
  // gets COPY segments, lib/datasets/copy-records.ts). Kept small in text, not only in rows:
  // Prisma serialises a raw query's parameters into one string and keeps its last 100 debug messages (about 25 queries' parameters). Strings above
  // V8's large-object size skip the young generation and pile up until a full collection:
  // 256 KB batches left ~420 MiB above idle for a 52k import, 60 KB batches ~230 (BENCHMARKS.md).
  batchChars: 60_000,
  maxFields: 100,
} as const;
