import { IDENTITY_WORDS } from "@/lib/studies/reveals-identity";

/**
 * Words that occur in model names without identifying a model ("text-davinci-003-answer",
 * "model-alpha"), and "study" so that the default title "Study 12" never trips the check.
 */
const GENERIC_WORDS = new Set([
  "answer",
  "answers",
  "model",
  "models",
  "output",
  "outputs",
  "response",
  "responses",
  "text",
  "chat",
  "base",
  "instruct",
  "instruction",
  "version",
  "preview",
  "latest",
  "large",
  "small",
  "medium",
  "mini",
  "final",
  "test",
  "eval",
  "run",
  "the",
  "and",
  "study",
]);

/** Lower-case runs of letters and digits: "GPT-4 vs. Claude" reads as gpt, 4, vs, claude. */
const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
/** Lower-case runs of three or more letters: "gpt-3.5-turbo" gives gpt, turbo. */
const letterTokens = (s: string) => (s.toLowerCase().match(/\p{L}+/gu) ?? []).filter((t) => t.length >= 3);

/**
 * The words of a rater-facing title that name a model of the study or a vendor, in title order,
 * each once; [] when the title is neutral. Case and punctuation are ignored: "GPT 4", "gpt-4"
 * and "GPT4" all name gpt-4. A whole model name matches whole words only (the model "med" is not
 * in "Medication"), and only when it has a letter (the title "Study 4" does not name a model "4").
 * Then every letter run of the title is checked against the vendor and model words of
 * reveals-identity.ts and the models' own tokens of three or more letters, generic words aside.
 */
export function titleNamesModel(title: string, models: readonly string[]): string[] {
  const w = words(title);
  const found: { at: number; word: string }[] = [];
  const covered = new Set<number>();
  for (const model of models) {
    const squashed = words(model).join("");
    if (!/\p{L}/u.test(squashed)) continue;
    // Some run of consecutive title words spells the whole model name.
    search: for (let i = 0; i < w.length; i++) {
      let run = "";
      for (let j = i; j < w.length && run.length < squashed.length; j++) {
        run += w[j];
        if (run === squashed) {
          found.push({ at: i, word: model });
          for (let k = i; k <= j; k++) covered.add(k);
          break search;
        }
      }
    }
  }
  const banned = new Set<string>(IDENTITY_WORDS);
  for (const model of models) for (const t of letterTokens(model)) if (!GENERIC_WORDS.has(t)) banned.add(t);
  for (const [i, word] of w.entries()) {
    if (covered.has(i)) continue;
    for (const t of letterTokens(word)) if (banned.has(t)) found.push({ at: i, word: t });
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of found.sort((a, b) => a.at - b.at)) {
    if (seen.has(f.word)) continue;
    seen.add(f.word);
    out.push(f.word);
  }
  return out;
}

/** The field-level message for a title that names a model (the form shows it on the title field). */
export function titleNamesModelMessage(named: readonly string[]): string {
  return `Raters see the title, and it names ${named.map((n) => `“${n}”`).join(", ")}: choose a title that names no model or vendor`;
}
