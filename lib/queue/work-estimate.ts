/** How many of one's own submissions the time estimate waits for (before: "—"). */
export const ESTIMATE_MIN_SUBMISSIONS = 3;

/**
 * The time left for someone's remaining items from their own median claim→submit time; null
 * until they have submitted ESTIMATE_MIN_SUBMISSIONS items (one or two are no basis).
 */
export function estimateRemainingMs(input: {
  medianMs: number | null;
  submissions: number;
  remaining: number;
}): number | null {
  if (input.medianMs === null || input.submissions < ESTIMATE_MIN_SUBMISSIONS) return null;
  return Math.round(Math.max(0, input.remaining) * input.medianMs);
}

/** "about 12 min", "about 1 h 5 min", "—" for no estimate. */
export function formatEstimate(ms: number | null): string {
  if (ms === null) return "—";
  if (ms === 0) return "none left";
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `about ${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `about ${h} h ${m} min` : `about ${h} h`;
}
