import "server-only";
import { notFound } from "next/navigation";
import type { ZodType } from "zod";
import { AppError } from "@/lib/errors/app-error";

/**
 * The one way a page turns "there is no such thing" into its 404 screen. Only a service's
 * AppError NOT_FOUND becomes notFound(); every other failure is rethrown, so a database outage
 * reaches app/error.tsx and answers 503 instead of passing for a missing record.
 */
export async function findOr404<T>(work: Promise<T> | (() => Promise<T>)): Promise<T> {
  try {
    return await (typeof work === "function" ? work() : work);
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}

/** Route params that cannot name a record (a malformed id) are a 404 as well, never a 500. */
export function parseOr404<T>(schema: ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) notFound();
  return parsed.data;
}
