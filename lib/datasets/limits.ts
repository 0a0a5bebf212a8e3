/** Import limits: generous for real generated data, small enough that one request cannot exhaust memory. */
export const IMPORT_LIMITS = {
  maxBodyBytes: 512 * 1024 * 1024,
  maxRecordBytes: 1024 * 1024,
  maxInstructionChars: 20_000,
  maxInputChars: 100_000,
  maxOutputChars: 100_000,
  maxMetadataChars: 20_000,
  maxMetadataKeys: 50,
  maxListedErrors: 50,
  batchSize: 1_000,
  // Prisma keeps its last 100 debug messages, each query's parameters among them, for the life
  // of the process: a batch's text is retained ~25 times over, so batches stay small in bytes.
  batchChars: 256 * 1024,
  maxFields: 100,
} as const;
