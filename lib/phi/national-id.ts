import { groupMatches } from "./regex";
import type { PhiCandidate } from "./types";

// US SSN. Bare numbers must use hyphens: space-separated 3-2-4 digit runs occur in lab value lists.
const SSN_BARE = /(?<![\w-])(?<value>\d{3}-\d{2}-\d{4})(?![\w-]|\.\d)/dg;
const SSN_LABELLED =
  /\b(?:SSN|social[ \t]+security(?:[ \t]+(?:number|no\.?|#))?)[ \t]*[:#]?[ \t]*(?<value>\d{3}[- ]?\d{2}[- ]?\d{4})(?!\d)/dgi;

// NHS numbers are printed 3-3-4; contiguous 10-digit runs only count after an NHS/CHI label.
const NHS_SEPARATED = /(?<![\w-])(?<value>\d{3}([ -])\d{3}\2\d{4})(?![\w-]|\.\d)/dg;
const NHS_LABELLED = /\b(?:NHS|CHI)[ \t]*(?:number|no\.?|num|#)?[ \t]*[:#]?[ \t]*(?<value>\d{10})(?!\d)/dgi;

// UK National Insurance number: two prefix letters (with excluded letters and pairs), six digits,
// suffix A–D. Case-sensitive: it is always printed in capitals.
const UK_NI =
  /\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][ \t]?\d{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?[A-D]\b/g;

export function detectNationalIds(text: string): PhiCandidate[] {
  const found: PhiCandidate[] = [];
  for (const [pattern, priority] of [
    [SSN_BARE, 90],
    [SSN_LABELLED, 95],
  ] as const) {
    for (const { start, end, value } of groupMatches(pattern, text)) {
      // Any SSN-shaped number counts, issued or not (a 9xx area is still someone's number in a
      // typo or an ITIN); only the all-zero template value is left alone.
      if (/[1-9]/.test(value)) found.push({ kind: "us_ssn", start, end, confidence: "high", priority });
    }
  }
  for (const [pattern, priority] of [
    [NHS_SEPARATED, 85],
    [NHS_LABELLED, 96],
  ] as const) {
    for (const { start, end, value } of groupMatches(pattern, text)) {
      if (isValidNhsNumber(value))
        found.push({ kind: "nhs_number", start, end, confidence: "high", priority });
    }
  }
  for (const { start, end } of groupMatches(UK_NI, text)) {
    found.push({ kind: "uk_ni_number", start, end, confidence: "high", priority: 85 });
  }
  return found;
}

/** SSA never issues area 000, 666 or 900–999, group 00 or serial 0000. */
export function isPlausibleSsn(value: string): boolean {
  const digits = value.replace(/\D/g, "");
  if (digits.length !== 9) return false;
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5));
  return area !== 0 && area !== 666 && area < 900 && group !== 0 && serial !== 0;
}

/**
 * NHS Modulus 11: weights 10..2 over the first nine digits; check = 11 - (sum mod 11), where 11
 * means 0 and 10 means the number is invalid. One random 10-digit string in ~11 passes, so the
 * check is a filter on top of the 3-3-4 format, not proof.
 */
export function isValidNhsNumber(value: string): boolean {
  const digits = value.replace(/[ -]/g, "");
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}
