import nlp from "compromise";

/**
 * Given names, family names and cities from compromise's English lexicon (about 3,000 given
 * names, 700 family names and 500 cities). Only the word lists are used: compromise's full
 * parse costs ~50 ms per 2,000 characters (BENCHMARKS.md), ten times the scan budget, while a
 * lookup is a Set.has. Built once, on first use.
 */
export interface TPhiLexicon {
  givenNames: ReadonlySet<string>;
  familyNames: ReadonlySet<string>;
  cities: ReadonlySet<string>;
  /** Words compromise knows as something other than a person's name (verbs, nouns, places...). */
  ordinary: ReadonlySet<string>;
}

let cached: TPhiLexicon | undefined;

export function phiLexicon(): TPhiLexicon {
  if (cached) return cached;
  const givenNames = new Set<string>();
  const familyNames = new Set<string>();
  const cities = new Set<string>();
  const ordinary = new Set<string>();
  for (const [word, tag] of Object.entries(lexiconOf(nlp.model()))) {
    const tags = Array.isArray(tag) ? tag : [tag];
    if (tags.some((t) => t === "FirstName" || t === "MaleName" || t === "FemaleName")) givenNames.add(word);
    if (tags.includes("LastName")) familyNames.add(word);
    if (tags.includes("City")) cities.add(word);
    const isName = tags.some((t) => /Name$|^Person$/.test(t));
    if (!isName && !word.includes(" ")) ordinary.add(word);
  }
  cached = { givenNames, familyNames, cities, ordinary };
  return cached;
}

/** compromise types its model as `object`; this reads the one field used, defensively. */
function lexiconOf(model: object): Record<string, string | string[]> {
  const one: unknown = (model as { one?: unknown }).one;
  const lexicon: unknown =
    one && typeof one === "object" ? (one as { lexicon?: unknown }).lexicon : undefined;
  return lexicon && typeof lexicon === "object" ? (lexicon as Record<string, string | string[]>) : {};
}
