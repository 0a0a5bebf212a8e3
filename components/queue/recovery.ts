/**
 * Network recovery rules of the work screens. A claim is safe to repeat (it resumes the caller's
 * lease), so it is retried by itself, with a growing pause; a submit or skip is repeated only when
 * the person asks (a submit with the same Idempotency-Key, so a request that did arrive is stored once).
 */
export const RETRY_BASE_MS = 1000;
export const RETRY_MAX_MS = 15_000;
export const AUTO_RETRIES = 5;

/** Pause before automatic retry number `attempt` (0-based): 1 s, 2 s, 4 s… capped; null once given up. */
export function retryDelayMs(
  attempt: number,
  base = RETRY_BASE_MS,
  max = RETRY_MAX_MS,
  limit = AUTO_RETRIES,
): number | null {
  if (!Number.isInteger(attempt) || attempt < 0 || attempt >= limit) return null;
  return Math.min(max, base * 2 ** attempt);
}

/** Answers worth a retry: no answer, or the server or a proxy failing for a moment. Refusals (4xx) are final. */
export function isTransient(status: number | null): boolean {
  return status === null || status === 408 || status === 429 || status >= 500;
}
