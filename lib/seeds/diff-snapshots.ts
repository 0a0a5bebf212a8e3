import type { Prisma } from "@/lib/generated/prisma/client";
import { SNAPSHOT_FIELDS, type TSeedSnapshot } from "./seed-snapshot";

export type TFieldChange = { field: (typeof SNAPSHOT_FIELDS)[number]; before: unknown; after: unknown };

/** The fields that differ between two versions, in display order. */
export function diffSnapshots(before: TSeedSnapshot, after: TSeedSnapshot): TFieldChange[] {
  return SNAPSHOT_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])).map(
    (field) => ({
      field,
      before: before[field],
      after: after[field],
    }),
  );
}

/** One side of a diff as audit JSON: only the fields that changed. */
export function changesJson(
  changes: readonly TFieldChange[],
  side: "before" | "after",
): Prisma.InputJsonObject {
  return Object.fromEntries(changes.map((c) => [c.field, c[side] as Prisma.InputJsonValue | null]));
}
