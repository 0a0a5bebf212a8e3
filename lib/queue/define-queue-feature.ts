import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { hasPermission, type TPermission } from "@/lib/auth/permissions";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";
import { fieldErrorsOf } from "@/lib/errors/parse-input";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { withIdempotency } from "@/lib/http/idempotency";
import type { TRequestContext } from "@/lib/http/request-context";

/**
 * What a queue-backed feature (audit campaigns, preference studies) supplies; lib/queue gives it
 * the claim route, and the shared draft/skip/submit routes dispatch to it by the assignment's queue.
 */
export type TQueueFeature<TPayload = unknown, TDraft = unknown> = {
  /** Names the feature in errors and the OpenAPI document. */
  noun: string;
  tag: string;
  permission: TPermission;
  /** "/api/v1/audits/:id/assignments/next": :id is the queue (campaign or study). */
  claimPath: string;
  claimSummary: string;
  viewDescription: string;
  /** The message when :id is not a uuid ("Unknown campaign"). */
  unknownQueue: string;
  /** The submit body (a review, a judgement) and the autosave body. */
  payload: z.ZodType<TPayload>;
  draft: z.ZodType<TDraft>;
  /** Whether this queue id is one of this feature's (a campaign id, a study id). */
  owns(queueId: string): Promise<boolean>;
  /** Claims (or resumes) the caller's next item and returns its view; null when none is left. */
  claim(user: TCurrentUser, queueId: string): Promise<unknown>;
  /** What a submit writes (in the queue's submit transaction) and answers. */
  submit(user: TCurrentUser, assignmentId: string, payload: TPayload, ctx: TRequestContext): Promise<{ status: number; body: unknown }>;
  saveDraft(user: TCurrentUser, assignmentId: string, draft: TDraft): Promise<void>;
  skip(user: TCurrentUser, assignmentId: string, ctx: TRequestContext): Promise<boolean>;
};

/** Fields that a retry measures anew or adds after a PHI 422: not part of what was asked. */
const TELEMETRY = ["durationMs", "phiConfirmed"] as const;
const identityOf = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(body).filter(([k]) => !(TELEMETRY as readonly string[]).includes(k)));

const noContent = () => new Response(null, { status: 204, headers: { "cache-control": "no-store" } });

/** Any JSON object: the assignment's feature validates it with its own schema. */
const ZFeatureBody = z.record(z.string(), z.unknown());
const ZAssignmentParams = z.object({ id: z.uuid({ message: "Unknown assignment" }) });

function parseFeatureBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success) throw new AppError("VALIDATION", "The body is not valid", { fieldErrors: fieldErrorsOf(r.error) });
  return r.data;
}

/** The claim route of one feature: 200 with the view, 204 when nothing is left for the caller. */
export function defineClaimRoute(feature: TQueueFeature) {
  return defineApiRoute(
    {
      method: "POST",
      path: feature.claimPath,
      summary: `${feature.claimSummary}; 204 when nothing is left for you`,
      tag: feature.tag,
      permission: feature.permission,
      params: z.object({ id: z.uuid({ message: feature.unknownQueue }) }),
      response: { status: 200, description: feature.viewDescription },
    },
    async ({ user, params }) => {
      const view = await feature.claim(user, params.id);
      return view ? json(view) : noContent();
    },
  );
}

/**
 * The caller's own assignment and the feature it belongs to. Someone else's assignment is a 404
 * (not a 403), so ids cannot be probed; the feature's permission is then checked as its own
 * routes would.
 */
async function featureOf(features: readonly TQueueFeature[], user: TCurrentUser, assignmentId: string): Promise<TQueueFeature> {
  const a = await db().queueAssignment.findFirst({ where: { id: assignmentId, userId: user.id }, select: { queueId: true } });
  if (!a) throw notFound("Assignment");
  for (const f of features) {
    if (await f.owns(a.queueId)) {
      if (!hasPermission(user.role, f.permission)) throw forbidden();
      return f;
    }
  }
  throw notFound("Assignment");
}

/** PUT /assignments/:id/draft, POST /assignments/:id/skip and POST /assignments/:id/submit for every feature. */
export function defineAssignmentRoutes(features: readonly TQueueFeature[]) {
  const tag = "Queue";
  const draftRoute = defineApiRoute(
    {
      method: "PUT",
      path: "/api/v1/assignments/:id/draft",
      summary: "Autosave your unsubmitted work on the server (the feature's draft: review form or rating); Idempotency-Key optional",
      tag,
      permission: null,
      params: ZAssignmentParams,
      body: ZFeatureBody,
      response: { status: 204, description: "Saved; handed back with the assignment on the next claim" },
    },
    async ({ req, user, params, body }) =>
      withIdempotency(req, user.id, body, async () => {
        const f = await featureOf(features, user, params.id);
        await f.saveDraft(user, params.id, parseFeatureBody(f.draft, body));
        return noContent();
      }),
  );
  const skipRoute = defineApiRoute(
    {
      method: "POST",
      path: "/api/v1/assignments/:id/skip",
      summary: "Skip: the slot goes back to the queue for someone else and is not offered to you again; Idempotency-Key optional",
      tag,
      permission: null,
      params: ZAssignmentParams,
      response: { status: 204, description: "Skipped (also when the lease had already lapsed)" },
    },
    async ({ req, user, params, ctx }) =>
      withIdempotency(req, user.id, null, async () => {
        const f = await featureOf(features, user, params.id);
        await f.skip(user, params.id, ctx);
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
      response: { status: 200, description: "The feature's answer: audits { reviewId, assignmentId, verdict } (201 when created), studies { status, judgements }" },
    },
    async ({ req, user, params, body, ctx }) =>
      withIdempotency(req, user.id, identityOf(body), async () => {
        const f = await featureOf(features, user, params.id);
        const r = await f.submit(user, params.id, parseFeatureBody(f.payload, body), ctx);
        return json(r.body, r.status);
      }),
  );
  return { draftRoute, skipRoute, submitRoute };
}

/**
 * A route kept for one release at a URL that moved: 308 (method and body kept) to the new one,
 * after the same authentication and permission as before; marked deprecated in OpenAPI.
 */
export function defineMovedRoute(
  def: { method: "POST" | "PUT"; path: string; tag: string; permission: TPermission; params: z.ZodType<Record<string, string>> },
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
      return Promise.resolve(new Response(null, { status: 308, headers: { location: `${to(params)}${search}`, "cache-control": "no-store" } }));
    },
  );
}
