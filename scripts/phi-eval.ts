// Scores detectPhi on a labelled JSONL corpus (lines of {text, spans: [{start, end, kind}]}).
// Usage: npm run phi:eval -- lib/phi/corpus/test.jsonl [--misses]
import { readFileSync } from "node:fs";
import { detectPhi } from "../lib/phi/detect";
import { formatPhiScore } from "../lib/phi/format-score";
import { parseCorpus, scorePhi } from "../lib/phi/score";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("usage: npm run phi:eval -- FILE.jsonl [--misses]");
  process.exit(2);
}
let lines: ReturnType<typeof parseCorpus>;
try {
  lines = parseCorpus(readFileSync(file, "utf8"));
} catch (err) {
  console.error(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
console.log(`${file}: ${lines.length} sentences`);
console.log(formatPhiScore(scorePhi(lines, detectPhi)));

// --misses lists every missed span and false positive, for tuning on the tuning part only.
if (args.includes("--misses")) {
  for (const line of lines) {
    const found = detectPhi(line.text);
    for (const s of line.spans) {
      const hit = found.some((f) => f.start < s.end && s.start < f.end);
      if (!hit) console.log(`MISS ${s.kind} "${line.text.slice(s.start, s.end)}" in: ${line.text}`);
    }
    for (const f of found) {
      if (!line.spans.some((s) => f.start < s.end && s.start < f.end))
        console.log(`FP ${f.kind} "${f.text}" in: ${line.text}`);
    }
  }
}
