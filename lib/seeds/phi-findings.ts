import "server-only";
import { detectPhi, redactAll, type PhiFinding } from "@/lib/phi";
import { phiFingerprint } from "@/lib/phi-guard/fingerprint";
import type { TSeedSnapshot } from "./seed-snapshot";

/** The seed's own prose fields. */
export const SEED_TEXT_FIELDS = [
  "instruction",
  "input",
  "referenceAnswer",
  "authorNotes",
  "duplicateReason",
] as const;
/**
 * Every place a person writes free text about a seed: its prose fields, its tags (typed freely,
 * not chosen from a list) and reviewers' comments. A finding names one of these.
 */
export const PHI_FIELDS = [...SEED_TEXT_FIELDS, "specialtyTags", "reviewComment"] as const;
export type TPhiField = (typeof PHI_FIELDS)[number];
/** A finding with its keyed fingerprint: what decisions are keyed by (lib/phi-guard/fingerprint.ts). */
export type TSeedPhiFinding = PhiFinding & { field: TPhiField; fingerprint: string };
/** The parts of a seed the scan reads. */
export type TPhiText = Pick<TSeedSnapshot, (typeof SEED_TEXT_FIELDS)[number] | "specialtyTags">;

/** A reviewer ruled the finding benign: approval may proceed with it in the text. */
export const PHI_FALSE_POSITIVE = "false_positive";
/** The identifier was removed and redacted from history; a record of what happened, not a ruling. */
export const PHI_FIXED = "fixed";

/**
 * PHI candidates in the seed's free text and its review comments, one per field and fingerprint
 * (decisions are keyed so). Each tag and comment is scanned on its own, so no match spans two.
 */
export function seedPhiFindings(s: TPhiText, reviewComments: readonly (string | null)[]): TSeedPhiFinding[] {
  const texts: [TPhiField, string][] = [
    ...SEED_TEXT_FIELDS.map((field): [TPhiField, string] => [field, s[field]]),
    ...s.specialtyTags.map((tag): [TPhiField, string] => ["specialtyTags", tag]),
    ...reviewComments.map((comment): [TPhiField, string] => ["reviewComment", comment ?? ""]),
  ];
  const seen = new Set<string>();
  return texts.flatMap(([field, text]) =>
    detectPhi(text)
      .map((f) => ({ ...f, field, fingerprint: phiFingerprint(f.kind, f.text) }))
      .filter((f) => {
        const key = `${f.field}\u0000${f.fingerprint}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
  );
}

/** Findings no reviewer has ruled a false positive; approval waits until this is empty. */
export function unresolvedFindings(
  findings: readonly TSeedPhiFinding[],
  decisions: readonly { field: string; fingerprint: string; decision: string }[],
): TSeedPhiFinding[] {
  // A "fixed" record does not clear: the same identifier typed in again is a new problem.
  const cleared = new Set(
    decisions.filter((d) => d.decision === PHI_FALSE_POSITIVE).map((d) => `${d.field}\u0000${d.fingerprint}`),
  );
  return findings.filter((f) => !cleared.has(`${f.field}\u0000${f.fingerprint}`));
}

/** The seed's own text with every literal replaced. */
export function redactSeedText<T extends TPhiText>(s: T, literals: readonly string[]): T {
  const prose = Object.fromEntries(SEED_TEXT_FIELDS.map((f) => [f, redactAll(s[f], literals)]));
  return { ...s, ...prose, specialtyTags: s.specialtyTags.map((t) => redactAll(t, literals)) };
}

/**
 * The open findings of `before` whose identifier a save removed from the seed: its text appears in
 * none of the seed's fields any more (an identifier merely moved to another field is not fixed).
 */
export function findingsEditedAway(
  before: TPhiText,
  after: TPhiText,
  decisions: readonly { field: string; fingerprint: string; decision: string }[],
): TSeedPhiFinding[] {
  const remaining = [...SEED_TEXT_FIELDS.map((f) => after[f]), ...after.specialtyTags];
  return unresolvedFindings(seedPhiFindings(before, []), decisions).filter(
    (f) => !remaining.some((text) => text.includes(f.text)),
  );
}

/** What a save tells its author: each possible identifier in what they just wrote. */
export function phiWarnings(
  s: TPhiText,
): { field: TPhiField; kind: string; text: string; fingerprint: string }[] {
  return seedPhiFindings(s, []).map((f) => ({
    field: f.field,
    kind: f.kind,
    text: f.text,
    fingerprint: f.fingerprint,
  }));
}
