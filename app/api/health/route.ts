import { checkHealth } from "@/lib/health/check-health";

// Deliberately unauthenticated: load balancers probe it. It reveals only up/down and the version.
export async function GET() {
  const { ok, body } = await checkHealth();
  return Response.json(body, { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
