// BENCHMARKS.md is rewritten whole by a full `npm run bench`; the sections people wrote there
// (analysis such as "Claim cost and capacity") are carried over rather than dropped.

/** The `## ` sections of `existing` whose headings `generated` does not itself write, in order. */
export function handWrittenSections(existing: string, generated: string[]): string[] {
  const written = new Set(generated.filter((l) => l.startsWith("## ")).map((l) => l.trim()));
  const kept: string[] = [];
  let keeping = false;
  for (const line of existing.split("\n")) {
    if (line.startsWith("## ")) keeping = !written.has(line.trim());
    if (keeping) kept.push(line);
  }
  while (kept.length && kept[kept.length - 1]?.trim() === "") kept.pop();
  return kept.length ? [...kept, ""] : [];
}
