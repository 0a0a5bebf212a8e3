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
