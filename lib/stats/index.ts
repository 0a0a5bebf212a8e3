export type { Choice, Interval, Judgement, Outcome, PromptOutcome, Side } from "./types";

export { percentileInterval, quantileSorted } from "./quantile";

export {
  countPairs,
  orientOutcome,
  swapChoice,
  tallyChoices,
  type PairCounts,
  type PairOrderOptions,
} from "./pair-counts";
export { winRate, type VoteCounts, type WinRate } from "./win-rate";
export {
  decisiveShareInterval,
  wilsonInterval,
  wilsonRateInterval,
  wilsonScoreBounds,
  Z_95,
  type TWilsonOptions,
} from "./wilson";
export { pairSignTest, signTest } from "./sign-test";

export {
  fitBradleyTerry,
  maximumLikelihoodExists,
  type BradleyTerryFit,
  type BradleyTerryOptions,
  type ModelRating,
} from "./bradley-terry";
export {
  bootstrapBradleyTerry,
  type BootstrapOptions,
  type BootstrapResult,
  type RatingWithInterval,
} from "./bradley-terry-bootstrap";

export {
  countPairableUnits,
  isMissing,
  type MaybeRating,
  type RatingValue,
  type ReliabilityData,
} from "./reliability-data";
export { krippendorffAlpha, type KrippendorffOptions, type MeasurementLevel } from "./krippendorff-alpha";
export { fleissKappa } from "./fleiss-kappa";
export { cohenKappa, cohenKappaFromTable } from "./cohen-kappa";
export { percentAgreement } from "./percent-agreement";

export { positionBias, type PositionBias } from "./position-bias";
export { repeatConsistency, type RaterConsistency } from "./repeat-consistency";
export { attentionCheckPassRates, type AttentionCheck, type AttentionCheckRate } from "./attention-checks";

export {
  summarisePairs,
  type CriterionAgreement,
  type CriterionProgress,
  type CriterionRating,
  type PairSummary,
  type PreferenceSummary,
  type SummariseOptions,
} from "./summarise";
export {
  chooseNextComparison,
  type AllocationChoice,
  type AllocationInput,
  type AllocationItem,
  type AllocationReason,
  type TAllocationGoal,
} from "./adaptive-allocation";
export { adjacentOrders, pairOrder, type PairOrder } from "./settled-order";
export { studyProgress, type PairProgress, type StudyProgress } from "./study-progress";
