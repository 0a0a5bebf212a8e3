export { rougeTokenize } from "./tokenize";
export { NEAR_DUPLICATE_THRESHOLD, rougeL, rougeLFromLcs, rougeLTokens, type RougeScore } from "./rouge-l";
export { createLcsMatcher, type LcsLength } from "./bit-lcs";
export { lcsLengthDp } from "./lcs-dp";
export {
  createSimilarityIndex,
  type SimilarityEntry,
  type SimilarityIndex,
  type SimilarityMatch,
} from "./similarity-index";
// bench-similarity.ts is deliberately not re-exported: it is a developer tool, not product code.
