import { z } from "zod";

export type TParsedOutput = { instruction: string; input: string; model: string; text: string };

const ZAlpacaRow = z.object({
  instruction: z.string().min(1),
  input: z.string().optional(),
  output: z.string(),
  generator: z.string().min(1).max(200),
});
export const ZAlpacaOutputs = z.array(ZAlpacaRow).min(1).max(20_000);

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
 */
export function parseMultiOutputJsonl(
  text: string,
  onlyModels?: readonly string[],
): { outputs: TParsedOutput[]; badLines: number[] } {
  const outputs: TParsedOutput[] = [];
  const badLines: number[] = [];
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
  return { outputs, badLines };
}

/** Turns multi-output rows into AlpacaEval rows, one per model. */
export function toAlpacaRows(outputs: readonly TParsedOutput[], model: string) {
  return outputs
    .filter((o) => o.model === model)
    .map((o) => ({ instruction: o.instruction, input: o.input, output: o.text, generator: o.model }));
}
