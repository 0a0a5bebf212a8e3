import { groupMatches } from "./regex";
import type { PhiCandidate } from "./types";

const SUFFIX =
  "(?:Street|Road|Avenue|Lane|Drive|Boulevard|Court|Place|Terrace|Close|Crescent|Square|Parkway|Highway|Way)";
const ABBREVIATED_SUFFIX = "(?:Rd|Ave|Ln|Blvd|Ct|Pl|Sq|Pkwy|Hwy)";
// "St" and "Dr" double as titles/"Saint": only a suffix when not followed by a capitalised word.
const AMBIGUOUS_SUFFIX = "(?:St|Dr)(?!\\.?[ \\t]+[A-Z][a-z])";

// Number, 1–4 capitalised words, suffix: "221B Baker Street", "12 Main St.", "1600 Pennsylvania Ave".
// Capitalisation is required, which keeps "6 minute walk" and "5 mm" out.
const STREET = new RegExp(
  String.raw`(?<![\w.,/-])\d{1,5}[A-Za-z]?(?:[-–]\d{1,5})?,?[ \t]+(?:[A-Z][a-zA-Z'’-]*\.?[ \t]+){1,4}(?:${SUFFIX}\b|(?:${ABBREVIATED_SUFFIX}|${AMBIGUOUS_SUFFIX})\b\.?)`,
  "g",
);

const US_STATE =
  "(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR)";
// ZIP codes only after a state code ("Springfield, IL 62704"): five-digit numbers are everywhere
// in lab results. The city is reported apart, as a city (places.ts).
const US_CITY_STATE_ZIP = new RegExp(
  String.raw`\b[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2},?[ \t]+${US_STATE}[ \t]+(?<value>\d{5}(?:-\d{4})?)\b`,
  "gd",
);

// UK postcodes, with the letter restrictions of the format (no Q/V/X first, no C/I/K/M/O/V in the
// inward letters). The space is required: without it "CD40LG" (a gene) would be a postcode.
const UK_POSTCODE = /\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR)[ \t]\d[ABD-HJLNP-UW-Z]{2}\b/g;

const LABELLED_POSTAL_CODE = new RegExp(
  String.raw`\b(?:zip(?:[ \t]*code)?|postal[ \t]*code|post[ \t]*code)[ \t]*[:#]?[ \t]*(?<value>\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2})\b`,
  "gdi",
);

export function detectAddresses(text: string): PhiCandidate[] {
  const found: PhiCandidate[] = [];
  for (const { start, end } of groupMatches(STREET, text)) {
    found.push({ kind: "street_address", start, end, confidence: "high", priority: 60 });
  }
  for (const pattern of [US_CITY_STATE_ZIP, UK_POSTCODE, LABELLED_POSTAL_CODE]) {
    for (const { start, end } of groupMatches(pattern, text)) {
      found.push({ kind: "postal_code", start, end, confidence: "high", priority: 55 });
    }
  }
  return found;
}
