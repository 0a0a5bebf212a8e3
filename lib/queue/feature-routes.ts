import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { hasPermission, type TPermission } from "@/lib/auth/permissions";
import { forbidden, notFound } from "@/lib/errors/app-error";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { withIdempotency } from "@/lib/http/idempotency";
import type { TQueueFeatureHandle } from "./define-queue-feature";
import { pgTransaction } from "@/lib/db/pg-transaction";
import type { TRequestContext } from "@/lib/http/request-context";
import type { TAssignmentRef, TOwnAssignment } from "./queue-feature";
import type { TWorkProgress } from "./work-progress";

/** Fields that a retry measures anew or adds after a PHI 422: not part of what was asked. */
const TELEMETRY = ["durationMs", "phiConfirmed"] as const;
const identityOf = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(body).filter(([k]) => !(TELEMETRY as readonly string[]).includes(k)));

const noContent = () => new Response(null, { status: 204, headers: { "cache-control": "no-store" } });

/** Any JSON object: the assignment's feature validates it with its own schema. */
const ZFeatureBody = z.record(z.string(), z.unknown());
const ZAssignmentParams = z.object({ id: z.uuid({ message: "Unknown assignment" }) });

type TClaimMeta = {
  tag: string;
  permission: TPermission;
  claimPath: string;
  claimSummary: string;
  viewDescription: string;
  unknownQueue: string;
};

/** The claim route of one feature: 200 with the view, 204 when nothing is left for the caller. */
export function defineClaimRoute(
  meta: TClaimMeta,
  claim: (user: TCurrentUser, queueId: string) => Promise<unknown>,
) {
  return defineApiRoute(
    {
      method: "POST",
      path: meta.claimPath,
      summary: `${meta.claimSummary}; 204 when nothing is left for you`,
      tag: meta.tag,
      permission: meta.permission,
      params: z.object({ id: z.uuid({ message: meta.unknownQueue }) }),
      response: { status: 200, description: meta.viewDescription },
    },
    async ({ user, params }) => {
      const view = await claim(user, params.id);
      return view ? json(view) : noContent();
    },
  );
}

/** GET …/:id/progress of one feature: the work screen's title, "n of N" and time estimate. */
export function defineProgressRoute(
  meta: TClaimMeta,
  progress: (user: TCurrentUser, queueId: string) => Promise<TWorkProgress>,
) {
  return defineApiRoute(
    {
      method: "GET",
      path: meta.claimPath.replace("/assignments/next", "/progress"),
      summary:
        "Your progress: the rater-facing title, n of N for you and for the whole queue, a time estimate from your median (null before 3 submissions), and the assignment Undo would reopen (your last answer, while the rules allow; else null)",
      tag: meta.tag,
      permission: meta.permission,
      params: z.object({ id: z.uuid({ message: meta.unknownQueue }) }),
      response: {
        status: 200,
        description:
          "{ title, mine: { done, total }, queue: { done, total }, medianMs, estimateMs, undoAssignmentId }",
      },
    },
    async ({ user, params }) => {
      return json(await progress(user, params.id), 200, { "cache-control": "no-store" });
    },
  );
}

/**
 * The caller's own assignment and the feature it belongs to. Someone else's assignment is a 404
 * (not a 403), so ids cannot be probed; the feature's permission is then checked as its own
 * routes would.
 */
async function featureOf(
  features: readonly TQueueFeatureHandle[],
  user: TCurrentUser,
  assignmentId: string,
): Promise<{ feature: TQueueFeatureHandle; own: TOwnAssignment }> {
  const client = db();
  // One joined read per feature tried (the assignment and its queue's owner row): the first
  // feature's assignments, the busiest, cost one round trip.
  for (const feature of features) {
    const queueId = await feature.assignmentQueue(user.id, assignmentId, client);
    if (queueId) {
      if (!hasPermission(user.role, feature.permission)) throw forbidden();
      return { feature, own: { user, assignmentId, queueId, client } };
    }
  }
  throw notFound("Assignment");
}

/**
 * The shared submit: one pg transaction in which each feature's joined read (which also calls
 * queue_submit) looks for the caller's assignment, the first feature's, the busiest, first. No
 * separate look-up of the feature as featureOf does: that saves the submit a round trip. Once a
 * feature finds it, its permission is checked (403) before anything else, as featureOf does.
 */
async function submitToFeature(
  features: readonly TQueueFeatureHandle[],
  ref: TAssignmentRef,
  body: unknown,
  ctx: TRequestContext | null,
): Promise<{ status: number; body: unknown }> {
  let owner: TQueueFeatureHandle | null = null;
  try {
    return await pgTransaction(async (tx) => {
      for (const feature of features) {
        const admit = () => {
          owner = feature;
          if (!hasPermission(ref.user.role, feature.permission)) throw forbidden();
        };
        const r = await feature.submitWithin(tx, ref, body, ctx, admit);
        if (r) return r;
      }
      throw notFound("Assignment");
    });
  } catch (err) {
    await (owner as TQueueFeatureHandle | null)?.afterFailedSubmit(ref, body, err);
    throw err;
  }
}

/** PUT /assignments/:id/draft, POST /assignments/:id/skip and POST /assignments/:id/submit for every feature. */
export function defineAssignmentRoutes(features: readonly TQueueFeatureHandle[]) {
  const tag = "Queue";
  const draftRoute = defineApiRoute(
    {
      method: "PUT",
      path: "/api/v1/assignments/:id/draft",
      summary:
        "Autosave your unsubmitted work on the server (the feature's draft: review form or rating); Idempotency-Key optional",
      tag,
      permission: null,
      params: ZAssignmentParams,
      body: ZFeatureBody,
      response: { status: 204, description: "Saved; handed back with the assignment on the next claim" },
    },
    async ({ req, user, params, body }) =>
      withIdempotency(req, user.id, body, async () => {
        const { feature, own } = await featureOf(features, user, params.id);
        await feature.draft(own, body);
        return noContent();
      }),
  );
  const skipRoute = defineApiRoute(
    {
      method: "POST",
      path: "/api/v1/assignments/:id/skip",
      summary:
        "Skip: the slot goes back to the queue for someone else and is not offered to you again; Idempotency-Key optional",
      tag,
      permission: null,
      params: ZAssignmentParams,
      response: { status: 204, description: "Skipped (also when the lease had already lapsed)" },
    },
    async ({ req, user, params, ctx }) =>
      withIdempotency(req, user.id, null, async () => {
        const { feature, own } = await featureOf(features, user, params.id);
        await feature.skip(own, ctx);
        return noContent();
      }),
  );
  const submitRoute = defineApiRoute(
    {
      method: "POST",
      path: "/api/v1/assignments/:id/submit",
      summary:
        "Submit the assignment's payload (a review or a judgement, incl. phiConfirmed); send an Idempotency-Key: a repeat replays the first answer, another body under it is a 422; 409 if your lease went to someone else",
      tag,
      permission: null,
      params: ZAssignmentParams,
      body: ZFeatureBody,
      response: {
        status: 200,
        description:
          "The feature's answer: audits { reviewId, assignmentId, verdict } (201 when created), studies { status, judgements }",
      },
    },
    async ({ req, user, params, body, ctx }) =>
      withIdempotency(req, user.id, identityOf(body), async () => {
        const r = await submitToFeature(features, { user, assignmentId: params.id, client: db() }, body, ctx);
        return json(r.body, r.status);
      }),
  );
  const reopenRoute = defineApiRoute(
    {
      method: "POST",
      path: "/api/v1/assignments/:id/reopen",
      summary:
        "Undo: reopen your submitted answer (audits: campaign open, item not adjudicated; studies: within 10 minutes, study open). The answer is kept as a superseded revision; your next claim resumes the item with it as the draft. Idempotency-Key optional; 409 with extra.reason when refused",
      tag,
      permission: null,
      params: ZAssignmentParams,
      response: { status: 200, description: "{ assignmentId, queueId, leaseExpiresAt }" },
    },
    async ({ req, user, params, ctx }) =>
      withIdempotency(req, user.id, null, async () => {
        const { feature, own } = await featureOf(features, user, params.id);
        return json(await feature.reopen(own, ctx));
      }),
  );
  return { draftRoute, skipRoute, submitRoute, reopenRoute };
}

/**
 * A route kept for one release at a URL that moved: 308 (method and body kept) to the new one,
 * after the same authentication and permission as before; marked deprecated in OpenAPI.
 */
export function defineMovedRoute(
  def: {
    method: "POST" | "PUT";
    path: string;
    tag: string;
    permission: TPermission;
    params: z.ZodType<Record<string, string>>;
  },
  to: (params: Record<string, string>) => string,
) {
  return defineApiRoute(
    {
      ...def,
      summary: "Moved: answers 308 to the new URL (method and body kept)",
      deprecated: true,
      response: { status: 308, description: "Location: the new URL" },
    },
    ({ req, params }) => {
      const search = new URL(req.url).search;
      return Promise.resolve(
        new Response(null, {
          status: 308,
          headers: { location: `${to(params)}${search}`, "cache-control": "no-store" },
        }),
      );
    },
  );
}
