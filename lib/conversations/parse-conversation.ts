import { CONVERSATION_LIMITS, type TConversationShape, type TTurn, type TTurnRole } from "./types";

/** Each shape's own role spellings; anything else is refused, not guessed. */
const ROLE_SPELLINGS: Record<TConversationShape, Record<string, TTurnRole>> = {
  messages: { system: "system", user: "user", assistant: "assistant" },
  conversations: { system: "system", human: "user", gpt: "assistant" },
};
const SHAPE_KEYS: Record<TConversationShape, { role: string; content: string }> = {
  messages: { role: "role", content: "content" },
  conversations: { role: "from", content: "value" },
};

export type TParsedConversation =
  { ok: true; shape: TConversationShape; turns: TTurn[] } | { ok: false; reason: string };

function shapeOf(turn: unknown): TConversationShape | null {
  if (!turn || typeof turn !== "object" || Array.isArray(turn)) return null;
  if (Object.hasOwn(turn, "role")) return "messages";
  if (Object.hasOwn(turn, "from")) return "conversations";
  return null;
}

const fail = (reason: string): TParsedConversation => ({ ok: false, reason });

/**
 * Reads a conversation field of an imported record. Turns are numbered from 1 in every message,
 * as a person counts them in the file. A system turn may only open the conversation: anywhere
 * else it would be an instruction hidden in the middle of a dialogue.
 */
export function parseConversation(value: unknown, field: string): TParsedConversation {
  if (!Array.isArray(value)) return fail(`"${field}" must be an array of turns`);
  if (value.length === 0) return fail(`"${field}" has no turns`);
  if (value.length > CONVERSATION_LIMITS.maxTurns)
    return fail(`"${field}" has more than ${CONVERSATION_LIMITS.maxTurns} turns`);
  const shape = shapeOf(value[0]);
  if (!shape)
    return fail(`"${field}" turn 1 has neither "role" (messages) nor "from" (ShareGPT conversations)`);
  const keys = SHAPE_KEYS[shape];
  const spellings = ROLE_SPELLINGS[shape];
  const turns: TTurn[] = [];
  let total = 0;
  for (const [i, raw] of value.entries()) {
    const n = i + 1;
    if (shapeOf(raw) !== shape)
      return fail(`"${field}" turn ${n} is not a {${keys.role}, ${keys.content}} object`);
    const obj = raw as Record<string, unknown>;
    const spelled = obj[keys.role];
    const role = typeof spelled === "string" && Object.hasOwn(spellings, spelled) ? spellings[spelled] : null;
    if (!role) {
      const allowed = Object.keys(spellings).join(", ");
      return fail(
        `"${field}" turn ${n} has an unknown ${keys.role} ${JSON.stringify(spelled)} (allowed: ${allowed})`,
      );
    }
    const content = obj[keys.content];
    if (typeof content !== "string") return fail(`"${field}" turn ${n}: "${keys.content}" must be a string`);
    if (content.trim() === "") return fail(`"${field}" turn ${n} is empty`);
    if (content.length > CONVERSATION_LIMITS.maxTurnChars)
      return fail(`"${field}" turn ${n} is longer than ${CONVERSATION_LIMITS.maxTurnChars} characters`);
    if (role === "system" && i > 0) return fail(`"${field}" turn ${n}: a system turn may only come first`);
    total += content.length;
    turns.push({ role, content });
  }
  if (total > CONVERSATION_LIMITS.maxConversationChars)
    return fail(`"${field}" is longer than ${CONVERSATION_LIMITS.maxConversationChars} characters in all`);
  return { ok: true, shape, turns };
}

/** Back to the shape the file came in: what a pipeline sent is what its export gives back. */
export function toShape(turns: readonly TTurn[], shape: TConversationShape): Record<string, string>[] {
  if (shape === "messages") return turns.map((t) => ({ role: t.role, content: t.content }));
  const spelled = Object.fromEntries(
    Object.entries(ROLE_SPELLINGS.conversations).map(([spelling, role]) => [role, spelling]),
  ) as Record<TTurnRole, string>;
  return turns.map((t) => ({ from: spelled[t.role], value: t.content }));
}
