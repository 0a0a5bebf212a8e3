import { groupMatches } from "./regex";
import type { PhiCandidate } from "./types";

const WORD_AGE = String.raw`(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one[ -]hundred(?:[ -](?:and[ -])?[a-z]+)?|a[ -]hundred)`;
const NUMBER_AGE = String.raw`(?:9\d|1[01]\d)`;
const AGE = String.raw`(?<value>${NUMBER_AGE}|${WORD_AGE})`;

// An age is a number tied to age words; "90 or older" (the Safe Harbor band itself), "over 90" and
// "aged 90 and over" describe groups and stay out.
const AFTER = new RegExp(
  String.raw`(?<![\w.])${AGE}(?:[- ]?(?:years?|yrs?)[- ]old\b|-?year-old\b|[- ]?(?:yo|y\/o|y\.o\.)(?![\w/])|\s+years?\s+of\s+age\b)`,
  "gdi",
);
const BEFORE = new RegExp(String.raw`\b(?:aged|age|ages|age:|aged:)\s*:?\s*${AGE}\b(?![.,]\d)`, "gdi");
// "Patient is 92", "she turned 95": a bare number after a person and a verb of age.
const STATED = new RegExp(
  String.raw`\b(?:patient|pt|he|she|they|who|husband|wife|mother|father)\s+(?:is|was|turned|turns|has\s+turned|is\s+now|was\s+then)\s+${AGE}\b(?!\s*(?:%|mg|kg|bpm|mm|cm|kg|°|per|/|\.\d))`,
  "gdi",
);
// "92F with chest pain", "a 94 M presents": age and sex, never after a temperature.
const AGE_SEX = /(?<![\w.°])(?<value>9\d|1[01]\d)[ \t]?(?:yo[ \t]?)?(?:M|F)(?![\w°-])/dg;
// "in her 90s", "in his late nineties": a decade over 89 of one person.
const DECADE =
  /\bin[ \t]+(?:his|her|their)[ \t]+(?:(?:early|mid|late)[- \t]+)?(?<value>(?:9|1[01])0['’]?s|nineties)\b/dgi;
const BAND =
  /^\s*(?:\+|or\s+(?:older|over|above|more)|and\s+(?:older|over|above)|years?\s+(?:and|or)\s+(?:older|over))/i;

export function detectAges(text: string): PhiCandidate[] {
  const found: PhiCandidate[] = [];
  for (const pattern of [AFTER, BEFORE, STATED, AGE_SEX, DECADE]) {
    for (const { start, end } of groupMatches(pattern, text)) {
      if (
        pattern === AGE_SEX &&
        /\b(?:temp(?:erature)?|T|fever|febrile|pyrexia)\b[^.;\n]{0,12}$/i.test(
          text.slice(Math.max(0, start - 24), start),
        )
      )
        continue;
      if (BAND.test(text.slice(end, end + 24))) continue;
      if (/\b(?:over|above|than)\s+$/i.test(text.slice(Math.max(0, start - 8), start))) continue;
      if (found.some((f) => f.start === start)) continue;
      found.push({ kind: "age_over_89", start, end, confidence: "high", priority: 88 });
    }
  }
  return found;
}
