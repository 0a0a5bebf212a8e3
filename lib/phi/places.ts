import { phiLexicon } from "./lexicon";
import { ALLOWED_PLACES, NOT_NAME_WORDS } from "./name-words";
import type { PhiCandidate } from "./types";

const PLACE_WORD = String.raw`\p{Lu}[\p{Ll}'’-]+`;
const PLACE = String.raw`(?<value>${PLACE_WORD}(?:[ \u00a0]${PLACE_WORD}){0,2})`;

// Cities by context: where a person lives, moved or comes from, a city after a street address,
// and "City, ST". States and countries are allowed by Safe Harbor and filtered out.
const LIVES = new RegExp(
  String.raw`\b(?:lives|lived|living|resides|resided|residing|resident|based|moved|relocated|born|raised|grew[ \t]+up|home|fell[ \t]+at[ \t]+home|man|woman|boy|girl|patient|family)(?:[ \t]+(?:alone|here|now|with[ \t]+\w+))?[ \t]+(?:in|to|from|at|near|of|outside)[ \t]+${PLACE}`,
  "gdu",
);
const FROM = new RegExp(String.raw`\b(?:from|near|outside)[ \t]+${PLACE}`, "gdu");
const AFTER_STREET = new RegExp(
  String.raw`\d+[A-Za-z]?[ \t]+(?:\p{Lu}[\p{L}'’.]*[ \t]+){1,4}\p{Lu}[\p{L}.]*,[ \t]*${PLACE}(?=,|[ \t]+[A-Z]{2}\b|[ \t]*[.;)]|$)`,
  "gdu",
);
const CITY_STATE = new RegExp(
  String.raw`${PLACE},[ \t]+(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)\b`,
  "gdu",
);

// A town before a UK postcode: "Whitby YO21 3AB".
const BEFORE_UK_POSTCODE = new RegExp(
  String.raw`${PLACE},?[ \t]+(?=(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)[ \t]\d[ABD-HJLNP-UW-Z]{2}\b)`,
  "gdu",
);

export function detectCities(text: string): PhiCandidate[] {
  const { cities } = phiLexicon();
  const found: PhiCandidate[] = [];
  const add = (start: number, end: number, priority: number) => {
    if (found.some((f) => f.start < end && start < f.end)) return;
    found.push({ kind: "city", start, end, confidence: "high", priority });
  };
  for (const [pattern, priority] of [
    [CITY_STATE, 58],
    [AFTER_STREET, 57],
    [BEFORE_UK_POSTCODE, 56],
    [LIVES, 52],
    [FROM, 46],
  ] as const) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const span = m.indices?.groups?.value;
      if (!span) continue;
      const [start, matchEnd] = span;
      // Drop trailing ordinary words ("Leeds Last", "Lagos On").
      let words = text.slice(start, matchEnd).split(/[ \u00a0]/);
      while (words.length > 0 && NOT_NAME_WORDS.has((words[words.length - 1] ?? "").toLowerCase()))
        words = words.slice(0, -1);
      if (words.length === 0 || NOT_NAME_WORDS.has((words[0] ?? "").toLowerCase())) continue;
      const name = words.join(" ");
      const end = start + name.length;
      if (ALLOWED_PLACES.has(name.toLowerCase())) continue;
      // "from" is everywhere ("from Response A", "from Lipitor"): only known cities count there.
      if (pattern === FROM && !cities.has(name.toLowerCase())) continue;
      add(start, end, priority);
    }
  }
  return found;
}
