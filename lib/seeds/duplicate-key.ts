/** Two seeds are exact duplicates when instruction and input match after case and whitespace folding. */
export function exactDuplicateKey(instruction: string, input: string | null): string {
  const fold = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();
  return `${fold(instruction)}\u0000${fold(input ?? "")}`;
}
