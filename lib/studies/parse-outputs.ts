import { z } from "zod";
import type { TTurn } from "@/lib/conversations/types";
import {
  conversationFieldOf,
  parseConversationRow,
  type TLineProblem,
} from "@/lib/studies/parse-conversation-outputs";

/**
 * One model's output for one prompt. A conversation prompt carries its context turns (the final
 * assistant turn is `text`; `instruction` is the last user turn, for lists) and the upload's line
 * (or JSON row) it came from, so the import can refuse a mismatch by line.
 */
export type TParsedOutput = {
  instruction: string;
  input: string;
  model: string;
  text: string;
  context?: TTurn[];
  line?: number;
};

const ZAlpacaRow = z.object({
  instruction: z.string().min(1),
  input: z.string().optional(),
  output: z.string(),
  generator: z.string().min(1).max(200),
});
export const ZAlpacaOutputs = z.array(ZAlpacaRow).min(1).max(20_000);

/**
 * A JSON array upload: AlpacaEval rows, or rows holding a conversation with its model's answer last
 * (`{messages|conversations, generator}`), or both. Rows are numbered from 1.
 */
export function parseOutputsJson(
  raw: unknown,
):
  | { ok: true; outputs: TParsedOutput[] }
  | { ok: false; problems: TLineProblem[] }
  | { ok: false; zod: z.ZodError } {
  const rows = Array.isArray(raw) ? raw : null;
  const isChat = (r: unknown) =>
    typeof r === "object" &&
    r !== null &&
    !Array.isArray(r) &&
    conversationFieldOf(r as Record<string, unknown>);
  if (!rows?.some(isChat)) {
    const parsed = ZAlpacaOutputs.safeParse(raw);
    return parsed.success
      ? { ok: true, outputs: parseAlpacaOutputs(parsed.data) }
      : { ok: false, zod: parsed.error };
  }
  const outputs: TParsedOutput[] = [];
  const problems: TLineProblem[] = [];
  rows.forEach((row, i) => {
    const line = i + 1;
    if (isChat(row)) {
      const rec = row as Record<string, unknown>;
      if (rec.generator === undefined)
        return problems.push({ line, reason: 'a conversation row of a JSON array needs "generator"' });
      const r = parseConversationRow(rec, line);
      if (r.ok) outputs.push(...r.outputs);
      else problems.push({ line, reason: r.reason });
      return;
    }
    const alpaca = ZAlpacaRow.safeParse(row);
    if (alpaca.success) outputs.push(...parseAlpacaOutputs([alpaca.data]).map((o) => ({ ...o, line })));
    else problems.push({ line, reason: "is neither an AlpacaEval row nor a conversation with a generator" });
  });
  return problems.length ? { ok: false, problems } : { ok: true, outputs };
}

/** AlpacaEval model outputs: one row per prompt and model. */
export function parseAlpacaOutputs(rows: z.infer<typeof ZAlpacaOutputs>): TParsedOutput[] {
  return rows.map((r) => ({
    instruction: r.instruction,
    input: r.input ?? "",
    model: r.generator.trim(),
    text: r.output,
  }));
}

const ANSWER_SUFFIX = /-answer$/;
const NOT_OUTPUTS = new Set(["instruction", "input", "output", "id", "category", "difficulty"]);

/**
 * One JSONL row per prompt carrying several models' outputs (MedInstruct-test: `gpt-4-answer`,
 * `claude-2`…). Every string column other than the prompt's own is an output; `-answer` is dropped.
 * A line may instead hold a conversation (lib/studies/parse-conversation-outputs.ts); its
 * problems are reported with their reasons in `problems`.
 */
export function parseMultiOutputJsonl(
  text: string,
  onlyModels?: readonly string[],
): { outputs: TParsedOutput[]; badLines: number[]; problems: TLineProblem[] } {
  const outputs: TParsedOutput[] = [];
  const badLines: number[] = [];
  const problems: TLineProblem[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let row: unknown;
    try {
      row = JSON.parse(line) as unknown;
    } catch {
      badLines.push(i + 1);
      return;
    }
    if (typeof row !== "object" || row === null || Array.isArray(row)) {
      badLines.push(i + 1);
      return;
    }
    const rec = row as Record<string, unknown>;
    if (conversationFieldOf(rec)) {
      const r = parseConversationRow(rec, i + 1, onlyModels);
      if (r.ok) outputs.push(...r.outputs);
      else problems.push({ line: i + 1, reason: r.reason });
      return;
    }
    const instruction = rec.instruction;
    if (typeof instruction !== "string" || !instruction.trim()) {
      badLines.push(i + 1);
      return;
    }
    const input = typeof rec.input === "string" ? rec.input : "";
    for (const [key, value] of Object.entries(rec)) {
      if (NOT_OUTPUTS.has(key) || typeof value !== "string") continue;
      const model = key.replace(ANSWER_SUFFIX, "");
      if (onlyModels && !onlyModels.includes(model)) continue;
      outputs.push({ instruction, input, model, text: value });
    }
  });
  return { outputs, badLines, problems };
}

/** Turns multi-output rows into AlpacaEval rows, one per model. */
export function toAlpacaRows(outputs: readonly TParsedOutput[], model: string) {
  return outputs
    .filter((o) => o.model === model)
    .map((o) => ({ instruction: o.instruction, input: o.input, output: o.text, generator: o.model }));
}
