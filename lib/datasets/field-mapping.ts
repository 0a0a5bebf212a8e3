import { z } from "zod";

/** Which of a file's fields holds the instruction, the input and the output ("" for no input). */
export type TFieldMapping = { instruction: string; input: string; output: string };

export const DEFAULT_MAPPING: TFieldMapping = {
  instruction: "instruction",
  input: "input",
  output: "output",
};

const ZFieldName = (fallback: string, optional = false) =>
  z
    .string()
    .trim()
    .max(100, "At most 100 characters")
    .refine((v) => optional || v.length > 0, "Name a field")
    .default(fallback);

/** The mapping as query parameters of POST /api/v1/datasets (and the upload screen's choice). */
export const ZFieldMappingShape = {
  instructionField: ZFieldName(DEFAULT_MAPPING.instruction),
  inputField: ZFieldName(DEFAULT_MAPPING.input, true),
  outputField: ZFieldName(DEFAULT_MAPPING.output),
};
type TFieldMappingQuery = { instructionField: string; inputField: string; outputField: string };

/** One field cannot be two things: a record's output is not also its instruction. */
export function refineMapping(v: TFieldMappingQuery, ctx: z.RefinementCtx): void {
  const used = [v.instructionField, v.outputField, ...(v.inputField ? [v.inputField] : [])];
  if (new Set(used).size !== used.length) {
    ctx.addIssue({
      code: "custom",
      path: ["outputField"],
      message: "The instruction, input and output must be different fields",
    });
  }
}

export function mappingOf(q: TFieldMappingQuery): TFieldMapping {
  return { instruction: q.instructionField, input: q.inputField, output: q.outputField };
}
