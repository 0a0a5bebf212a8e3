import "server-only";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TQueueClient } from "@/lib/queue";
import { detectPhi, type PhiKind } from "@/lib/phi";
import { flagsOf, type TFlag } from "./flags";

export type TReviewTask = {
  assignmentId: string;
  campaignId: string;
  instruction: string;
  input: string;
  output: string;
  flags: TFlag[];
  draft: Prisma.JsonValue;
  resumed: boolean;
  leaseExpiresAt: string;
  /** PHI-like spans of the record itself, so the reviewer can flag a generated record that holds some. */
  phiSpans: Record<"instruction" | "input" | "output", TPhiSpan[]>;
};
export type TPhiSpan = { kind: PhiKind; start: number; end: number };

/** Offsets and kinds only: the client already has the text. */
const spansOf = (text: string): TPhiSpan[] => detectPhi(text).map(({ kind, start, end }) => ({ kind, start, end }));

type TTaskRow = {
  id: string;
  draft: Prisma.JsonValue;
  leaseExpiresAt: Date;
  campaignId: string;
  flags: Prisma.JsonValue;
  instruction: string;
  input: string;
  output: string | null;
};

/**
 * What a reviewer sees of an item: never whether it is gold, never other reviews. One joined
 * query: this runs on every claim, the queue's hottest path.
 */
export async function taskForAssignment(userId: string, assignmentId: string, resumed: boolean, client: TQueueClient = db()): Promise<TReviewTask> {
  const rows = await client.$queryRaw<TTaskRow[]>`
    SELECT a.id, a.draft, a."leaseExpiresAt", c.id AS "campaignId", c.flags, r.instruction, r.input, r.output
      FROM "QueueAssignment" a
      JOIN "AuditItem" ai ON ai."queueItemId" = a."itemId"
      JOIN "AuditCampaign" c ON c.id = ai."campaignId"
      JOIN "DatasetRecord" r ON r.id = ai."recordId"
     WHERE a.id = ${assignmentId}::uuid AND a."userId" = ${userId}::uuid`;
  const a = rows[0];
  if (!a) throw notFound("Assignment");
  return {
    assignmentId: a.id,
    campaignId: a.campaignId,
    instruction: a.instruction,
    input: a.input,
    output: a.output ?? "",
    flags: flagsOf(a.flags),
    draft: a.draft,
    resumed,
    leaseExpiresAt: a.leaseExpiresAt.toISOString(),
    // Scanned for this one record as it is shown (about a millisecond), not for the whole dataset.
    phiSpans: { instruction: spansOf(a.instruction), input: spansOf(a.input), output: spansOf(a.output ?? "") },
  };
}
