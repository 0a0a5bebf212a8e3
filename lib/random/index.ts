// The one seeded PRNG, shared by lib/stats, lib/sampling, studies, queues and fixtures. Pure.
export {
  createRng,
  rngFromMulberry32State,
  rngFromXoshiroState,
  type TRng,
  type TRngAlgorithm,
  type TSeed,
} from "./rng";
export { hashSeed } from "./mulberry32";
export type { TXoshiroState } from "./xoshiro128";
