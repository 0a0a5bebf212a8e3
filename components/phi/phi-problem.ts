import type { TPhiFindingRef } from "@/lib/phi-guard/problem";

export type TPhiRefusal = { findings: TPhiFindingRef[]; confirmable: boolean };

/** The findings of a 422 …/phi-findings answer, or null for any other answer. */
export function phiRefusalOf(body: unknown): TPhiRefusal | null {
  if (!body || typeof body !== "object") return null;
  const p = body as { type?: unknown; findings?: unknown; confirmable?: unknown };
  if (typeof p.type !== "string" || !p.type.endsWith("/phi-findings") || !Array.isArray(p.findings))
    return null;
  return { findings: p.findings as TPhiFindingRef[], confirmable: p.confirmable !== false };
}
