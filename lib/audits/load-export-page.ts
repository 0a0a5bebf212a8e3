import "server-only";
import { db, pgPool } from "@/lib/db/prisma";
import type { TItemReview } from "./final-verdict";

/** The record's texts come as JSON string literals, escaped by PostgreSQL (see PAGE_SQL). */
export type TExportItem = {
  ordinal: number;
  /** The record's line (JSONL) or element (array) number in the imported file. */
  recordOrdinal: number;
  instructionJson: string;
  inputJson: string;
  /** The original output ("" when none). */
  outputJson: string;
  isGold: boolean;
  /** The record's other source fields as kept at import (pg parses the jsonb). */
  metadata: Record<string, unknown> | null;
  /** Conversations: the context turns as stored (pg parses the jsonb), else null. */
  context: unknown;
  finalVerdict: string | null;
  finalFlags: string[] | null;
  finalOutput: string | null;
  reviews: TItemReview[];
};

/**
 * to_json(text) escapes exactly as JSON.stringify does (", \\, \\b \\f \\n \\r \\t, other control
 * characters as lowercase \\u00xx, nothing else; text never holds a lone surrogate), so the export
 * splices these literals into its lines instead of scanning ~80 MB of text again in JavaScript.
 */
const PAGE_SQL = `
  SELECT ai.ordinal, r.ordinal AS "recordOrdinal", to_json(r.instruction)::text AS "instructionJson", to_json(r.input)::text AS "inputJson",
         to_json(COALESCE(r.output, ''))::text AS "outputJson", r.metadata, r.context, ai."isGold", ai."finalVerdict", ai."finalFlags", ai."finalOutput",
         COALESCE((SELECT json_agg(json_build_object('reviewerId', v."reviewerId", 'verdict', v.verdict, 'flags', v.flags,
                                                     'correctedOutput', v."correctedOutput") ORDER BY v."createdAt")
                     FROM "AuditReview" v WHERE v."itemId" = ai.id AND v."supersededAt" IS NULL), '[]'::json) AS reviews
    FROM "AuditItem" ai JOIN "DatasetRecord" r ON r.id = ai."recordId"
   WHERE ai."campaignId" = $1::uuid AND ai.ordinal > $2 AND ai.ordinal <= $3
   ORDER BY ai.ordinal`;

/**
 * One window of a campaign's items with their records and reviews, in record order: ordinals in
 * (after, through]. An index range on ("campaignId", ordinal), where ordering by the record's
 * column sorted the whole remaining join every time; bounded by ordinals rather than a LIMIT, so
 * the export knows every window in advance and reads the next ones while it writes this one.
 * Windows keep the export's memory flat and stay clear of the bind-parameter limit that one
 * findMany with includes hits past ~32k items. Read through the pool under Prisma: the rows are
 * plain already (pg parses the json and text[] columns), and Prisma's raw-result mapping of 52k
 * rows of long texts was a third of the export's time.
 */
export async function loadExportWindow(
  campaignId: string,
  afterOrdinal: number,
  throughOrdinal: number,
): Promise<TExportItem[]> {
  return (await pgPool().query<TExportItem>(PAGE_SQL, [campaignId, afterOrdinal, throughOrdinal])).rows;
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
