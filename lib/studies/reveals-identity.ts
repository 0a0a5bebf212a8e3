/** Vendor and model words the patterns below know: a rater-facing title must not use them either. */
export const IDENTITY_WORDS = [
  "chatgpt",
  "gpt",
  "claude",
  "bard",
  "gemini",
  "llama",
  "openai",
  "anthropic",
  "google",
  "meta",
] as const;

// Self-identification by an assistant breaks blinding, so such outputs are flagged for the admin.
const PATTERNS: RegExp[] = [
  /\bas (?:an? )?(?:chat\s?gpt|gpt-?\d(?:\.\d)?(?:-turbo)?|claude|bard|gemini|llama|openai(?:'s)? (?:language )?model)\b/i,
  /\bi am (?:chat\s?gpt|claude|bard|gemini|llama|gpt-?\d)\b/i,
  /\bi'm (?:chat\s?gpt|claude|bard|gemini|llama|gpt-?\d)\b/i,
  /\b(?:developed|created|trained|made|built) by (?:openai|anthropic|google|meta)\b/i,
  /\bas an? (?:ai|language model|large language model)[^.]{0,40}\b(?:openai|anthropic|google|meta)\b/i,
];

export function revealsIdentity(text: string): boolean {
  return PATTERNS.some((p) => p.test(text));
}

/** The part of a flagged output that names the model, with some context, for the admin's list. */
export function excerptAround(text: string, width = 200): string {
  const at =
    PATTERNS.map((p) => text.search(p))
      .filter((i) => i >= 0)
      .sort((a, b) => a - b)[0] ?? 0;
  const start = Math.max(0, at - 60);
  return `${start > 0 ? "…" : ""}${text.slice(start, start + width)}${start + width < text.length ? "…" : ""}`;
}
