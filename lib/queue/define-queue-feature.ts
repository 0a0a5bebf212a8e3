import "server-only";
import type { z } from "zod";
import { pgTransaction, type PgTx } from "@/lib/db/pg-transaction";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TPermission } from "@/lib/auth/permissions";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { AppError, notFound } from "@/lib/errors/app-error";
import { fieldErrorsOf } from "@/lib/errors/parse-input";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TRequestContext } from "@/lib/http/request-context";
import { claimNextItem } from "./claim-next-item";
import type { TAssignmentRef, TOwnAssignment, TQueueFeatureSpec, TQueueStatus } from "./queue-feature";
import { releaseAssignment } from "./release-assignment";
import { reopenAssignment, type TReopenResult } from "./reopen-assignment";
import { saveAssignmentDraft } from "./save-assignment-draft";
import { LEASE_LOST, submitAssignment, submitOutcome } from "./submit-assignment";
import { undoable } from "./undo-rule";
import { workProgress } from "./work-progress";
import type { TClaim, TQueueClient } from "./types";

/** A feature with its types erased, for the shared routes that dispatch by the assignment's queue. */
export type TQueueFeatureHandle = {
  permission: TPermission;
  /** The queue of the caller's assignment when it is this feature's; null otherwise. */
  assignmentQueue(userId: string, assignmentId: string, client: TQueueClient): Promise<string | null>;
  draft(own: TOwnAssignment, body: unknown): Promise<void>;
  skip(own: TOwnAssignment, ctx: TRequestContext | null): Promise<boolean>;
  /**
   * The shared submit route's part, in its transaction (submit-to-feature.ts): null when the
   * assignment is not this feature's; `admit` runs once it is (the permission check).
   */
  submitWithin(
    tx: PgTx,
    ref: TAssignmentRef,
    body: unknown,
    ctx: TRequestContext | null,
    admit: () => void,
  ): Promise<{ status: number; body: unknown } | null>;
  /** After a failed submitWithin of this feature's assignment: keeps the work on a lost lease. */
  afterFailedSubmit(ref: TAssignmentRef, body: unknown, err: unknown): Promise<void>;
  /** Undo: reopens the caller's submitted answer (reopen-assignment.ts). */
  reopen(own: TAssignmentRef, ctx: TRequestContext | null): Promise<TReopenResult>;
};

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success)
    throw new AppError("VALIDATION", "The body is not valid", { fieldErrors: fieldErrorsOf(r.error) });
  return r.data;
}

/** Drafts are stored as plain JSON (undefined fields dropped). */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

/**
 * Gives a queue-backed feature the whole protocol: server helpers (claim, saveDraft, skip, submit;
 * `client` lets tests act as another instance), its spec for the claim route and the handle the shared
 * draft/skip/submit routes dispatch to. Someone else's assignment, or another feature's, is a 404.
 */
export function defineQueueFeature<
  TPayload,
  TDraft,
  TOpen extends { status: TQueueStatus; leaseMinutes: number },
  TView,
  TTarget,
  TResult,
  TAnswer,
>(spec: TQueueFeatureSpec<TPayload, TDraft, TOpen, TView, TTarget, TResult, TAnswer>) {
  async function ownAssignment(
    user: TCurrentUser,
    assignmentId: string,
    client: TQueueClient,
  ): Promise<TOwnAssignment> {
    const queueId = await spec.assignmentQueue(user.id, assignmentId, client);
    if (!queueId) throw notFound("Assignment");
    return { user, assignmentId, queueId, client };
  }

  /**
   * The queue's state and the caller's claim; with `openAndClaim` one statement, else two. The
   * claim gate, if any, is checked inside the claim's statement either way (no round trip of its own).
   */
  async function openAndClaim(
    user: TCurrentUser,
    queueId: string,
    client: TQueueClient,
  ): Promise<{ queue: TOpen; claim: TClaim | null; view?: TView; refused?: AppError }> {
    if (spec.openAndClaim) return spec.openAndClaim(user, queueId, client, spec.claimGate);
    const queue = await spec.openQueue(user, queueId, client);
    if (queue.status !== "ACTIVE") return { queue, claim: null };
    const leaseMinutes = queue.leaseMinutes;
    return {
      queue,
      claim: await claimNextItem({ queueId, userId: user.id, leaseMinutes, client, gate: spec.claimGate }),
    };
  }

  /** The caller's next item of an ACTIVE queue (their live lease first); null when none is left. */
  async function claim(
    user: TCurrentUser,
    queueId: string,
    client: TQueueClient = db(),
  ): Promise<TView | null> {
    const { queue, claim: claimed, view, refused } = await openAndClaim(user, queueId, client);
    if (queue.status !== "ACTIVE") throw new AppError("CONFLICT", spec.statusMessage[queue.status]);
    if (refused) throw refused;
    if (!claimed) return null;
    return view ?? spec.view(user, claimed, queue, client);
  }

  async function draftOn(own: TOwnAssignment, draft: TDraft): Promise<void> {
    await spec.checkDraft?.(own, draft);
    await saveAssignmentDraft(own.user.id, own.assignmentId, asJson(draft), own.client);
  }

  /** The slot goes back to the queue; the feature's audit row is written in the same transaction. false: no live lease. */
  function skipOn(own: TOwnAssignment, ctx: TRequestContext | null): Promise<boolean> {
    return releaseAssignment(own.user.id, own.assignmentId, own.client, (tx, { itemId }) =>
      recordAudit(tx, ctx, {
        actorId: own.user.id,
        ...spec.skipRecord({ assignmentId: own.assignmentId, itemId, queueId: own.queueId }),
      }),
    );
  }

  /**
   * The submit inside its transaction: the feature's read (null: not this feature's assignment, or
   * not the caller's), `admit` (the caller's permission, for the shared route), the payload, 409 on
   * a CLOSED queue, the feature's checks, queue_submit (409 when the lease went to someone else or
   * was skipped; 403 for someone taken off the queue's list, the same rule for every feature), then
   * the write or, for a repeat, the stored answer. Any throw rolls it all back. The 403 comes last
   * (after a 422 or a closed queue's 409) because the list is read by queue_submit: a check first
   * would cost a statement (ARCHITECTURE.md, queue_open_to).
   */
  async function submitWithin(
    tx: PgTx,
    ref: TAssignmentRef,
    payloadOf: () => TPayload,
    ctx: TRequestContext | null,
  ): Promise<TResult | null> {
    const found = await spec.submit.load(tx, ref);
    if (!found) return null;
    const payload = payloadOf();
    if (found.status === "CLOSED") throw new AppError("CONFLICT", spec.statusMessage.CLOSED);
    spec.submit.check?.(payload, found.target);
    const outcome = spec.submit.loadSubmits
      ? submitOutcome(found.outcome)
      : await submitAssignment(tx, { assignmentId: ref.assignmentId, userId: ref.user.id });
    return outcome === "already_submitted"
      ? spec.submit.replay(tx, ref, found.target)
      : spec.submit.write(tx, ref, payload, found.target, ctx);
  }

  /** A lost lease keeps the work as the draft when the feature says how (after the rollback). */
  async function keepDraftIfLeaseLost(ref: TAssignmentRef, payload: TPayload, err: unknown): Promise<void> {
    const keep = spec.submit.draftOnLeaseLost;
    if (keep && err instanceof AppError && err.extra?.reason === LEASE_LOST) {
      await saveAssignmentDraft(ref.user.id, ref.assignmentId, keep(payload), ref.client).catch(
        () => undefined,
      );
    }
  }

  /** One pg transaction (lib/db/pg-transaction.ts) on the app's pool, whatever `ref.client` is. */
  async function submitOn(
    ref: TAssignmentRef,
    payload: TPayload,
    ctx: TRequestContext | null,
  ): Promise<TResult> {
    try {
      const result = await pgTransaction((tx) => submitWithin(tx, ref, () => payload, ctx));
      if (result === null) throw notFound("Assignment");
      return result;
    } catch (err) {
      await keepDraftIfLeaseLost(ref, payload, err);
      throw err;
    }
  }

  const respond = spec.submit.respond ?? ((result: TResult) => ({ status: 200, body: result }));
  const handle: TQueueFeatureHandle = {
    permission: spec.permission,
    assignmentQueue: (userId, assignmentId, client) => spec.assignmentQueue(userId, assignmentId, client),
    draft: (own, body) => draftOn(own, parseBody(spec.draft, body)),
    skip: skipOn,
    async submitWithin(tx, ref, body, ctx, admit) {
      const result = await submitWithin(
        tx,
        ref,
        () => {
          admit();
          return parseBody(spec.payload, body);
        },
        ctx,
      );
      return result === null ? null : respond(result);
    },
    async afterFailedSubmit(ref, body, err) {
      const parsed = spec.payload.safeParse(body);
      if (parsed.success) await keepDraftIfLeaseLost(ref, parsed.data, err);
    },
    reopen: (ref, ctx) => reopenAssignment(spec, ref, ctx),
  };

  return {
    claim,
    saveDraft: async (user: TCurrentUser, assignmentId: string, draft: TDraft, client: TQueueClient = db()) =>
      draftOn(await ownAssignment(user, assignmentId, client), draft),
    skip: async (
      user: TCurrentUser,
      assignmentId: string,
      ctx: TRequestContext | null,
      client: TQueueClient = db(),
    ) => skipOn(await ownAssignment(user, assignmentId, client), ctx),
    submit: (
      user: TCurrentUser,
      assignmentId: string,
      payload: TPayload,
      ctx: TRequestContext | null,
      client: TQueueClient = db(),
    ) => submitOn({ user, assignmentId, client }, payload, ctx),
    /** The work screen's header: title, "n of N" (mine, the queue's), time estimate. */
    progress: async (user: TCurrentUser, queueId: string, client: TQueueClient = db()) =>
      workProgress(client, queueId, user.id, await spec.title(user, queueId, client), (assignmentId) =>
        undoable(spec.reopen, client, { user, assignmentId, client, queueId }, new Date()),
      ),
    reopen: (
      user: TCurrentUser,
      assignmentId: string,
      ctx: TRequestContext | null,
      client: TQueueClient = db(),
    ) => reopenAssignment(spec, { user, assignmentId, client }, ctx),
    // For its claim route (defineClaimRoute in feature-routes.ts), defined by the feature's route
    // file: the helpers stay free of the HTTP layer, which npm start's demo seeding cannot load.
    spec,
    handle,
  };
}
