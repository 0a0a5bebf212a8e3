import type { TImportRecord } from "./validate-record";

export type TImportRow = { index: number; record: TImportRecord };

/**
 * Where an import's valid records go, in file order: `add` may wait (backpressure), `finish`
 * writes the rest and answers how many rows were stored (exact duplicates skipped), `abort`
 * stops at once (the caller deletes the staging dataset, and with it what was written).
 */
export type TRecordWriter = {
  add(row: TImportRow): Promise<void>;
  finish(): Promise<number>;
  abort(): Promise<void>;
};
