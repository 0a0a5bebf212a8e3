import type { TTurn, TTurnRole } from "./types";

export const ROLE_LABELS: Record<TTurnRole, string> = {
  system: "System",
  user: "User",
  assistant: "Assistant",
};

/**
 * One string for formats that hold a single text (AlpacaEval annotations, the judgements CSV):
 * each turn under its role label, turns apart by a blank line.
 */
export function flattenTranscript(turns: readonly TTurn[]): string {
  return turns.map((t) => `${ROLE_LABELS[t.role]}: ${t.content}`).join("\n\n");
}

/**
 * Study prompts are matched across models' output files by their context turns: case, Unicode
 * form and whitespace differences do not make a different conversation (as for single prompts,
 * lib/studies/normalise-instruction.ts).
 */
export function conversationKey(turns: readonly TTurn[]): string {
  const norm = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  return JSON.stringify(turns.map((t) => [t.role, norm(t.content)]));
}
