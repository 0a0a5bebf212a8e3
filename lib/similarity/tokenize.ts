/**
 * Tokeniser of Google's `rouge_score` (tokenize.py, used by RougeScorer without a stemmer):
 * lowercase, replace every run of characters outside [a-z0-9] with a space, split, and drop empty
 * tokens. Matching it exactly matters because the self-instruct / AlpaCare filter threshold (0.7)
 * was tuned against these tokens: "COVID-19" is two tokens, "α-blocker" is just "blocker", and
 * non-Latin text tokenises to nothing.
 */
const NON_ALPHANUMERIC = /[^a-z0-9]+/g;

export function rougeTokenize(text: string): string[] {
  return text
    .toLowerCase()
    .replace(NON_ALPHANUMERIC, " ")
    .split(" ")
    .filter((token) => token.length > 0);
}
