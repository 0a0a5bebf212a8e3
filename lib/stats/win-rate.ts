export interface VoteCounts {
  readonly winsA: number;
  readonly winsB: number;
  readonly ties: number;
  readonly bothBad: number;
}

export interface WinRate {
  /** Fraction in [0, 1]; multiply by 100 for AlpacaEval-style percentages. */
  readonly winRate: number;
  /** Same scale as winRate. NaN when fewer than two judgements (sample SD undefined). */
  readonly standardError: number;
  readonly n: number;
}

/**
 * Model A's win rate scoring each judgement 1 (A), 0.5 (tie or both-bad), 0 (B), as Chatbot Arena
 * and AlpacaEval do, so that non-decisive votes neither vanish nor count as wins.
 *
 * The standard error follows AlpacaEval (`pandas.Series.sem`): sample standard deviation of the
 * per-judgement scores with ddof = 1, divided by sqrt(n).
 */
export function winRate(counts: VoteCounts): WinRate {
  const { winsA, winsB, ties, bothBad } = counts;
  for (const value of [winsA, winsB, ties, bothBad]) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`counts must be non-negative integers`);
  }
  const halves = ties + bothBad;
  const n = winsA + winsB + halves;
  if (n === 0) return { winRate: Number.NaN, standardError: Number.NaN, n };
  const mean = (winsA + 0.5 * halves) / n;
  // Centred sum of squares, grouped by score value, avoids the E[x²] − mean² cancellation.
  const sumSquares = winsA * (1 - mean) ** 2 + halves * (0.5 - mean) ** 2 + winsB * mean ** 2;
  const standardError = n < 2 ? Number.NaN : Math.sqrt(sumSquares / (n - 1)) / Math.sqrt(n);
  return { winRate: mean, standardError, n };
}
