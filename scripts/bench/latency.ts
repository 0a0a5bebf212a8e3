// Latency summaries for the HTTP and bare-PostgreSQL runs, with the app's own quantile definition.
import { quantileSorted } from "../../lib/stats/quantile";

export type TLatency = { n: number; p50: number; p95: number; p99: number; max: number };

export function summarize(ms: readonly number[]): TLatency {
  const s = [...ms].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: quantileSorted(s, 0.5),
    p95: quantileSorted(s, 0.95),
    p99: quantileSorted(s, 0.99),
    max: s[s.length - 1] ?? Number.NaN,
  };
}

const r = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

export const formatLatency = (l: TLatency) => `p50 ${r(l.p50)} / p95 ${r(l.p95)} / p99 ${r(l.p99)} ms`;

/** Times one async call in milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}
