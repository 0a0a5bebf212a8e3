import { createRng, type TRng, type TSeed } from "@/lib/random";

export type Seed = TSeed;

/**
 * The stream every audit sample and queue order is drawn with (mulberry32): a campaign's stored
 * seed re-derives its sample only on this stream, so it must not switch algorithm.
 */
export function createRandom(seed: Seed): TRng {
  return createRng(seed, "mulberry32");
}
