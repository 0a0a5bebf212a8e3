import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { DEFAULT_MAPPING, type TFieldMapping } from "./field-mapping";
import { env } from "@/lib/env";
import { copyRecords } from "./copy-records";
import { insertRecords } from "./insert-records";
import { IMPORT_LIMITS } from "./limits";
import { parseBody, sniffFormat } from "./parse-body";
import { purgeAbandonedStaging } from "./purge-abandoned-staging";
import type { TRecordWriter } from "./record-writer";
import type { TConversationShape } from "@/lib/conversations/types";

export const IMPORT_CONTENT_TYPES = [
  "application/x-ndjson",
  "application/jsonl",
  "application/json",
] as const;

export type TImportResult = { id: string; name: string; count: number; duplicates: number };

const EMPTY_FILE = "The file is empty: it holds no records; nothing was imported";

/** The 422 for a file with bad records: the first bad lines, and the fields the file does have. */
function refusal(r: {
  invalid: object[];
  invalidCount: number;
  missingOutput: number;
  fileFields: string[];
  mapping: TFieldMapping;
  label: string;
}): AppError {
  const fields = r.fileFields.length ? r.fileFields.join(", ") : "none";
  const detail =
    r.missingOutput > 0
      ? `${r.missingOutput} record(s) have no "${r.mapping.output}" to use as the output, and every record needs one` +
        `${r.invalidCount > r.missingOutput ? ` (${r.invalidCount - r.missingOutput} other record(s) are invalid too)` : ""}; nothing was imported. ` +
        `The file's fields are: ${fields}. Choose which field is the output.`
      : `${r.invalidCount} record(s) are invalid; nothing was imported. The file's fields are: ${fields}.`;
  return new AppError("VALIDATION", detail, {
    extra: { invalid: r.invalid, invalidCount: r.invalidCount, fields: r.fileFields, mapping: r.mapping },
  });
}

/** COPY where the server speaks it; the embedded PGlite's wire protocol has no COPY FROM STDIN. */
function recordWriter(datasetId: string): TRecordWriter {
  return env().CLINREVIEW_EMBEDDED ? insertRecords(datasetId) : copyRecords(datasetId);
}

/**
 * Streams a JSONL or JSON-array file into a new dataset. Records are staged as they come (COPY
 * segments, or INSERT batches on the embedded database) under a STAGING dataset nobody can see;
 * any invalid record refuses the whole file (422 listing them) and the staging rows are deleted. Ordinals are line (JSONL) or element (array) numbers.
 */
export async function importDataset(
  user: TCurrentUser,
  input: { name: string; body: AsyncIterable<Uint8Array>; mapping?: TFieldMapping; licence?: string | null },
  ctx: TRequestContext,
): Promise<TImportResult> {
  const mapping = input.mapping ?? DEFAULT_MAPPING;
  await purgeAbandonedStaging();

  const dataset = await db().dataset.create({
    data: { name: input.name, createdById: user.id, status: "STAGING" },
  });
  const writer = recordWriter(dataset.id);
  // The uploaded file's SHA-256, as it streams through, for the manifests of exports drawn from it.
  const fileHash = createHash("sha256");
  const hashed = (async function* () {
    for await (const chunk of input.body) {
      fileHash.update(chunk);
      yield chunk;
    }
  })();
  try {
    const sniffed = await sniffFormat(hashed);
    const label = sniffed.format === "array" ? "item" : "line";
    const invalid: { [k: string]: number | string }[] = [];
    let invalidCount = 0;
    let valid = 0;
    const fields = new Set<string>();
    // Every field seen in the file, so a refusal can say what the file does have.
    const fileFields = new Set<string>();
    let missingOutput = 0;
    let conversationShape: TConversationShape | null = null;
    for await (const p of parseBody(sniffed.chunks, sniffed.format, mapping)) {
      for (const k of p.keys ?? []) if (fileFields.size < IMPORT_LIMITS.maxFields) fileFields.add(k);
      if (p.kind === "invalid") {
        invalidCount += 1;
        if (p.missingOutput) missingOutput += 1;
        if (invalid.length < IMPORT_LIMITS.maxListedErrors)
          invalid.push({ [label]: p.index, reason: p.reason });
        // Nothing more is written: the file is refused whole, and what was staged is deleted.
        if (invalidCount === 1) await writer.abort();
        continue;
      }
      valid += 1;
      conversationShape ??= p.record.shape ?? null;
      if (invalidCount > 0) continue; // keep reading only to report every bad record
      for (const k of Object.keys(p.record.metadata ?? {}))
        if (fields.size < IMPORT_LIMITS.maxFields) fields.add(k);
      await writer.add(p);
    }
    if (invalidCount > 0)
      throw refusal({ invalid, invalidCount, missingOutput, fileFields: [...fileFields], mapping, label });
    const inserted = await writer.finish();
    if (valid === 0) throw new AppError("VALIDATION", EMPTY_FILE);

    const duplicates = valid - inserted;
    const sha256 = fileHash.digest("hex");
    await db().$transaction(async (tx) => {
      await tx.dataset.update({
        where: { id: dataset.id },
        data: {
          status: "READY",
          count: inserted,
          duplicates,
          fields: [...fields].sort(),
          conversationShape,
          publishedAt: new Date(),
          sha256,
          licence: input.licence ?? null,
        },
      });
      await recordAudit(tx, ctx, {
        actorId: user.id,
        action: "dataset.import",
        entityType: "dataset",
        entityId: dataset.id,
        after: {
          name: input.name,
          count: inserted,
          duplicates,
          format: sniffed.format,
          mapping,
          ...(conversationShape ? { conversationShape } : {}),
          sha256,
          licence: input.licence ?? null,
        },
      });
    });
    return { id: dataset.id, name: input.name, count: inserted, duplicates };
  } catch (err) {
    await writer.abort();
    await db().dataset.deleteMany({ where: { id: dataset.id, status: "STAGING" } });
    throw err;
  }
}
