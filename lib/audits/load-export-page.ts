import "server-only";
import { db } from "@/lib/db/prisma";
import type { TItemReview } from "./final-verdict";

export type TExportItem = {
  ordinal: number;
  instruction: string;
  input: string;
  output: string | null;
  isGold: boolean;
  finalVerdict: string | null;
  finalFlags: string[] | null;
  finalOutput: string | null;
  reviews: TItemReview[];
};

/**
 * One page of a campaign's items with their records and reviews, in record order after
 * `afterOrdinal` (keyset paging on the ("campaignId", ordinal) index: each page is an index range,
 * where ordering by the record's column sorted the whole remaining join every time). Pages keep the export's memory flat and stay clear of the
 * bind-parameter limit that one findMany with includes hits past ~32k items.
 */
export async function loadExportPage(campaignId: string, afterOrdinal: number, size: number): Promise<TExportItem[]> {
  return db().$queryRaw<TExportItem[]>`
    SELECT ai.ordinal, r.instruction, r.input, r.output, ai."isGold", ai."finalVerdict", ai."finalFlags", ai."finalOutput",
           COALESCE((SELECT json_agg(json_build_object('reviewerId', v."reviewerId", 'verdict', v.verdict, 'flags', v.flags,
                                                       'correctedOutput', v."correctedOutput") ORDER BY v."createdAt")
                       FROM "AuditReview" v WHERE v."itemId" = ai.id), '[]'::json) AS reviews
      FROM "AuditItem" ai JOIN "DatasetRecord" r ON r.id = ai."recordId"
     WHERE ai."campaignId" = ${campaignId}::uuid AND ai.ordinal > ${afterOrdinal}
     ORDER BY ai.ordinal
     LIMIT ${size}`;
}

/** Pseudonyms of everyone who reviewed in the campaign. */
export async function campaignPseudonyms(campaignId: string): Promise<Map<string, string>> {
  const rows = await db().$queryRaw<{ id: string; pseudonym: string }[]>`
    SELECT u.id, u.pseudonym FROM "User" u
     WHERE u.id IN (SELECT DISTINCT v."reviewerId" FROM "AuditReview" v JOIN "AuditItem" ai ON ai.id = v."itemId" WHERE ai."campaignId" = ${campaignId}::uuid)`;
  return new Map(rows.map((r) => [r.id, r.pseudonym]));
}
