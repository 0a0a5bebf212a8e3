// Pure: what the sign-in counters of one attempt mean, and when a slowed attempt may run. Kept
// apart from rate-limit.ts (which reads and writes the counters under advisory locks) so the
// policy can be tested without a database.

export type TLoginCounts = { pair: number; account: number; ip: number };

export type TLoginLimits = {
  /** Failures of one account from one address before that pair is refused for the window. */
  maxPerPair: number;
  /** Failures of one account from all addresses before each attempt is slowed down. */
  slowAfterPerAccount: number;
  /** Failures from one address, across accounts, before that address is refused. */
  maxPerIp: number;
  /** The longest delay an attempt is held for, however many failures the account has. */
  maxDelayMs: number;
};

export type TLoginDecision = { throttled: true } | { throttled: false; delayMs: number };

const FIRST_DELAY_MS = 250;

/**
 * Only the pair (account and address) and the address are ever refused. The account as a whole is
 * only slowed down: anyone can type its e-mail, so refusing it would let a stranger lock the real
 * user out from anywhere. The delay doubles with each failure past the ceiling, up to the cap.
 */
export function loginDecision(counts: TLoginCounts, limits: TLoginLimits): TLoginDecision {
  if (counts.pair >= limits.maxPerPair || counts.ip >= limits.maxPerIp) return { throttled: true };
  const over = counts.account - limits.slowAfterPerAccount;
  if (over < 0) return { throttled: false, delayMs: 0 };
  // Capped before the power so a flood of failures cannot overflow the arithmetic.
  const delayMs = Math.min(limits.maxDelayMs, FIRST_DELAY_MS * 2 ** Math.min(over, 20));
  return { throttled: false, delayMs };
}

/** How many of an account's longest delays may queue up before further attempts are refused. */
export const QUEUED_DELAYS = 4;

export type TSlotDecision = { refused: true; retryAfterMs: number } | { refused: false; waitMs: number; nextFreeAt: number };

/**
 * The account's delay as a rate, not a per-request sleep: each slowed attempt takes the next free
 * slot (after the attempts already waiting, plus its own delay), so N guesses at once take N
 * delays in turn rather than one delay side by side. An attempt that would wait longer than
 * QUEUED_DELAYS × the longest delay is refused instead, and told when there is room again: the
 * queue, and so the real user's wait, stays bounded, and nothing is refused once the flood stops.
 */
export function takeSlot(nowMs: number, nextFreeAt: number | null, delayMs: number, maxDelayMs: number): TSlotDecision {
  const start = Math.max(nowMs, nextFreeAt ?? 0) + delayMs;
  const waitMs = start - nowMs;
  const capMs = QUEUED_DELAYS * maxDelayMs;
  if (waitMs > capMs) return { refused: true, retryAfterMs: waitMs - capMs };
  return { refused: false, waitMs, nextFreeAt: start };
}
