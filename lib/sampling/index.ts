export { createRandom, type Seed } from "./create-random";
export { sampleSizeFromFraction, simpleRandomSample } from "./simple-random-sample";
export { allocateProportional, type StratumAllocation, type StratumPopulation } from "./allocation";
export {
  stratifiedSample,
  type StratifiedItem,
  type StratifiedSampleResult,
  type StratumSummary,
} from "./stratified-sample";
export {
  stratifiedProportion,
  type ProportionEstimate,
  type ProportionInterval,
  type ProportionMethod,
  type StratumObservation,
} from "./stratified-proportion";
export { estimateTotal } from "./estimate-total";
export { claimOrder } from "./claim-order";
