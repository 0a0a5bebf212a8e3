import type { TTurn } from "./types";

export type TSplitConversation =
  { ok: true; context: TTurn[]; final: string } | { ok: false; reason: string };

/**
 * The turn under review is the conversation's last, and it must be the assistant's: a chat that
 * ends with the user has no answer to audit or compare. Its context must hold a user turn, or
 * there is nothing the answer answers.
 */
export function splitFinalTurn(turns: readonly TTurn[], field: string): TSplitConversation {
  const last = turns.at(-1);
  if (!last || last.role !== "assistant")
    return { ok: false, reason: `"${field}" must end with an assistant turn (the answer under review)` };
  const context = turns.slice(0, -1);
  if (!context.some((t) => t.role === "user"))
    return { ok: false, reason: `"${field}" has no user turn before its final assistant turn` };
  return { ok: true, context, final: last.content };
}

/** The last thing the user said: what lists, similarity and stratification show as the record's instruction. */
export function lastUserTurn(context: readonly TTurn[]): string {
  return context.findLast((t) => t.role === "user")?.content ?? "";
}
