import { countDigits, groupMatches } from "./regex";
import type { PhiCandidate } from "./types";

const EMAIL =
  /(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}\b/g;

// +44 20 7946 0958, +44 (0)20 7946 0958, +1-202-555-0173, +91 98765 43210.
const INTERNATIONAL = /(?<![\w+])\+\d{1,3}(?:[ .-]?\(0\))?(?:[ .-]?\(?\d{1,5}\)?){1,5}(?!\w)/g;
// (202) 555-0173, 202-555-0173, 202.555.0173, 1-800-555-0199. Separators are required so that
// a bare 10-digit lab or accession number is not called a phone.
const NORTH_AMERICAN =
  /(?<![\w+(])(?:1[ .-])?(?:\([2-9]\d{2}\)[ .-]?|[2-9]\d{2}[ .-])\d{3}[ .-]\d{4}(?!\w|[.-]\d)/g;
// UK numbers start with 0 and have 10–11 digits: 020 7946 0958, 07700 900123, (01632) 960123.
const UK =
  /(?<![\w+.])(?:\(0\d{2,4}\)[ \t]?\d{3,4}[ \t-]?\d{3,4}|0\d{2,4}[ \t-]?\d{3,4}[ \t-]?\d{3,4})(?!\w|[.-]\d)/g;
// Anything introduced as a phone number, whatever its format.
const LABELLED = new RegExp(
  String.raw`\b(?:tel(?:ephone)?|phone|mobile|cell[ \t]?phone|cell[ \t]+(?:number|no\.?)|fax|contact[ \t]+(?:number|no\.?))\.?(?:[ \t]*(?:no\.?|number|#))?[ \t]*[:\-–]?[ \t]*(?<value>\+?\(?\d[\d \t().-]{5,}\d)`,
  "gdi",
);

export function detectEmails(text: string): PhiCandidate[] {
  return [...groupMatches(EMAIL, text)].map(({ start, end }) => ({
    kind: "email",
    start,
    end,
    confidence: "high",
    priority: 100,
  }));
}

export function detectPhones(text: string): PhiCandidate[] {
  const found: PhiCandidate[] = [];
  const add = (pattern: RegExp, min: number, max: number, priority: number) => {
    for (const { start, end, value } of groupMatches(pattern, text)) {
      // "(0)" is the UK trunk prefix written inside international numbers; it is not dialled.
      const digits = countDigits(value.replace("(0)", ""));
      if (digits < min || digits > max) continue;
      found.push({ kind: "phone", start, end, confidence: "high", priority });
    }
  };
  add(INTERNATIONAL, 8, 15, 70);
  add(NORTH_AMERICAN, 10, 11, 70);
  add(UK, 10, 11, 70);
  // A label beats the national-ID formats a number might coincidentally fit.
  add(LABELLED, 7, 15, 97);
  return found;
}
