import { parseConversation } from "@/lib/conversations/parse-conversation";
import { lastUserTurn, splitFinalTurn } from "@/lib/conversations/split-final-turn";
import { CONVERSATION_SHAPES, type TConversationShape } from "@/lib/conversations/types";
import type { TParsedOutput } from "@/lib/studies/parse-outputs";

/** A refused line of an upload: its number as an editor shows it, and why. */
export type TLineProblem = { line: number; reason: string };

type TRowResult = { ok: true; outputs: TParsedOutput[] } | { ok: false; reason: string };

/** Keys of a conversation line that are never a model's output column. */
const NOT_OUTPUTS = new Set<string>([...CONVERSATION_SHAPES, "id", "category", "difficulty", "generator"]);

/** The conversation field a row carries, if any (`messages` or ShareGPT `conversations`). */
export function conversationFieldOf(rec: Record<string, unknown>): TConversationShape | null {
  return CONVERSATION_SHAPES.find((f) => Object.hasOwn(rec, f)) ?? null;
}

/**
 * One line of an outputs file holding a conversation, in one of two forms:
 * - one model (as an AlpacaEval row): `{messages|conversations, generator}`; the conversation ends
 *   with that model's answer, which is its output; the turns before it are the prompt's context.
 * - several models (as the MedInstruct JSONL): `{messages|conversations, <model>: text…}` without
 *   `generator`; the conversation is the context alone and ends with the user's turn.
 * A conversation takes the place of `instruction`/`input`: a line with both is ambiguous, refused.
 */
export function parseConversationRow(
  rec: Record<string, unknown>,
  line: number,
  onlyModels?: readonly string[],
): TRowResult {
  const field = conversationFieldOf(rec);
  if (!field) return { ok: false, reason: "has no conversation" };
  if (CONVERSATION_SHAPES.every((f) => Object.hasOwn(rec, f)))
    return { ok: false, reason: 'has both "messages" and "conversations"' };
  if (Object.hasOwn(rec, "instruction") || Object.hasOwn(rec, "input"))
    return { ok: false, reason: `has both "${field}" and "instruction"/"input": give one prompt` };
  const parsed = parseConversation(rec[field], field);
  if (!parsed.ok) return parsed;
  const generator = rec.generator;
  if (generator !== undefined) {
    if (typeof generator !== "string" || !generator.trim() || generator.length > 200)
      return { ok: false, reason: '"generator" must name the model (1–200 characters)' };
    const split = splitFinalTurn(parsed.turns, field);
    if (!split.ok) return split;
    const only = onlyModels?.length ? onlyModels : null;
    if (only && !only.includes(generator.trim())) return { ok: true, outputs: [] };
    return {
      ok: true,
      outputs: [
        {
          instruction: lastUserTurn(split.context),
          input: "",
          model: generator.trim(),
          text: split.final,
          context: split.context,
          line,
        },
      ],
    };
  }
  const context = parsed.turns;
  if (context.at(-1)?.role !== "user")
    return {
      ok: false,
      reason: `"${field}" must end with the user's turn when the models' outputs are columns (or give "generator" and end with its answer)`,
    };
  const outputs: TParsedOutput[] = [];
  for (const [key, value] of Object.entries(rec)) {
    if (NOT_OUTPUTS.has(key) || typeof value !== "string") continue;
    const model = key.replace(/-answer$/, "");
    if (onlyModels && !onlyModels.includes(model)) continue;
    outputs.push({ instruction: lastUserTurn(context), input: "", model, text: value, context, line });
  }
  if (outputs.length === 0 && !onlyModels)
    return { ok: false, reason: 'has no model output: give "generator" or one column per model' };
  return { ok: true, outputs };
}

/** The refusal message for an upload's bad lines: the first ten, each with its reason. */
export function describeLineProblems(problems: readonly TLineProblem[], noun = "Line"): string {
  const shown = problems.slice(0, 10).map((p) => `${noun} ${p.line}: ${p.reason}`);
  const more = problems.length > 10 ? `; and ${problems.length - 10} more` : "";
  return `${shown.join("; ")}${more}. Nothing was imported.`;
}
