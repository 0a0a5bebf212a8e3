import { createRng } from "@/lib/random";

/**
 * An attention check's deliberately worse response: the first third of the text, its words
 * shuffled. A careful rater always prefers the intact response.
 */
export function degradeOutput(text: string, seed: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  const kept = words.slice(0, Math.max(3, Math.ceil(words.length / 3)));
  return createRng(seed, "xoshiro128**").shuffle(kept).join(" ");
}
