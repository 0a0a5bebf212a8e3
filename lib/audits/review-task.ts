import "server-only";
import { hash } from "node:crypto";
import { db } from "@/lib/db/prisma";
import { sql } from "@/lib/db/sql";
import { notFound } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TQueueClient } from "@/lib/queue";
import type { TClaimGate } from "@/lib/queue/types";
import { sqlOn } from "@/lib/queue/sql-on";
import { detectPhi, type PhiKind } from "@/lib/phi";
import { readStoredTurns } from "@/lib/conversations/stored-turns";
import type { TTurn } from "@/lib/conversations/types";
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
  /** Conversations: the turns before the output under review (null for a single-text record). */
  context: TTurn[] | null;
  /** PHI-like spans of each context turn, by turn index (offsets into that turn's content). */
  contextPhiSpans: TPhiSpan[][];
};
export type TPhiSpan = { kind: PhiKind; start: number; end: number };

/** Offsets and kinds only: the client already has the text. */
export const spansOf = (text: string): TPhiSpan[] =>
  detectPhi(text).map(({ kind, start, end }) => ({ kind, start, end }));

type TRecordSpans = TReviewTask["phiSpans"];
const SPANS_KEPT = 2_000;
const recentSpans = new Map<string, TRecordSpans>();

/**
 * The record's spans, kept for the last SPANS_KEPT records this process showed: the scan costs a
 * claim about as much CPU as the rest of its work (BENCHMARKS.md, "Claim and submit at
 * saturation"), and every item is shown to each of its reviewers and again on a resume. Keyed by
 * a digest of the texts (a record may hold 200,000 characters; 2,000 of them as keys would be
 * hundreds of MB), so a changed record is scanned anew; the scan depends on nothing else.
 */
function recordSpans(instruction: string, input: string, output: string): TRecordSpans {
  const key = hash("sha256", JSON.stringify([instruction, input, output]), "base64");
  const kept = recentSpans.get(key);
  if (kept) return kept;
  const spans = { instruction: spansOf(instruction), input: spansOf(input), output: spansOf(output) };
  if (recentSpans.size >= SPANS_KEPT) {
    const oldest = recentSpans.keys().next().value;
    if (oldest !== undefined) recentSpans.delete(oldest);
  }
  recentSpans.set(key, spans);
  return spans;
}

type TTaskRow = {
  id: string;
  draft: Prisma.JsonValue;
  leaseExpiresAt: Date;
  campaignId: string;
  flags: Prisma.JsonValue;
  instruction: string;
  input: string;
  output: string | null;
  context: Prisma.JsonValue;
};

/**
 * What a reviewer sees of an item: never whether it is gold, never other reviews. One joined
 * query: this runs on every claim, the queue's hottest path.
 */
export async function taskForAssignment(
  userId: string,
  assignmentId: string,
  resumed: boolean,
  client: TQueueClient = db(),
): Promise<TReviewTask> {
  const rows = await client.$queryRaw<TTaskRow[]>`
    SELECT a.id, a.draft, a."leaseExpiresAt", c.id AS "campaignId", c.flags, r.instruction, r.input, r.output, r.context
      FROM "QueueAssignment" a
      JOIN "AuditItem" ai ON ai."queueItemId" = a."itemId"
      JOIN "AuditCampaign" c ON c.id = ai."campaignId"
      JOIN "DatasetRecord" r ON r.id = ai."recordId"
     WHERE a.id = ${assignmentId}::uuid AND a."userId" = ${userId}::uuid`;
  const a = rows[0];
  if (!a) throw notFound("Assignment");
  return taskOf(a, resumed);
}

type TTaskFields = Omit<TTaskRow, "id" | "leaseExpiresAt"> & { id: string; leaseExpiresAt: Date };

function taskOf(a: TTaskFields, resumed: boolean): TReviewTask {
  const context = readStoredTurns(a.context);
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
    // Scanned for this one record as it is shown (a few milliseconds), not for the whole dataset.
    phiSpans: recordSpans(a.instruction, a.input, a.output ?? ""),
    context,
    contextPhiSpans: (context ?? []).map((t) => spansOf(t.content)),
  };
}

type TClaimTaskRow = {
  gate_ok: boolean;
  gate_version: number | null;
  gate_acknowledged: number | null;
  status: string;
  open_to: boolean;
  lease_minutes: number;
  flags: Prisma.JsonValue;
  claimed: { claimed_id: string; claimed_item: string; was_resumed: boolean; lease_until: string } | null;
  draft: Prisma.JsonValue;
  instruction: string | null;
  input: string | null;
  output: string | null;
  context: Prisma.JsonValue;
};

/**
 * The audit claim in one statement: the campaign's status, queue_claim when it is ACTIVE (inside
 * a CASE, so a paused or closed campaign hands out nothing; the materialised CTE runs it once)
 * and the claimed item's record, joined by the ids queue_claim returned. The new assignment row
 * is not in the statement's snapshot, so its draft is read from the row as it was before: none
 * for a fresh lease, the kept draft for a resumed or re-leased one (queue_claim leaves it as is).
 * A campaign with named reviewers claims nothing for anyone else (queue_open_to, migration
 * …_campaign_reviewers: the claim rule checks the same inside queue_claim); `openTo` says so.
 * The claim gate (the guidelines, lib/guidelines/claim-gate.ts) is a CTE of the same statement:
 * nothing is claimed unless it is ok, and its version goes onto the assignment (queue_claim_under);
 * `refused` is the gate's row when it is not ok. null: no such campaign.
 */
export async function claimReviewTask(
  userId: string,
  campaignId: string,
  client: TQueueClient = db(),
  gate?: TClaimGate,
) {
  const gateSql = gate
    ? gate.sql(userId, campaignId)
    : sql`SELECT true AS ok, NULL::int AS version, NULL::int AS acknowledged`;
  const rows = await sqlOn(client).rows<TClaimTaskRow>(sql`
    WITH g AS MATERIALIZED (${gateSql}),
    q AS MATERIALIZED (
      SELECT g.ok AS gate_ok, g.version AS gate_version, g.acknowledged AS gate_acknowledged,
             c.status::text AS status, c."leaseMinutes" AS lease_minutes, c.flags,
             queue_open_to(c.id, ${userId}::uuid) AS open_to,
             CASE WHEN c.status::text = 'ACTIVE' AND g.ok AND queue_open_to(c.id, ${userId}::uuid) THEN
               (SELECT json_build_object('claimed_id', x.claimed_id, 'claimed_item', x.claimed_item, 'was_resumed', x.was_resumed,
                                          'lease_until', x.lease_until AT TIME ZONE 'UTC')
                  FROM queue_claim_under(c.id, ${userId}::uuid, LEAST(24 * 60, GREATEST(1, c."leaseMinutes")), g.version) x)
             END AS claimed
        FROM "AuditCampaign" c, g
       WHERE c.id = ${campaignId}::uuid)
    SELECT q.gate_ok, q.gate_version, q.gate_acknowledged, q.status, q.open_to, q.lease_minutes, q.flags, q.claimed,
           a.draft, r.instruction, r.input, r.output, r.context
      FROM q
      LEFT JOIN "AuditItem" ai ON ai."queueItemId" = (q.claimed->>'claimed_item')::uuid
      LEFT JOIN "DatasetRecord" r ON r.id = ai."recordId"
      LEFT JOIN "QueueAssignment" a ON a.id = (q.claimed->>'claimed_id')::uuid`);
  const row = rows[0];
  if (!row) return null;
  const c = row.claimed;
  const queue = { status: row.status, leaseMinutes: row.lease_minutes, openTo: row.open_to };
  const refused =
    gate && !row.gate_ok
      ? gate.refusal({ ok: false, version: row.gate_version, acknowledged: row.gate_acknowledged })
      : undefined;
  if (!c) return { queue, claim: null, view: undefined, refused };
  if (row.instruction === null || row.input === null) throw notFound("Assignment");
  const claim = {
    assignmentId: c.claimed_id,
    itemId: c.claimed_item,
    resumed: c.was_resumed,
    leaseExpiresAt: new Date(c.lease_until),
  };
  const view = taskOf(
    {
      id: c.claimed_id,
      draft: row.draft ?? null,
      leaseExpiresAt: claim.leaseExpiresAt,
      campaignId,
      flags: row.flags,
      instruction: row.instruction,
      input: row.input,
      output: row.output,
      context: row.context,
    },
    claim.resumed,
  );
  return { queue, claim, view };
}
