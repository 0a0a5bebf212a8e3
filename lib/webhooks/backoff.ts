// When a failed delivery is tried again: exponential in the attempt number, capped, with "equal
// jitter" (half the delay fixed, half random) so that deliveries failing together (a receiver that
// was down) do not all come back in the same second, while each still waits at least half its step.

export type TBackoff = { baseMs: number; capMs: number };

/** The wait after failed attempt `attempt` (1-based); `random` in [0, 1). */
export function retryDelayMs(attempt: number, policy: TBackoff, random: number): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * random);
}
