import "server-only";
import type { CopyRows } from "@/lib/db/copy-binary";
import { copyOutBinary } from "@/lib/db/copy-out";
import { db, pgPool } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import type { TItemReview } from "./final-verdict";
import { isUuid } from "@/lib/text/is-uuid";

/**
 * The record's texts come as the UTF-8 bytes of JSON string literals, escaped by PostgreSQL (see
 * windowQuery), and go into the export as they are: never decoded into JavaScript strings and
 * encoded back, which was most of a large export's CPU (profiled: BENCHMARKS.md).
 */
export type TExportItem = {
  ordinal: number;
  /** The record's line (JSONL) or element (array) number in the imported file. */
  recordOrdinal: number;
  instructionJson: Buffer;
  inputJson: Buffer;
  /** The original output ("" when none). */
  outputJson: Buffer;
  isGold: boolean;
  /** The record's other source fields as kept at import. */
  metadata: Record<string, unknown> | null;
  /** Conversations: the context turns as stored, else null. */
  context: unknown;
  finalVerdict: string | null;
  finalFlags: string[] | null;
  finalOutput: string | null;
  reviews: TItemReview[];
  /** The item's stratum (for the manifest's summary, tallied as the export reads: report-tally.ts). */
  stratum: string | null;
};

/**
 * to_json(text) escapes exactly as JSON.stringify does (", \\, \\b \\f \\n \\r \\t, other control
 * characters as lowercase \\u00xx, nothing else; text never holds a lone surrogate), so the export
 * splices these literals into its lines instead of scanning ~80 MB of text again in JavaScript.
 * COPY takes no bind parameters, so the campaign id and the bounds are written into the text, and
 * only after they are checked to be a UUID and integers: nothing else can reach the statement.
 * The window's items are ordered in a subquery of their own short columns (a subquery with ORDER BY
 * is not flattened), and the nested loop to the records keeps that order: otherwise the planner
 * sorted the finished rows, texts and all (3 MB a window), a third of the window's CPU (measured
 * per backend: BENCHMARKS.md). Reviews go in the order the report and reviews.csv read them
 * (created, then id), so the line's reviewers and the tallied agreement match theirs.
 */
function windowQuery(campaignId: string, after: number, through: number): string {
  if (!isUuid(campaignId) || !Number.isSafeInteger(after) || !Number.isSafeInteger(through))
    throw new AppError("INTERNAL", "An export window takes a campaign UUID and integer bounds");
  return `
  SELECT ai.ordinal, r.ordinal, to_json(r.instruction)::text, to_json(r.input)::text,
         to_json(COALESCE(r.output, ''))::text, r.metadata::text, r.context::text, ai."isGold",
         ai."finalVerdict"::text, to_json(ai."finalFlags")::text, ai."finalOutput",
         COALESCE((SELECT json_agg(json_build_object('reviewerId', v."reviewerId", 'verdict', v.verdict, 'flags', v.flags,
                                                     'correctedOutput', v."correctedOutput") ORDER BY v."createdAt", v.id)
                     FROM "AuditReview" v WHERE v."itemId" = ai.id AND v."supersededAt" IS NULL), '[]'::json)::text,
         ai.stratum
    FROM (SELECT id, ordinal, "recordId", "isGold", "finalVerdict", "finalFlags", "finalOutput", stratum
            FROM "AuditItem"
           WHERE "campaignId" = '${campaignId}'::uuid AND ordinal > ${after} AND ordinal <= ${through}
           ORDER BY ordinal) ai
    JOIN "DatasetRecord" r ON r.id = ai."recordId"
   ORDER BY ai.ordinal`;
}

/** The cursor's current row as an export item (its literals are views into the COPY output). */
export function exportItem(row: CopyRows): TExportItem {
  const literal = (i: number) => {
    const b = row.bytes(i);
    if (!b) throw new AppError("INTERNAL", "An export row lacks a text literal");
    return b;
  };
  return {
    ordinal: row.int4(0),
    recordOrdinal: row.int4(1),
    instructionJson: literal(2),
    inputJson: literal(3),
    outputJson: literal(4),
    metadata: row.json(5) as Record<string, unknown> | null,
    context: row.json(6),
    isGold: row.bool(7),
    finalVerdict: row.text(8),
    finalFlags: row.json(9) as string[] | null,
    finalOutput: row.text(10),
    reviews: row.json(11) as TItemReview[],
    stratum: row.text(12),
  };
}

/**
 * One window of a campaign's items with their records and reviews, in record order: ordinals in
 * (after, through]. An index range on ("campaignId", ordinal), where ordering by the record's
 * column sorted the whole remaining join every time; bounded by ordinals rather than a LIMIT, so
 * the export knows every window in advance and reads the next ones while it writes this one.
 * Windows keep the export's memory flat and stay clear of the bind-parameter limit that one
 * findMany with includes hits past ~32k items. Read as binary COPY on the pool, under Prisma: the
 * record texts arrive as bytes (lib/db/copy-out.ts), and Prisma's raw-result mapping of 52k rows
 * of long texts was a third of the export's time. The rows are read (exportItem) only as the
 * window is written, so windows read ahead hold one buffer each, not thousands of objects.
 */
export async function loadExportWindow(
  campaignId: string,
  afterOrdinal: number,
  throughOrdinal: number,
): Promise<CopyRows> {
  return copyOutBinary(windowQuery(campaignId, afterOrdinal, throughOrdinal));
}

/** The campaign's ordinal range (null when it has no items). */
export async function exportOrdinalRange(
  campaignId: string,
): Promise<{ first: number; last: number } | null> {
  const r = await pgPool().query<{ first: number | null; last: number | null }>(
    `SELECT min(ordinal) AS first, max(ordinal) AS last FROM "AuditItem" WHERE "campaignId" = $1::uuid`,
    [campaignId],
  );
  const row = r.rows[0];
  return row && row.first !== null && row.last !== null ? { first: row.first, last: row.last } : null;
}

/** Pseudonyms of everyone who reviewed in the campaign. */
export async function campaignPseudonyms(campaignId: string): Promise<Map<string, string>> {
  const rows = await db().$queryRaw<{ id: string; pseudonym: string }[]>`
    SELECT u.id, u.pseudonym FROM "User" u
     WHERE u.id IN (SELECT DISTINCT v."reviewerId" FROM "AuditReview" v JOIN "AuditItem" ai ON ai.id = v."itemId" WHERE ai."campaignId" = ${campaignId}::uuid AND v."supersededAt" IS NULL)`;
  return new Map(rows.map((r) => [r.id, r.pseudonym]));
}
