import { checkHealth } from "@/lib/health/check-health";

// Deliberately unauthenticated: load balancers probe it. It reveals only up/down and the version.
export async function GET() {
  const { ok, body } = await checkHealth();
  // no-transform: `next start` gzipped this 70-byte answer on every probe (it streams without a
  // length, so compression's size threshold never applies; BENCHMARKS.md, "Claim cost and capacity").
  return Response.json(body, {
    status: ok ? 200 : 503,
    headers: { "cache-control": "no-store, no-transform" },
  });
}
