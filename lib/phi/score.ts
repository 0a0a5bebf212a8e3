import { PHI_KINDS, type PhiKind } from "./types";

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
export function scorePhi(
  lines: readonly TScoredLine[],
  detect: (text: string) => readonly TScoredSpan[],
): TPhiScore {
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
      const agrees =
        hit && found.some((f) => f.kind === span.kind && f.start < span.end && span.start < f.end);
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
    negativeFindingRate:
      ratio(negativeSentencesWithFindings, negativeSentences) * (negativeSentences === 0 ? 0 : 1),
  };
}

const KINDS: ReadonlySet<string> = new Set(PHI_KINDS);

/**
 * Parses JSONL lines of {text, spans: [{start, end, kind}]}; throws with the line number on a
 * malformed line, a span out of bounds or a kind the detector does not have.
 */
export function parseCorpus(jsonl: string): TScoredLine[] {
  return jsonl
    .split("\n")
    .map((l, i) => [l.trim(), i + 1] as const)
    .filter(([l]) => l.length > 0)
    .map(([l, n]) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(l);
      } catch {
        throw new Error(`line ${n}: not JSON`);
      }
      const { text, spans } = (parsed ?? {}) as { text?: unknown; spans?: unknown };
      if (typeof text !== "string" || !Array.isArray(spans))
        throw new Error(`line ${n}: expected {text, spans}`);
      return { text, spans: spans.map((span: unknown) => checkSpan(span, text, n)) };
    });
}

function checkSpan(span: unknown, text: string, line: number): TScoredSpan {
  const { start, end, kind } = (span ?? {}) as { start?: unknown; end?: unknown; kind?: unknown };
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    (start as number) < 0 ||
    (end as number) > text.length ||
    (start as number) >= (end as number)
  ) {
    throw new Error(`line ${line}: span ${JSON.stringify(span)} is not within the text`);
  }
  if (typeof kind !== "string" || !KINDS.has(kind)) {
    throw new Error(`line ${line}: unknown kind ${JSON.stringify(kind)}; kinds: ${PHI_KINDS.join(", ")}`);
  }
  return { start: start as number, end: end as number, kind: kind as PhiKind };
}
