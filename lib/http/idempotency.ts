import "server-only";
import { createHash } from "node:crypto";
import type { TTx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";

// One header rule for every endpoint, so one client library serves them all.
const KEY = /^[A-Za-z0-9_.:-]{1,200}$/;

/** The Idempotency-Key header, or null when absent; a malformed key is a 400, not silently ignored. */
export function idempotencyKeyOf(req: Request): string | null {
  const key = req.headers.get("idempotency-key");
  if (key === null) return null;
  if (!KEY.test(key)) throw new AppError("BAD_REQUEST", "The Idempotency-Key header must be 1–200 letters, digits or _.:-");
  return key;
}

/** A stable digest of what was asked, stored beside the answer to catch a key reused for another request. */
export function requestFingerprint(request: unknown): string {
  return createHash("sha256").update(JSON.stringify(request)).digest("hex");
}

type TStored = { request: string; status: number; body: Prisma.InputJsonValue };

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
