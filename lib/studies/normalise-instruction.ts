/** The matching key for prompts: case, Unicode form and whitespace differences do not make a new prompt. */
export function normaliseInstruction(instruction: string, input = ""): string {
  const joined = input.trim() ? `${instruction}\n${input}` : instruction;
  return joined.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
}
