import { PHI_KIND_WORDS } from "./kinds";
import type { TKindScore, TPhiScore } from "./score";
import { PHI_KINDS } from "./types";

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const row = (label: string, t: TKindScore) =>
  `${label.padEnd(34)} ${String(t.found).padStart(4)}/${String(t.labelled).padEnd(4)} recall ${t.recall.toFixed(3)}  kind agrees ${pct(t.labelled ? t.kindAgrees / t.labelled : 1)}`;

/** The evaluation report printed by `npm run phi:eval`. */
export function formatPhiScore(score: TPhiScore): string {
  const lines = ["Recall per category (found / labelled):"];
  for (const kind of PHI_KINDS) {
    const t = score.byKind[kind];
    if (t) lines.push(row(`  ${kind} (${PHI_KIND_WORDS[kind]})`.slice(0, 34), t));
  }
  lines.push(row("Overall", score.overall));
  if (score.nonLatinNames.labelled > 0)
    lines.push(row("Names in non-Latin scripts (apart)", score.nonLatinNames));
  lines.push(
    `Precision ${score.precision.toFixed(3)} (${score.falsePositives} false positives of ${score.findings} findings)`,
    `Negative sentences with any finding: ${pct(score.negativeFindingRate)} (${score.negativeSentencesWithFindings} of ${score.negativeSentences})`,
  );
  return lines.join("\n");
}
