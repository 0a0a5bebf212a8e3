import "server-only";
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { db, type TTx } from "@/lib/db/prisma";
import { rawRows } from "@/lib/db/raw-query";
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
  if (!KEY.test(key))
    throw new AppError("BAD_REQUEST", "The Idempotency-Key header must be 8–200 letters, digits or _.:-");
  return key;
}

/** A stable digest of what was asked, stored beside the answer to catch a key reused for another request. */
export function requestFingerprint(request: unknown): string {
  return createHash("sha256").update(JSON.stringify(request)).digest("hex");
}

const misusedKey = () =>
  new AppError("VALIDATION", "This Idempotency-Key was already used for a different request; use a new key");

type TStored = { request: string; status: number; body: Prisma.InputJsonValue | null };

/**
 * The stored answer for (user, scope, key). Reusing a key for a different request is the client's
 * bug, answered 422 (as the IETF Idempotency-Key draft says) rather than replaying the wrong result.
 */
export async function findIdempotentReplay(
  tx: TTx,
  userId: string,
  scope: string,
  key: string,
  request: string,
) {
  const seen = await tx.idempotencyKey.findUnique({ where: { userId_scope_key: { userId, scope, key } } });
  if (!seen) return null;
  const stored = seen.response as { request?: unknown; body?: unknown };
  if (stored.request !== request) throw misusedKey();
  return { status: seen.status, body: stored.body };
}

/**
 * Stored in the caller's transaction, so the key exists exactly when the work it answers for does.
 * A concurrent twin that got past the look-up stores nothing (its work was refused or is a repeat).
 */
export async function storeIdempotentResult(
  tx: TTx,
  userId: string,
  scope: string,
  key: string,
  stored: TStored,
): Promise<void> {
  await tx.idempotencyKey.createMany({
    data: [
      { userId, scope, key, status: stored.status, response: { request: stored.request, body: stored.body } },
    ],
    skipDuplicates: true,
  });
}

const HTTP_SCOPE = "http";
/** The status of a key whose first request is still running (no HTTP answer is 0). */
const PENDING = 0;
/** How often a twin looks whether the first request has finished, and how long it waits in all. */
const POLL_MS = 50;
const WAIT_MS = 15_000;
/** A pending key older than this lost its request (the instance died mid-work): it may be taken over. */
const STALE_MS = 120_000;

/**
 * Runs a JSON route's work under an optional Idempotency-Key. The fingerprint is (method, path,
 * body), so the same key on another URL or with another body is a 422. The first 2xx answer is
 * stored and replayed (with `idempotent-replayed: true`); any other answer is not stored, so a
 * retry after a 409 or 422 does the work afresh. `body` is what identifies the request: callers
 * leave out telemetry (time on item) that a retry measures anew.
 *
 * Serialised per (user, key): the key is first inserted as pending in its own committed
 * statement (the primary key lets only one request in), the work runs, and the answer replaces
 * the pending mark (a non-2xx removes it). A concurrent twin with another body is a 422 at once;
 * one with the same body waits for the first answer and replays it. No lock is held across the
 * work, so this also holds in embedded mode, where an open transaction would block every query.
 */
export async function withIdempotency(
  req: Request,
  userId: string,
  body: unknown,
  work: () => Promise<Response>,
): Promise<Response> {
  const key = idempotencyKeyOf(req);
  if (!key) return work();
  const request = requestFingerprint([req.method, new URL(req.url).pathname, body ?? null]);
  const id = { userId, scope: HTTP_SCOPE, key };
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    // The marks of this hot path run on the pool directly (lib/db/raw-query.ts); createdAt from
    // this clock, as Prisma's @default(now()) sets it, since the stale check below reads it so.
    const claimed = await rawRows(
      `INSERT INTO "IdempotencyKey" ("userId", scope, key, status, response, "createdAt")
       VALUES ($1::uuid, $2, $3, $4, $5::jsonb, $6::timestamptz AT TIME ZONE 'UTC')
       ON CONFLICT DO NOTHING`,
      [userId, HTTP_SCOPE, key, PENDING, JSON.stringify({ request, body: null }), new Date().toISOString()],
    );
    if (claimed.count === 1) return runClaimed(id, request, work);
    const seen = await db().idempotencyKey.findUnique({ where: { userId_scope_key: id } });
    if (!seen) continue; // the first request failed and released the key: try again
    if ((seen.response as { request?: unknown }).request !== request) throw misusedKey();
    if (seen.status !== PENDING) return replay(seen.status, (seen.response as { body?: unknown }).body);
    if (Date.now() - seen.createdAt.getTime() > STALE_MS) {
      await db().idempotencyKey.deleteMany({ where: { ...id, status: PENDING, createdAt: seen.createdAt } });
      continue;
    }
    if (Date.now() > deadline) {
      throw new AppError(
        "CONFLICT",
        "A request with this Idempotency-Key is still in progress; retry it in a moment",
        { extra: { retryAfterSeconds: 1 } },
      );
    }
    await sleep(POLL_MS);
  }
}

async function runClaimed(
  id: { userId: string; scope: string; key: string },
  request: string,
  work: () => Promise<Response>,
): Promise<Response> {
  const release = () =>
    rawRows(
      `DELETE FROM "IdempotencyKey" WHERE "userId" = $1::uuid AND scope = $2 AND key = $3 AND status = $4`,
      [id.userId, id.scope, id.key, PENDING],
    );
  let res: Response;
  try {
    res = await work();
  } catch (err) {
    await release();
    throw err;
  }
  if (res.status < 200 || res.status > 299) {
    await release();
    return res;
  }
  // Read once and sent as a new Response with the same status and headers: `res.clone()` tees
  // the body's web stream, which cost every keyed submit a second stream read.
  const text = await res.text();
  const stored = text ? (JSON.parse(text) as Prisma.InputJsonValue) : null;
  await rawRows(
    `UPDATE "IdempotencyKey" SET status = $5, response = $6::jsonb
      WHERE "userId" = $1::uuid AND scope = $2 AND key = $3 AND status = $4`,
    [id.userId, id.scope, id.key, PENDING, res.status, JSON.stringify({ request, body: stored })],
  );
  return new Response(text || null, { status: res.status, statusText: res.statusText, headers: res.headers });
}

function replay(status: number, body: unknown): Response {
  const headers = { "cache-control": "no-store, no-transform", "idempotent-replayed": "true" };
  if (body === null || body === undefined || status === 204) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...headers, "content-type": "application/json" },
  });
}
