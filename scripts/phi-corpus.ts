// Regenerates the synthetic PHI evaluation corpus: lib/phi/corpus/{tune,test}.jsonl.
// Usage: npx tsx scripts/phi-corpus.ts
import { writeFileSync } from "node:fs";
import { buildCorpusPart } from "../lib/phi/corpus/build";

for (const part of ["tune", "test"] as const) {
  const lines = buildCorpusPart(part).map((l) => JSON.stringify(l));
  writeFileSync(new URL(`../lib/phi/corpus/${part}.jsonl`, import.meta.url), `${lines.join("\n")}\n`);
  console.log(`${part}: ${lines.length} sentences`);
}
