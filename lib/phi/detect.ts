import { detectAddresses } from "./address";
import { detectAges } from "./ages";
import { detectEmails, detectPhones } from "./contact";
import { detectDates } from "./dates";
import { snapToGraphemes } from "./graphemes";
import { detectIdentifiers } from "./identifiers";
import { detectNames } from "./names";
import { detectNationalIds } from "./national-id";
import { detectNetwork } from "./network";
import { detectCities } from "./places";
import type { PhiCandidate, PhiFinding } from "./types";

const DETECTORS: readonly ((text: string) => PhiCandidate[])[] = [
  detectEmails,
  detectNetwork,
  detectNationalIds,
  detectAges,
  detectIdentifiers,
  detectDates,
  detectPhones,
  detectAddresses,
  detectNames,
  detectCities,
];

/**
 * Likely protected health information in free text, in text order, without overlaps.
 *
 * Pattern-based and deliberately conservative on clinical language (vitals, doses, lab values,
 * ICD codes, "Dr." alone), so it will miss unlabelled names and free-form addresses: it is an aid
 * for reviewers of seed tasks, not a de-identification guarantee.
 *
 * When detectors disagree about a span (a 3-3-4 number that is both a valid NHS number and a
 * phone-shaped string), the more specific kind wins, then the longer match.
 */
export function detectPhi(text: string): PhiFinding[] {
  const candidates = snapToGraphemes(
    text,
    DETECTORS.flatMap((detect) => detect(text)),
  ).sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const accepted: PhiCandidate[] = [];
  for (const candidate of candidates) {
    if (accepted.every((kept) => candidate.end <= kept.start || candidate.start >= kept.end)) {
      accepted.push(candidate);
    }
  }
  return accepted
    .sort((a, b) => a.start - b.start)
    .map(({ kind, start, end, confidence }) => {
      const matched = text.slice(start, end);
      return { kind, start, end, text: matched, confidence };
    });
}
