/**
 * The shared work queue (audit campaigns and preference studies). A queue is any uuid (the
 * campaign's or study's id); its items are QueueItem rows with a capacity (people per item).
 *
 * - createQueueItems(tx, { queueId, seed, items: [{ capacity, onlyForUserId? }] }) → ids in input
 *   order; positions are a seeded permutation (random but reproducible claim order).
 * - claimNextItem({ queueId, userId, leaseMinutes, client?, gate? }) → { assignmentId, itemId, resumed,
 *   leaseExpiresAt } | null; a `gate` (TClaimGate, the guidelines) is checked in the same statement
 *   (its refusal thrown) and its version stored on the assignment. Own unexpired lease first; else stale leases of the queue are expired
 *   and an item with a free slot the user has not LEASED/SUBMITTED/RELEASED is locked
 *   (FOR UPDATE SKIP LOCKED) and its claimedSlots incremented. Additions to the contract: a
 *   skipped (RELEASED) item is not offered to the same person again; claims of one person in one
 *   queue are serialised (advisory lock) so a double click never yields two leases; `client`
 *   lets tests act as another app instance.
 * - submitAssignment(tx, { assignmentId, userId }) → "submitted" | "already_submitted"; 404 for
 *   someone else's assignment; 409 (AppError CONFLICT) when the lease expired and the slot went
 *   to someone else (its `extra.reason` is LEASE_LOST, also in the problem+json body). Write your
 *   payload rows in the same tx, after this call. submitOutcome(queue_submit's text) maps the
 *   answer the same way, for a feature that calls queue_submit inside its own joined read.
 * - saveAssignmentDraft(userId, assignmentId, draft), releaseAssignment(userId, assignmentId,
 *   client?, onReleased?) (onReleased(tx) writes the caller's rows in the release's transaction),
 *   queueProgress(queueId), releaseLeasesExcept(tx, queueId, keepUserIds) (ends others' leases
 *   when a feature narrows who may work in a queue).
 *
 * Lock order everywhere: QueueItem row, then QueueAssignment row (no deadlocks). Lease times use
 * the database clock, so instances with skewed clocks agree.
 *
 * A feature gets the whole claim/draft/skip/submit flow over these from defineQueueFeature
 * (define-queue-feature.ts; what it supplies: queue-feature.ts); the HTTP protocol (claim 200/204,
 * shared draft/skip/submit, Idempotency-Key, 308s from the old URLs) is feature-routes.ts; the
 * features and shared routes are routes.ts.
 */
export { createQueueItems, type TNewQueueItem } from "./create-queue-items";
export { claimNextItem } from "./claim-next-item";
export { QUEUE_TX_OPTIONS } from "./tx-options";
export { LEASE_LOST, SKIPPED, submitAssignment, submitOutcome } from "./submit-assignment";
export { saveAssignmentDraft } from "./save-assignment-draft";
export { releaseAssignment } from "./release-assignment";
export { releaseLeasesExcept } from "./release-leases-except";
export { leftOutClaimers, lockClaimsOf } from "./lock-claims-of";
export { queueProgress } from "./queue-progress";
export type { TClaim, TClaimGate, TQueueClient, TQueueProgress } from "./types";
