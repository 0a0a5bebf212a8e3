import type { z } from "zod";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { TPermission } from "@/lib/auth/permissions";
import type { TAuditEntry } from "@/lib/audit/record-audit";
import type { AppError } from "@/lib/errors/app-error";
import type { PgTx } from "@/lib/db/pg-transaction";
import type { Sql } from "@/lib/db/sql";
import type { TTx } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TRequestContext } from "@/lib/http/request-context";
import type { TClaim, TClaimGate, TQueueClient } from "./types";

/** A queue's state as the protocol sees it: only ACTIVE hands out work, CLOSED takes no submit. */
export type TQueueStatus = "ACTIVE" | "PAUSED" | "CLOSED";

/** An assignment the caller names; the submit's `load` finds out whether it is theirs and this feature's. */
export type TAssignmentRef = { user: TCurrentUser; assignmentId: string; client: TQueueClient };
/** The caller's assignment, known to be theirs and in this feature's queue. */
export type TOwnAssignment = TAssignmentRef & { queueId: string };

/**
 * What a queue-backed feature supplies: its access rule, its view of an item, its schemas and what
 * a submit writes. The rest of the protocol (status 409s, leases, ownership 404s, the draft save,
 * the skip's release with its audit row, the submit's transaction and queue_submit) is lib/queue's.
 */
export type TQueueFeatureSpec<
  TPayload,
  TDraft,
  TOpen extends { status: TQueueStatus; leaseMinutes: number },
  TView,
  TTarget,
  TResult,
  TAnswer = unknown,
> = {
  /** Names the feature in the OpenAPI document. */
  tag: string;
  permission: TPermission;
  /** "/api/v1/audits/:id/assignments/next": :id is the queue (campaign or study). */
  claimPath: string;
  claimSummary: string;
  viewDescription: string;
  /** The message when :id is not a uuid ("Unknown campaign"). */
  unknownQueue: string;
  /** The 409's message for a queue that is not ACTIVE ("This campaign is paused"). */
  statusMessage: Record<Exclude<TQueueStatus, "ACTIVE">, string>;
  /**
   * The queue of the caller's assignment when it is one of this feature's (a campaign, a study),
   * null otherwise: one joined read of the assignment and the feature's queue row.
   */
  assignmentQueue(userId: string, assignmentId: string, client: TQueueClient): Promise<string | null>;
  /**
   * Optional, for speed: `openQueue` and the claim in one statement (queue_claim gated on the
   * queue being ACTIVE, as lib/audits/review-task.ts's claimReviewTask does). Same answers as openQueue, then claimNextItem;
   * with `view` (what `view` would give for the claim, read in the same statement) no further read.
   * It must check `gate` (the feature's claimGate) in that same statement, as claimNextItem does:
   * claim only when the gate's `ok`, through queue_claim_under with the gate's version, and return
   * the gate's row as `refused` when it is not ok (thrown after the status 409).
   */
  openAndClaim?(
    user: TCurrentUser,
    queueId: string,
    client: TQueueClient,
    gate: TClaimGate | undefined,
  ): Promise<{ queue: TOpen; claim: TClaim | null; view?: TView; refused?: AppError }>;
  /**
   * Optional: what the caller must have done before claiming though the queue is open to them
   * (acknowledged the current guidelines, lib/guidelines/claim-gate.ts). Checked inside the claim's
   * own statement, never as a statement of its own; on a refusal the claim still answers
   * openQueue's 404/403 or the status 409 first, so only someone who may work on the queue learns
   * of it. The gate's version is stored on the assignment (QueueAssignment.guidelineVersion).
   */
  claimGate?: TClaimGate;
  /** The rater-facing title of a queue the caller may work on (throws 404 as openQueue does). */
  title(user: TCurrentUser, queueId: string, client: TQueueClient): Promise<string>;
  /** The caller's access to the queue: throws (404 unknown or not theirs) or returns its state. */
  openQueue(user: TCurrentUser, queueId: string, client: TQueueClient): Promise<TOpen>;
  /** What the caller's browser receives for a claimed item (nothing it must not see). */
  view(user: TCurrentUser, claim: TClaim, queue: TOpen, client: TQueueClient): Promise<TView>;
  /** The autosave body, and the feature's checks of it beyond its schema (throw AppError). */
  draft: z.ZodType<TDraft>;
  checkDraft?(own: TOwnAssignment, draft: TDraft): Promise<void>;
  /** The skip's audit row (written in the release's transaction); actor and request are added. */
  skipRecord(released: {
    assignmentId: string;
    itemId: string;
    queueId: string;
  }): Omit<TAuditEntry, "actorId">;
  /** The submit body (a review, a judgement). */
  payload: z.ZodType<TPayload>;
  submit: TQueueSubmit<TPayload, TTarget, TResult>;
  /** Undo (issue 15): the feature's rules and rows for reopening a submitted answer. */
  reopen: TQueueReopen<TAnswer>;
  /**
   * The statement that locks the queue's own row (the campaign, the study) FOR SHARE. An undo takes
   * it first, before the person's claim lock, the order a list change takes them in (its queue row
   * FOR NO KEY UPDATE, then the claim locks): lib/queue names no feature's table.
   */
  lockQueueRow(queueId: string): Sql;
};

/** Why a reopen is refused: `extra.reason` of the 409, also shown on the My answers page. */
export type TReopenRefusal = { reason: string; message: string };

/** A submitted answer of the caller, as the feature's reopen sees it (read under the queue's locks). */
export type TReopenTarget = {
  queueId: string;
  leaseMinutes: number;
  /** Already reopened and not yet resubmitted: the reopen answers as before (idempotent). */
  reopened: boolean;
};

/**
 * What a reopen needs of a feature. lib/queue runs it in one transaction: the queue row (the
 * spec's lockQueueRow), the person's claim lock, the item and assignment row locks (the order every queue operation uses), then `load`, `refusal`,
 * `supersede` (marks the current answer superseded and writes the audit row), then the assignment
 * becomes a live lease again with `draft` as its draft and the item one completed slot fewer.
 */
export type TQueueReopen<TAnswer> = {
  load(tx: TTx, ref: TAssignmentRef): Promise<(TReopenTarget & { answer: TAnswer }) | null>;
  /** null: may be reopened; else why not (also used, without locks, by the My answers list). */
  refusal(answer: TAnswer, now: Date): TReopenRefusal | null;
  /**
   * The same rules for one of the caller's submitted assignments, read without locks: whether the
   * work screen offers Undo for the last answer after a reload (GET …/progress). The reopen itself
   * checks again under its locks.
   */
  check(client: TQueueClient, assignmentId: string, now: Date): Promise<TReopenRefusal | null>;
  /** `load`'s `reopened` read without locks, for the progress's Undo (undo-rule.ts). */
  reopened(client: TQueueClient, assignmentId: string): Promise<boolean>;
  /** Marks the answer superseded and records the audit row; returns the draft to resume from. */
  supersede(
    tx: TTx,
    ref: TAssignmentRef,
    answer: TAnswer,
    ctx: TRequestContext | null,
  ): Promise<Prisma.InputJsonValue>;
};

/**
 * What a submit writes; lib/queue runs it in the submit's transaction around queue_submit. The
 * transaction is a pg one (lib/db/pg-transaction.ts), not Prisma's: the submit is, with the claim,
 * the queue's hottest path, and its statements are parameterised `sql` tags.
 */
export type TQueueSubmit<TPayload, TTarget, TResult> = {
  /**
   * Reads what the write needs, inside the submit's transaction; null: not this feature's (404).
   * With `loadSubmits`, the same read also calls queue_submit and returns its text as `outcome`.
   */
  load(
    tx: PgTx,
    ref: TAssignmentRef,
  ): Promise<{ status: TQueueStatus; target: TTarget; outcome?: string } | null>;
  /**
   * The load's joined read calls queue_submit itself (saves the transaction a round trip). The
   * checks still come first in effect: the outcome is looked at only after them, and a failing
   * check (or the CLOSED 409) throws, which rolls queue_submit back with the transaction.
   */
  loadSubmits?: boolean;
  /** Checks the payload against the item before the queue marks it submitted (throw AppError). */
  check?(payload: TPayload, target: TTarget): void;
  /** Writes the payload's rows for a fresh submit (same transaction). */
  write(
    tx: PgTx,
    ref: TAssignmentRef,
    payload: TPayload,
    target: TTarget,
    ctx: TRequestContext | null,
  ): Promise<TResult>;
  /** The answer to a repeat of an already submitted assignment. */
  replay(tx: PgTx, ref: TAssignmentRef, target: TTarget): Promise<TResult>;
  /** The HTTP answer of a result (default 200 with the result). */
  respond?: (result: TResult) => { status: number; body: unknown };
  /** When the lease went to someone else: the work to keep as the draft (none kept without it). */
  draftOnLeaseLost?: (payload: TPayload) => Prisma.InputJsonValue;
};
