import type { Sql } from "@/lib/db/sql";
import type { AppError } from "@/lib/errors/app-error";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** A client to run on: the app's db() by default; tests pass their own to act as another instance. */
export type TQueueClient = PrismaClient;

/**
 * A condition of the claim checked inside the claim's own statement (no round trip of its own): the
 * rater guidelines (lib/guidelines/claim-gate.ts). `sql` is a one-row SELECT with `ok` (may claim),
 * `version` (the version in force, stored on the handed-out assignment) and `acknowledged`.
 */
export type TClaimGate = {
  sql(userId: string, queueId: string): Sql;
  refusal(row: TClaimGateRow): AppError;
};
export type TClaimGateRow = { ok: boolean; version: number | null; acknowledged: number | null };

export type TClaim = { assignmentId: string; itemId: string; resumed: boolean; leaseExpiresAt: Date };

export type TQueueProgress = {
  items: number;
  slots: number;
  claimedSlots: number;
  completedSlots: number;
  completeItems: number;
  perUser: { userId: string; submitted: number; leased: number }[];
};
