import { createRng, type TRng } from "../random";
import { createSimilarityIndex } from "./similarity-index";

export interface BenchSimilarityOptions {
  /** Seeds in the index (default 5,000). */
  entries?: number;
  /** Timed queries (default 200). */
  queries?: number;
  /** Matches requested per query (default 10). */
  k?: number;
  seed?: string;
}

/**
 * Synthetic seed tasks of 15–40 words built from real instructions: a base instruction extended
 * with words of others, then word-level replacements, deletions and swaps. Real seeds are reused
 * so the token distribution (many shared function words, a long tail of clinical terms) — which
 * decides how much the overlap bound can prune — resembles production.
 */
export function synthesizeSeeds(instructions: readonly string[], count: number, seed = "bench"): string[] {
  if (instructions.length === 0) throw new Error("need at least one instruction to synthesise from");
  const random = createRng(seed, "mulberry32");
  const sources = instructions.map((text) => text.split(/\s+/).filter((w) => w.length > 0));
  const vocabulary = sources.flat();
  return Array.from({ length: count }, () =>
    mutate(randomWords(sources, random), vocabulary, random).join(" "),
  );
}

function randomWords(sources: readonly string[][], random: TRng): string[] {
  const target = 15 + random.nextInt(26);
  const words: string[] = [];
  while (words.length < target) words.push(...(sources[random.nextInt(sources.length)] ?? []));
  return words.slice(0, target);
}

function mutate(
  words: readonly string[],
  vocabulary: readonly string[],
  random: TRng,
  rate = 0.25,
): string[] {
  const out: string[] = [];
  for (const word of words) {
    const roll = random.nextFloat();
    if (roll < rate * 0.6) out.push(vocabulary[random.nextInt(vocabulary.length)] ?? word);
    else if (roll < rate * 0.8) continue;
    else out.push(word);
    if (roll >= rate * 0.8 && roll < rate && out.length >= 2) {
      const last = out.length - 1;
      [out[last - 1], out[last]] = [out[last] ?? "", out[last - 1] ?? ""];
    }
  }
  return out.length > 0 ? out : [...words];
}

/**
 * Milliseconds per top-k query against an index of synthetic seeds. Half the queries are light
 * mutations of indexed seeds (the near-duplicate case the filter exists for), half are fresh
 * synthetic seeds (the common "is this new?" case, where less can be pruned). Not a test: timing
 * depends on the machine; run it on demand.
 */
export function benchSimilarity(
  instructions: readonly string[],
  options: BenchSimilarityOptions = {},
): number {
  const { entries = 5000, queries = 200, k = 10, seed = "bench" } = options;
  const texts = synthesizeSeeds(instructions, entries, `${seed}:entries`);
  const index = createSimilarityIndex(texts.map((text, i) => ({ id: `s${i}`, text })));

  const random = createRng(`${seed}:queries`, "mulberry32");
  const vocabulary = instructions.flatMap((text) => text.split(/\s+/));
  const fresh = synthesizeSeeds(instructions, Math.ceil(queries / 2), `${seed}:fresh`);
  const probes = Array.from({ length: queries }, (_, i) => {
    if (i % 2 === 1) return fresh[i >> 1] ?? "";
    const base = texts[random.nextInt(texts.length)] ?? "";
    return mutate(base.split(" "), vocabulary, random, 0.1).join(" ");
  });

  // Warm-up lets the JIT optimise the hot loops before timing, as it would in a long-lived server.
  for (const probe of probes.slice(0, 20)) index.query(probe, k);

  const start = performance.now();
  for (const probe of probes) index.query(probe, k);
  return (performance.now() - start) / Math.max(1, queries);
}
