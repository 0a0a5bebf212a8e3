import { buildCorpusPart } from "./corpus/build";
import { detectPhi } from "./detect";

/**
 * A 2,000-character text in the voice of seed tasks and rationales: sentences of the tuning part,
 * identifiers and hard negatives mixed, joined until the length is reached.
 */
export function scanBenchText(length = 2000): string {
  const sentences = buildCorpusPart("tune").map((l) => l.text);
  let text = "";
  for (let i = 0; text.length < length; i++) text += `${sentences[i % sentences.length] ?? ""} `;
  return text.slice(0, length);
}

/** Milliseconds per detectPhi call on `text`, one value per timed run, after warm-up runs. */
export function benchPhiScan(text: string, runs = 200, warmup = 20): number[] {
  for (let i = 0; i < warmup; i++) detectPhi(text);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    detectPhi(text);
    times.push(performance.now() - t0);
  }
  return times;
}
