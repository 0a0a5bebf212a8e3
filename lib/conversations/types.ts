/** Roles as ClinReview stores them, whatever spelling the file used. */
export const TURN_ROLES = ["system", "user", "assistant"] as const;
export type TTurnRole = (typeof TURN_ROLES)[number];
export type TTurn = { role: TTurnRole; content: string };

/**
 * The two shapes chat pipelines write: OpenAI-style `messages: [{role, content}]` and
 * ShareGPT-style `conversations: [{from, value}]`. A dataset remembers which it came in, so its
 * exports give the pipeline back what it sent.
 */
export const CONVERSATION_SHAPES = ["messages", "conversations"] as const;
export type TConversationShape = (typeof CONVERSATION_SHAPES)[number];

export const CONVERSATION_LIMITS = {
  maxTurns: 64,
  maxTurnChars: 100_000,
  maxConversationChars: 400_000,
} as const;
