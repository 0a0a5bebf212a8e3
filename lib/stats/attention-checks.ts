import { codePointCompare } from "./pair-counts";
import type { Choice, Interval } from "./types";
import { wilsonInterval } from "./wilson";

export interface AttentionCheck {
  readonly raterId: string;
  /** The answer(s) that pass, e.g. the side holding a deliberately unsafe response must lose. */
  readonly expected: Choice | readonly Choice[];
  readonly choice: Choice;
}

export interface AttentionCheckRate {
  readonly raterId: string;
  readonly checks: number;
  readonly passed: number;
  /** NaN when the rater saw no checks. */
  readonly passRate: number;
  /** Wilson interval, because per-rater check counts are small. */
  readonly ci: Interval;
}

/** Pass rate on attention checks per rater, sorted by rater id. */
export function attentionCheckPassRates(checks: readonly AttentionCheck[]): AttentionCheckRate[] {
  const tallies = new Map<string, { checks: number; passed: number }>();
  for (const check of checks) {
    const accepted: readonly Choice[] =
      typeof check.expected === "string" ? [check.expected] : check.expected;
    if (accepted.length === 0) throw new RangeError(`attention check for ${check.raterId} accepts no answer`);
    let tally = tallies.get(check.raterId);
    if (!tally) {
      tally = { checks: 0, passed: 0 };
      tallies.set(check.raterId, tally);
    }
    tally.checks++;
    if (accepted.includes(check.choice)) tally.passed++;
  }
  return [...tallies.entries()]
    .sort(([a], [b]) => codePointCompare(a, b))
    .map(([raterId, { checks: total, passed }]) => ({
      raterId,
      checks: total,
      passed,
      passRate: total === 0 ? Number.NaN : passed / total,
      ci: wilsonInterval(passed, total),
    }));
}
