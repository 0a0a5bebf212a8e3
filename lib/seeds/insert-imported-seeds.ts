import "server-only";
import { randomUUID } from "node:crypto";
import type { TTx } from "@/lib/db/prisma";
import type { TLabelLookup } from "@/lib/vocabulary/label-lookup";
import type { TAlpacaSeed } from "./alpacare-format";
import { termsFor } from "./resolve-import-labels";
import { snapshotJson, type TSeedSnapshot } from "./seed-snapshot";

type TImportStatus = "SUBMITTED" | "APPROVED";

/** Writes the seeds and their version 1 in file order; `statusOf` decides each record's status. */
export async function insertImportedSeeds(
  tx: TTx,
  args: {
    userId: string;
    batchId: string;
    records: readonly TAlpacaSeed[];
    lookup: TLabelLookup;
    statusOf: (index: number) => TImportStatus;
  },
): Promise<{ id: string; status: TImportStatus }[]> {
  const now = Date.now();
  const rows = args.records.map((r, i) => {
    const t = termsFor(r, args.lookup);
    const snapshot: TSeedSnapshot = {
      topicId: t.topic.id,
      topic: t.topic.label,
      viewId: t.view.id,
      view: t.view.label,
      typeId: t.type.id,
      type: t.type.label,
      instruction: r.instruction,
      input: r.input,
      difficulty: r.difficulty,
      referenceAnswer: "",
      specialtyTags: [],
      authorNotes: "",
      duplicateReason: "",
    };
    // createdAt steps by 1 ms so the export keeps the file's order.
    return { id: randomUUID(), at: new Date(now + i), snapshot, status: args.statusOf(i) };
  });
  await tx.seed.createMany({
    data: rows.map(({ id, at, snapshot: s, status }) => ({
      id,
      status,
      version: 1,
      authorId: args.userId,
      topicId: s.topicId,
      viewId: s.viewId,
      typeId: s.typeId,
      instruction: s.instruction,
      input: s.input === "" ? null : s.input,
      difficulty: s.difficulty,
      importedById: args.userId,
      importBatchId: args.batchId,
      createdAt: at,
      submittedAt: at,
      approvedAt: status === "APPROVED" ? at : null,
      approvedById: status === "APPROVED" ? args.userId : null,
    })),
  });
  await tx.seedVersion.createMany({
    data: rows.map(({ id, snapshot, status }) => ({
      seedId: id,
      version: 1,
      snapshot: snapshotJson(snapshot),
      savedById: args.userId,
      status,
    })),
  });
  return rows.map(({ id, status }) => ({ id, status }));
}
