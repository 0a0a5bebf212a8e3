/** What a clinician picked, always relative to the judgement's modelA / modelB (never to screen sides). */
export type Choice = "A" | "B" | "tie" | "both_bad";

/** Which of the two responses (modelA's or modelB's) was rendered on the left. */
export type Side = "A" | "B";

/** Closed interval as [lower, upper]. */
export type Interval = readonly [lower: number, upper: number];

export interface Outcome {
  readonly modelA: string;
  readonly modelB: string;
  readonly choice: Choice;
}

export interface PromptOutcome extends Outcome {
  /** Bootstrap resamples by prompt, so every outcome must say which prompt it came from. */
  readonly promptId: string;
}

export interface Judgement extends PromptOutcome {
  readonly raterId: string;
  readonly shownLeft: Side;
  readonly criterion: string;
}
