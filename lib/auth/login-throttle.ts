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
 * How long an address the account signed in from stays "known" (exempt from the account's
 * slowdown; see loginDecision).
 */
export const KNOWN_ADDRESS_DAYS = 30;

/**
 * Only the pair (account and address) and the address are ever refused. The account as a whole is
 * only slowed down: anyone can type its e-mail, so refusing it would let a stranger lock the real
 * user out from anywhere. The delay doubles with each failure past the ceiling, up to the cap.
 *
 * Even slowing (and its bounded queue, takeSlot) is a stranger-caused lockout while a flood lasts,
 * so an address the account signed in from within KNOWN_ADDRESS_DAYS skips it (OWASP's "device
 * cookie" idea, keyed on the address): a stranger cannot make an address known without the
 * password, and a known address is still held to the pair and address limits, so guessing from it
 * (say, behind the user's office NAT) gets the pair's 5 tries per window, no more.
 */
export function loginDecision(
  counts: TLoginCounts,
  limits: TLoginLimits,
  knownAddress = false,
): TLoginDecision {
  if (counts.pair >= limits.maxPerPair || counts.ip >= limits.maxPerIp) return { throttled: true };
  if (knownAddress) return { throttled: false, delayMs: 0 };
  const over = counts.account - limits.slowAfterPerAccount;
  if (over < 0) return { throttled: false, delayMs: 0 };
  // Capped before the power so a flood of failures cannot overflow the arithmetic.
  const delayMs = Math.min(limits.maxDelayMs, FIRST_DELAY_MS * 2 ** Math.min(over, 20));
  return { throttled: false, delayMs };
}

/** How many of an account's longest delays may queue up before further attempts are refused. */
export const QUEUED_DELAYS = 4;

export type TSlotDecision =
  { refused: true; retryAfterMs: number } | { refused: false; waitMs: number; nextFreeAt: number };

/**
 * The account's delay as a rate, not a per-request sleep: each slowed attempt takes the next free
 * slot (after the attempts already waiting, plus its own delay), so N guesses at once take N
 * delays in turn rather than one delay side by side. An attempt that would wait longer than
 * QUEUED_DELAYS × the longest delay is refused instead, and told when there is room again: the
 * queue, and so the real user's wait, stays bounded, and nothing is refused once the flood stops.
 */
export function takeSlot(
  nowMs: number,
  nextFreeAt: number | null,
  delayMs: number,
  maxDelayMs: number,
): TSlotDecision {
  const start = Math.max(nowMs, nextFreeAt ?? 0) + delayMs;
  const waitMs = start - nowMs;
  const capMs = QUEUED_DELAYS * maxDelayMs;
  if (waitMs > capMs) return { refused: true, retryAfterMs: waitMs - capMs };
  return { refused: false, waitMs, nextFreeAt: start };
}
