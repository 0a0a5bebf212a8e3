import type { PhiKind } from "./types";

export interface TScoredSpan {
  start: number;
  end: number;
  kind: PhiKind;
}
export interface TScoredLine {
  text: string;
  spans: TScoredSpan[];
}
export interface TKindScore {
  labelled: number;
  found: number;
  /** Found and reported with the labelled kind. */
  kindAgrees: number;
  recall: number;
}
export interface TPhiScore {
  byKind: Partial<Record<PhiKind, TKindScore>>;
  /** Every span except names in non-Latin scripts: the floors apply to these. */
  overall: TKindScore;
  /** Names written in other scripts, reported beside the floors. */
  nonLatinNames: TKindScore;
  findings: number;
  falsePositives: number;
  precision: number;
  negativeSentences: number;
  negativeSentencesWithFindings: number;
  negativeFindingRate: number;
}

const LATIN = /\p{Script=Latin}/u;
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const blank = (): TKindScore => ({ labelled: 0, found: 0, kindAgrees: 0, recall: 1 });

/** Characters of [start, end) covered by at least one finding. */
function covered(span: TScoredSpan, findings: readonly TScoredSpan[]): number {
  let n = 0;
  for (let i = span.start; i < span.end; i++) if (findings.some((f) => f.start <= i && i < f.end)) n++;
  return n;
}

/**
 * Scores detector findings against labelled spans, by the rules of issue 10: a labelled span is
 * found when findings cover at least half of it (kind agreement is counted beside, not required);
 * a finding that overlaps no labelled span is a false positive, in positive sentences too.
 */
export function scorePhi(lines: readonly TScoredLine[], detect: (text: string) => readonly TScoredSpan[]): TPhiScore {
  const byKind: Partial<Record<PhiKind, TKindScore>> = {};
  const overall = blank();
  const nonLatinNames = blank();
  let findings = 0;
  let falsePositives = 0;
  let negativeSentences = 0;
  let negativeSentencesWithFindings = 0;
  for (const line of lines) {
    const found = detect(line.text);
    findings += found.length;
    for (const f of found) {
      if (!line.spans.some((s) => f.start < s.end && s.start < f.end)) falsePositives++;
    }
    if (line.spans.length === 0) {
      negativeSentences++;
      if (found.length > 0) negativeSentencesWithFindings++;
    }
    for (const span of line.spans) {
      const hit = covered(span, found) * 2 >= span.end - span.start;
      const agrees = hit && found.some((f) => f.kind === span.kind && f.start < span.end && span.start < f.end);
      const nonLatinName = span.kind === "person_name" && !LATIN.test(line.text.slice(span.start, span.end));
      const tallies = nonLatinName ? [nonLatinNames] : [overall, (byKind[span.kind] ??= blank())];
      for (const t of tallies) {
        t.labelled++;
        if (hit) t.found++;
        if (agrees) t.kindAgrees++;
      }
    }
  }
  for (const t of [overall, nonLatinNames, ...Object.values(byKind)]) t.recall = ratio(t.found, t.labelled);
  return {
    byKind,
    overall,
    nonLatinNames,
    findings,
    falsePositives,
    precision: ratio(findings - falsePositives, findings),
    negativeSentences,
    negativeSentencesWithFindings,
    negativeFindingRate: ratio(negativeSentencesWithFindings, negativeSentences) * (negativeSentences === 0 ? 0 : 1),
  };
}

/** Parses JSONL lines of {text, spans}; throws with the line number on a malformed line. */
export function parseCorpus(jsonl: string): TScoredLine[] {
  return jsonl
    .split("\n")
    .map((l, i) => [l.trim(), i + 1] as const)
    .filter(([l]) => l.length > 0)
    .map(([l, n]) => {
      const parsed = JSON.parse(l) as Partial<TScoredLine>;
      if (typeof parsed.text !== "string" || !Array.isArray(parsed.spans)) throw new Error(`line ${n}: expected {text, spans}`);
      return { text: parsed.text, spans: parsed.spans };
    });
}
