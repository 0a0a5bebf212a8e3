import "server-only";
import { detectPhi } from "@/lib/phi";
import { phiFingerprint } from "@/lib/phi-guard/fingerprint";
import { SEED_TEXT_FIELDS, type TSeedPhiFinding } from "./phi-findings";
import type { TSeedSnapshot } from "./seed-snapshot";

export type TSeedTextField = (typeof SEED_TEXT_FIELDS)[number];
export type TPhiSpan = { kind: string; start: number; end: number };

/**
 * Where each open finding sits in the seed's prose, for marking it in place on the review view.
 * Findings are kept one per field and identifier, so the text is scanned again to mark every
 * occurrence; a span whose identifier was ruled "not PHI" is not marked.
 */
export function seedPhiSpans(
  current: Pick<TSeedSnapshot, TSeedTextField>,
  open: readonly Pick<TSeedPhiFinding, "field" | "fingerprint">[],
): Record<TSeedTextField, TPhiSpan[]> {
  const openKeys = new Set(open.map((f) => `${f.field}\u0000${f.fingerprint}`));
  const entries = SEED_TEXT_FIELDS.map((field): [TSeedTextField, TPhiSpan[]] => [
    field,
    openKeys.size === 0
      ? []
      : detectPhi(current[field])
          .filter((f) => openKeys.has(`${field}\u0000${phiFingerprint(f.kind, f.text)}`))
          .map((f) => ({ kind: f.kind, start: f.start, end: f.end })),
  ]);
  return Object.fromEntries(entries) as Record<TSeedTextField, TPhiSpan[]>;
}
