import type { PhiKind } from "../types";
import { rng, type TLabelledSentence } from "./builder";
import { negativeTemplates, positiveTemplates } from "./templates";
import { KINDS_IN_CORPUS } from "./values";

const SEEDS = { tune: 20261205, test: 52120262 } as const;
const MIN_PER_KIND = 24;
const MIN_POSITIVE = 120;

/**
 * One part of the synthetic corpus: positives until every kind has MIN_PER_KIND labelled spans
 * (and at least MIN_POSITIVE sentences), then as many hard negatives. Deterministic per part.
 */
export function buildCorpusPart(part: "tune" | "test"): TLabelledSentence[] {
  const r = rng(SEEDS[part]);
  const seen = new Set<string>();
  const count = new Map<PhiKind, number>();
  const positives: TLabelledSentence[] = [];
  const templates = positiveTemplates(part);
  const short = () => KINDS_IN_CORPUS.some((k) => (count.get(k) ?? 0) < MIN_PER_KIND);
  for (let i = 0; (short() || positives.length < MIN_POSITIVE) && i < 10_000; i++) {
    const line = (templates[i % templates.length] ?? templates[0])!(r);
    if (seen.has(line.text)) continue;
    // Once a kind has enough, skip sentences that only add kinds already covered.
    if (
      positives.length >= MIN_POSITIVE &&
      line.spans.every((sp) => (count.get(sp.kind) ?? 0) >= MIN_PER_KIND)
    )
      continue;
    seen.add(line.text);
    positives.push(line);
    for (const sp of line.spans) count.set(sp.kind, (count.get(sp.kind) ?? 0) + 1);
  }
  const negatives: TLabelledSentence[] = [];
  const neg = negativeTemplates(part);
  for (let i = 0; negatives.length < positives.length && i < 20_000; i++) {
    const line = (neg[i % neg.length] ?? neg[0])!(r);
    if (seen.has(line.text)) continue;
    seen.add(line.text);
    negatives.push(line);
  }
  // Interleave so a reader of the file sees both kinds throughout.
  return positives.flatMap((p, i) => (negatives[i] ? [p, negatives[i]] : [p]));
}
