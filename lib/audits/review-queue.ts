import "server-only";
import { sql } from "@/lib/db/sql";
import { notFound } from "@/lib/errors/app-error";
import { notNamedReviewer } from "./campaign-reviewers";
import { defineQueueFeature } from "@/lib/queue/define-queue-feature";
import { guidelinesGate } from "@/lib/guidelines/claim-gate";
import type { TQueueStatus } from "@/lib/queue/queue-feature";
import { claimReviewTask, taskForAssignment } from "./review-task";
import { ZDraft, ZReview } from "./schemas";
import { reviewReopen } from "./reopen-review";
import { reviewSubmit } from "./submit-review";

/** Audit campaigns on the shared queue protocol: lib/queue does the rest (define-queue-feature.ts). */
export const auditQueue = defineQueueFeature({
  tag: "Audits",
  permission: "audits:review",
  claimPath: "/api/v1/audits/:id/assignments/next",
  claimSummary: "Claim your next item (your open lease first)",
  viewDescription: "{ assignmentId, instruction, input, output, flags, draft, leaseExpiresAt, phiSpans }",
  unknownQueue: "Unknown campaign",
  statusMessage: { PAUSED: "This campaign is paused", CLOSED: "This campaign is closed" },
  async assignmentQueue(userId, assignmentId, client) {
    const rows = await client.$queryRaw<{ queueId: string }[]>`
      SELECT a."queueId" FROM "QueueAssignment" a JOIN "AuditCampaign" c ON c.id = a."queueId"
       WHERE a.id = ${assignmentId}::uuid AND a."userId" = ${userId}::uuid`;
    return rows[0]?.queueId ?? null;
  },
  // Rater guidelines: the current version must be acknowledged before a claim (lib/guidelines),
  // checked inside the claim's one statement (openAndClaim below).
  claimGate: guidelinesGate("audit"),
  async title(_user, campaignId, client) {
    const c = await client.auditCampaign.findUnique({ where: { id: campaignId }, select: { name: true } });
    if (!c) throw notFound("Campaign");
    return c.name;
  },
  async openQueue(user, campaignId, client) {
    const rows = await client.$queryRaw<{ status: TQueueStatus; leaseMinutes: number; openTo: boolean }[]>`
      SELECT status::text AS status, "leaseMinutes", queue_open_to(id, ${user.id}::uuid) AS "openTo"
        FROM "AuditCampaign" WHERE id = ${campaignId}::uuid`;
    const c = rows[0];
    if (!c) throw notFound("Campaign");
    if (!c.openTo) throw notNamedReviewer();
    return { status: c.status, leaseMinutes: c.leaseMinutes };
  },
  // The campaign's status, whether it is open to the caller (named reviewers), the claim and the
  // task are one statement (claimReviewTask). Someone a restricted campaign does not name gets a
  // 403 (campaign-reviewers.ts says why not a 404 or a 204).
  async openAndClaim(user, campaignId, client, gate) {
    const r = await claimReviewTask(user.id, campaignId, client, gate);
    if (!r) throw notFound("Campaign");
    if (!r.queue.openTo) throw notNamedReviewer();
    return {
      queue: { status: r.queue.status as TQueueStatus, leaseMinutes: r.queue.leaseMinutes },
      claim: r.claim,
      view: r.view,
      refused: r.refused,
    };
  },
  view: (user, claim, _campaign, client) =>
    taskForAssignment(user.id, claim.assignmentId, claim.resumed, client),
  draft: ZDraft,
  skipRecord: ({ assignmentId, itemId }) => ({
    action: "audit.skip",
    entityType: "audit_item",
    entityId: itemId,
    after: { assignmentId },
  }),
  payload: ZReview,
  submit: reviewSubmit,
  reopen: reviewReopen,
  lockQueueRow: (campaignId) => sql`SELECT id FROM "AuditCampaign" WHERE id = ${campaignId}::uuid FOR SHARE`,
});

/** The server helpers (the demo and tests call them as the routes do). */
export const {
  claim: nextReviewItem,
  submit: submitReview,
  saveDraft: saveReviewDraft,
  skip: skipReviewItem,
  reopen: reopenReview,
} = auditQueue;
