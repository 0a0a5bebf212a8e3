import "server-only";
import { createHash } from "node:crypto";
import { db, type TTx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The one Idempotency-Key rule of the API (queue submit, skip and draft; seed imports): 8–200
 * letters, digits or _.:-, so one client library serves every endpoint. Short keys were refused
 * because a counter like "1" collides across runs of a pipeline.
 */
const KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

/** The Idempotency-Key header, or null when absent; a malformed key is a 400, not silently ignored. */
export function idempotencyKeyOf(req: Request): string | null {
  const key = req.headers.get("idempotency-key");
  if (key === null) return null;
  if (!KEY.test(key)) throw new AppError("BAD_REQUEST", "The Idempotency-Key header must be 8–200 letters, digits or _.:-");
  return key;
}

/** A stable digest of what was asked, stored beside the answer to catch a key reused for another request. */
export function requestFingerprint(request: unknown): string {
  return createHash("sha256").update(JSON.stringify(request)).digest("hex");
}

type TStored = { request: string; status: number; body: Prisma.InputJsonValue | null };

/**
 * The stored answer for (user, scope, key). Reusing a key for a different request is the client's
 * bug, answered 422 (as the IETF Idempotency-Key draft says) rather than replaying the wrong result.
 */
export async function findIdempotentReplay(tx: TTx, userId: string, scope: string, key: string, request: string) {
  const seen = await tx.idempotencyKey.findUnique({ where: { userId_scope_key: { userId, scope, key } } });
  if (!seen) return null;
  const stored = seen.response as { request?: unknown; body?: unknown };
  if (stored.request !== request) {
    throw new AppError("VALIDATION", "This Idempotency-Key was already used for a different request; use a new key");
  }
  return { status: seen.status, body: stored.body };
}

/**
 * Stored in the caller's transaction, so the key exists exactly when the work it answers for does.
 * A concurrent twin that got past the look-up stores nothing (its work was refused or is a repeat).
 */
export async function storeIdempotentResult(tx: TTx, userId: string, scope: string, key: string, stored: TStored): Promise<void> {
  await tx.idempotencyKey.createMany({
    data: [{ userId, scope, key, status: stored.status, response: { request: stored.request, body: stored.body } }],
    skipDuplicates: true,
  });
}

const HTTP_SCOPE = "http";

/**
 * Runs a JSON route's work under an optional Idempotency-Key. The fingerprint is (method, path,
 * body), so the same key on another URL or with another body is a 422. The first 2xx answer is
 * stored and replayed (with `idempotent-replayed: true`); any other answer is not stored, so a
 * retry after a 409 or 422 does the work afresh. `body` is what identifies the request: callers
 * leave out telemetry (time on item) that a retry measures anew.
 *
 * Stored after the work commits: the queue's own writes are idempotent per assignment (a repeat
 * submit answers "already submitted", a repeat skip or draft changes nothing), so a crash between
 * the two loses no work, and a concurrent twin keeps the first answer stored (skipDuplicates).
 */
export async function withIdempotency(
  req: Request,
  userId: string,
  body: unknown,
  work: () => Promise<Response>,
): Promise<Response> {
  const key = idempotencyKeyOf(req);
  if (!key) return work();
  const fingerprint = requestFingerprint([req.method, new URL(req.url).pathname, body ?? null]);
  const seen = await db().$transaction((tx) => findIdempotentReplay(tx, userId, HTTP_SCOPE, key, fingerprint));
  if (seen) return replay(seen.status, seen.body);
  const res = await work();
  if (res.status < 200 || res.status > 299) return res;
  const text = await res.clone().text();
  const stored = text ? (JSON.parse(text) as Prisma.InputJsonValue) : null;
  await db().$transaction((tx) => storeIdempotentResult(tx, userId, HTTP_SCOPE, key, { request: fingerprint, status: res.status, body: stored }));
  return res;
}

function replay(status: number, body: unknown): Response {
  const headers = { "cache-control": "no-store, no-transform", "idempotent-replayed": "true" };
  if (body === null || body === undefined || status === 204) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), { status, headers: { ...headers, "content-type": "application/json" } });
}
