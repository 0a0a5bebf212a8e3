import { z } from "zod";

/**
 * Which of a file's fields holds the instruction, the input and the output ("" for no input), or,
 * for a file of chats, the one field holding each record's turns (`conversation`): then the
 * instruction, input and output are taken from the turns, not from fields, and are "".
 */
export type TFieldMapping = { instruction: string; input: string; output: string; conversation?: string };

export const DEFAULT_MAPPING: TFieldMapping = {
  instruction: "instruction",
  input: "input",
  output: "output",
};

const ZFieldName = (optional = false) =>
  z
    .string()
    .trim()
    .max(100, "At most 100 characters")
    .refine((v) => optional || v.length > 0, "Name a field")
    .optional();

/**
 * The mapping as query parameters of POST /api/v1/datasets (and the upload screen's choice). No
 * defaults here: whether a field was named at all decides a conflict with conversationField, and
 * mappingOf fills in the usual names.
 */
export const ZFieldMappingShape = {
  instructionField: ZFieldName(),
  inputField: ZFieldName(true),
  outputField: ZFieldName(),
  conversationField: ZFieldName(),
};
type TFieldMappingQuery = {
  instructionField?: string;
  inputField?: string;
  outputField?: string;
  conversationField?: string;
};

export const CONVERSATION_FIELD_CONFLICT =
  "conversationField excludes instructionField, inputField and outputField: a conversation's turns give the instruction and the output";

/** One field cannot be two things: a record's output is not also its instruction. */
export function refineMapping(v: TFieldMappingQuery, ctx: z.RefinementCtx): void {
  if (v.conversationField !== undefined) {
    if (v.instructionField !== undefined || v.inputField !== undefined || v.outputField !== undefined)
      ctx.addIssue({ code: "custom", path: ["conversationField"], message: CONVERSATION_FIELD_CONFLICT });
    return;
  }
  const m = mappingOf(v);
  const used = [m.instruction, m.output, ...(m.input ? [m.input] : [])];
  if (new Set(used).size !== used.length) {
    ctx.addIssue({
      code: "custom",
      path: ["outputField"],
      message: "The instruction, input and output must be different fields",
    });
  }
}

export function mappingOf(q: TFieldMappingQuery): TFieldMapping {
  if (q.conversationField !== undefined)
    return { instruction: "", input: "", output: "", conversation: q.conversationField };
  return {
    instruction: q.instructionField ?? DEFAULT_MAPPING.instruction,
    input: q.inputField ?? DEFAULT_MAPPING.input,
    output: q.outputField ?? DEFAULT_MAPPING.output,
  };
}
