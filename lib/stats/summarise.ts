import { bootstrapBradleyTerry } from "./bradley-terry-bootstrap";
import { krippendorffAlpha } from "./krippendorff-alpha";
import {
  codePointCompare,
  modelComparator,
  orientOutcome,
  tallyChoices,
  type PairOrderOptions,
} from "./pair-counts";
import { percentAgreement } from "./percent-agreement";
import { positionBias, type PositionBias } from "./position-bias";
import { pairSignTest } from "./sign-test";
import { studyProgress, type StudyProgress } from "./study-progress";
import type { Choice, Interval, Judgement } from "./types";
import { decisiveShareInterval } from "./wilson";
import { winRate } from "./win-rate";

export interface SummariseOptions extends PairOrderOptions {
  /** Bootstrap rounds for rating intervals. Default 1000. */
  readonly bootstrapRounds?: number;
  /** Default 1. */
  readonly seed?: number | string;
  /** Default 0.95 (rating intervals only; Wilson intervals are always 95%). */
  readonly confidence?: number;
  /** Bradley–Terry prior in virtual drawn games per model; 0 = off. Default 1. */
  readonly priorGames?: number;
  /** Target width (Elo) of a difference's 95% interval for the "are we done?" estimate. Default 50. */
  readonly targetWidth?: number;
}

/** "Are we done?" for one criterion, from the same bootstrap rounds as its ratings. */
export interface CriterionProgress extends StudyProgress {
  readonly criterion: string;
  /** Judgements the estimate starts from (one per rated comparison on this criterion). */
  readonly judgements: number;
  readonly targetWidth: number;
}

export interface PairSummary {
  readonly criterion: string;
  readonly modelA: string;
  readonly modelB: string;
  readonly n: number;
  readonly winsA: number;
  readonly winsB: number;
  readonly ties: number;
  readonly bothBad: number;
  /** Ties and both-bad count half; fraction in [0, 1]. */
  readonly winRateA: number;
  readonly standardError: number;
  /** Wilson 95% interval on A's share of decisive votes. */
  readonly wilson: Interval;
  /** Exact two-sided sign test on decisive votes. */
  readonly signTestP: number;
}

export interface CriterionRating {
  readonly criterion: string;
  readonly model: string;
  readonly rating: number;
  readonly ci: Interval;
}

export interface CriterionAgreement {
  readonly criterion: string;
  /** Nominal alpha over the verdicts {A wins, B wins, tie, both-bad}. */
  readonly krippendorffAlpha: number;
  readonly percentAgreement: number;
  /** Comparisons (prompt × model pair) rated by at least two raters. */
  readonly nItems: number;
}

export interface PreferenceSummary {
  readonly pairs: readonly PairSummary[];
  readonly ratings: readonly CriterionRating[];
  readonly agreement: readonly CriterionAgreement[];
  /** Pooled over all criteria and raters. */
  readonly positionBias: PositionBias;
  readonly progress: readonly CriterionProgress[];
}

interface OrientedJudgement extends Judgement {
  readonly swapped: boolean;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function agreementFor(criterion: string, judgements: readonly OrientedJudgement[]): CriterionAgreement {
  const units: Choice[][] = [];
  for (const comparison of groupBy(judgements, (j) =>
    JSON.stringify([j.promptId, j.modelA, j.modelB]),
  ).values()) {
    // One vote per rater per comparison: repeats measure self-consistency, not agreement between raters.
    const byRater = new Map<string, Choice>();
    for (const judgement of comparison) {
      if (!byRater.has(judgement.raterId)) byRater.set(judgement.raterId, judgement.choice);
    }
    units.push([...byRater.values()]);
  }
  return {
    criterion,
    krippendorffAlpha: krippendorffAlpha(units, { level: "nominal" }),
    percentAgreement: percentAgreement(units),
    nItems: units.filter((unit) => unit.length >= 2).length,
  };
}

/**
 * One-call summary of a blinded pairwise study: per criterion and model pair counts, win rate with
 * AlpacaEval standard error, Wilson interval and sign test; Bradley–Terry ratings with prompt-
 * clustered bootstrap intervals; inter-rater agreement; and pooled position bias.
 *
 * Pairs are oriented canonically (see PairOrderOptions), so a judgement recorded as (Y, X) is
 * counted with (X, Y) with its choice flipped. Criteria are sorted by code point.
 */
export function summarisePairs(
  judgements: readonly Judgement[],
  options: SummariseOptions = {},
): PreferenceSummary {
  const compare = modelComparator(options.modelOrder);
  const oriented = judgements.map((judgement) => orientOutcome(judgement, compare));
  const byCriterion = groupBy(oriented, (j) => j.criterion);
  const criteria = [...byCriterion.keys()].sort(codePointCompare);

  const pairs: PairSummary[] = [];
  const ratings: CriterionRating[] = [];
  const agreement: CriterionAgreement[] = [];
  const progress: CriterionProgress[] = [];
  const targetWidth = options.targetWidth ?? 50;
  for (const criterion of criteria) {
    const inCriterion = byCriterion.get(criterion) ?? [];

    const byPair = groupBy(inCriterion, (j) => JSON.stringify([j.modelA, j.modelB]));
    const pairGroups = [...byPair.values()].sort((x, y) => {
      const a = x[0] as OrientedJudgement;
      const b = y[0] as OrientedJudgement;
      return compare(a.modelA, b.modelA) || compare(a.modelB, b.modelB);
    });
    for (const group of pairGroups) {
      const first = group[0] as OrientedJudgement;
      const counts = tallyChoices(
        first.modelA,
        first.modelB,
        group.map((j) => j.choice),
      );
      const rate = winRate(counts);
      pairs.push({
        criterion,
        modelA: counts.modelA,
        modelB: counts.modelB,
        n: counts.n,
        winsA: counts.winsA,
        winsB: counts.winsB,
        ties: counts.ties,
        bothBad: counts.bothBad,
        winRateA: rate.winRate,
        standardError: rate.standardError,
        wilson: decisiveShareInterval(counts),
        signTestP: pairSignTest(counts),
      });
    }

    const fit = bootstrapBradleyTerry(inCriterion, {
      rounds: options.bootstrapRounds ?? 1000,
      seed: options.seed ?? 1,
      confidence: options.confidence ?? 0.95,
      ...(options.priorGames === undefined ? {} : { priorGames: options.priorGames }),
      models: modelsInOrder(inCriterion, compare),
      // The rounds themselves, so "is the order settled?" reuses this bootstrap instead of running another.
      keepSamples: true,
    });
    for (const { model, rating, ci } of fit.ratings) ratings.push({ criterion, model, rating, ci });
    progress.push({
      criterion,
      judgements: inCriterion.length,
      targetWidth,
      ...studyProgress(fit, inCriterion.length, targetWidth),
    });

    agreement.push(agreementFor(criterion, inCriterion));
  }

  // Sides refer to the original (unoriented) judgement, so measure position bias on the input.
  return { pairs, ratings, agreement, positionBias: positionBias(judgements), progress };
}

function modelsInOrder(
  judgements: readonly OrientedJudgement[],
  compare: (a: string, b: string) => number,
): string[] {
  const models = new Set<string>();
  for (const j of judgements) {
    models.add(j.modelA);
    models.add(j.modelB);
  }
  return [...models].sort(compare);
}
