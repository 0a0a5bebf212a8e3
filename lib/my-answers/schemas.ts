import { z } from "zod";

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD");

export const ZMyVerdict = z.enum(["accept", "reject", "revise"]);
/** A choice in the rater's terms (A = left, as the rater saw it). */
export const ZMyChoice = z.enum(["A", "B", "tie", "both_bad"]);

/** Filters of the My answers list (GET /api/v1/me/answers). */
export const ZMyAnswersQuery = z.object({
  kind: z.enum(["audit", "study"]).optional(),
  queueId: z.uuid({ message: "Unknown campaign or study" }).optional(),
  /** A verdict (accept, reject, revise) or a choice in the rater's terms (A, B, tie, both_bad). */
  answer: z.enum([...ZMyVerdict.options, ...ZMyChoice.options]).optional(),
  from: ZDay.optional(),
  to: ZDay.optional(),
});
export type TMyAnswersQuery = z.infer<typeof ZMyAnswersQuery>;

export type TReopenState = { allowed: true } | { allowed: false; reason: string; message: string };

/**
 * One answer of the caller. Studies: the title raters see and their choices as they saw them
 * (A = left); never a model, a comparison id or the side a model was on.
 */
export type TMyAnswer = {
  kind: "audit" | "study";
  assignmentId: string;
  queueId: string;
  title: string;
  submittedAt: string;
  revision: number;
  /** The task's instruction, shortened. */
  excerpt: string;
  /** Conversations: how many turns came before the last user turn (the excerpt); 0 otherwise. */
  earlierTurns: number;
  /** audits: the verdict; studies: criterion label → A | B | tie | both_bad. */
  verdict?: z.infer<typeof ZMyVerdict>;
  choices?: { criterion: string; choice: z.infer<typeof ZMyChoice> }[];
  reopen: TReopenState;
};

export type TMyAnswers = {
  answers: TMyAnswer[];
  queues: { kind: "audit" | "study"; id: string; title: string }[];
};
