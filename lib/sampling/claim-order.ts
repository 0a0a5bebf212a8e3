import { createRng, type TSeed } from "@/lib/random";

/**
 * A queue's claim order for n new items: rank → input index, a seeded permutation, so no reviewer
 * sees a dataset in file order yet the same seed reproduces it. mulberry32: the stream queue orders
 * were always drawn with, so a stored seed keeps its order.
 */
export function claimOrder(seed: TSeed, n: number): number[] {
  return createRng(seed, "mulberry32").sample(
    Array.from({ length: n }, (_, i) => i),
    n,
  );
}
