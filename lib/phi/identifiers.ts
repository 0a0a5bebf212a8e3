import { countDigits, groupMatches } from "./regex";
import type { PhiCandidate } from "./types";

// Labels that introduce record, insurance, policy or account identifiers. A bare "ID" or "record"
// is not enough: "record 3 readings" and "ID the lesion" are ordinary clinical English.
const LABEL = String.raw`(?:MRN|medical[ \t]+record(?:[ \t]+(?:number|no\.?|num|#))?|(?:hospital|chart|record|case|patient|member|subscriber|beneficiary|claim|account|acct|policy|group|insurance(?:[ \t]+policy)?|health[ \t]+plan|medicare|medicaid|NHS|CHI|unit)[ \t]*(?:number|no\.?|num|#|ID|identifier))`;

// The id: letters/digits with internal -, / or . and space-separated digit groups ("1234 5678").
const ID = String.raw`[A-Z0-9](?:[A-Z0-9]|[-/.](?=[A-Z0-9])|[ \t](?=\d))*`;

const LABELLED_ID = new RegExp(
  String.raw`\b${LABEL}(?![a-z])[ \t]*(?:is[ \t]+|[:#=\-–][ \t]*)?(?<value>${ID})`,
  "gdi",
);

/** Identifiers introduced by a keyword: "MRN: 00123456", "Policy #: XYZ-123-456", "acct no. 778812". */
export function detectIdentifiers(text: string): PhiCandidate[] {
  const found: PhiCandidate[] = [];
  for (const { start, end, value } of groupMatches(LABELLED_ID, text)) {
    // Real identifiers are long and numeric-heavy; this rejects "MRN is pending" or "case no. 2".
    if (value.replace(/[^A-Za-z0-9]/g, "").length < 5 || countDigits(value) < 2) continue;
    found.push({ kind: "record_number", start, end, confidence: "high", priority: 80 });
  }
  return found;
}
