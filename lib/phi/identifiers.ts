import { countDigits, groupMatches } from "./regex";
import type { PhiCandidate, PhiKind } from "./types";

const NO = String.raw`(?:number|no\.?|num|#|ID|identifier)`;

// Labels that introduce an identifier, by kind. A bare "ID" or "record" is not enough: "record 3
// readings" and "ID the lesion" are ordinary clinical English, so a bare ID needs a colon or "#".
const LABELS: readonly [PhiKind, string][] = [
  [
    "record_number",
    String.raw`(?:MRN|medical[ \t]+record(?:[ \t]+(?:number|no\.?|num|#))?|(?:hospital|chart|record|case|patient|member|subscriber|beneficiary|claim|account|acct|policy|group|insurance(?:[ \t]+(?:policy|member))?|health[ \t]+plan(?:[ \t]+beneficiary)?|medicare|medicaid|NHS|CHI|unit|encounter|visit|admission|accession|episode|referral|employee|badge|reference|ref\.?)[ \t]*${NO}|(?:ID|identifier|unique[ \t]+identifier)[ \t]*(?=[:#]))`,
  ],
  [
    "licence_number",
    String.raw`(?:(?:driver['’]?s?|driving|medical|nursing|professional|pharmacy)[ \t]+)?(?:licen[cs]e(?![ \t]+plate)|DEA|NPI|GMC|NMC[ \t]+PIN|passport|(?:birth|death|marriage)?[ \t]*certificate|permit)(?:[ \t]*(?:number|no\.?|num|#|ID))?`,
  ],
  [
    "vehicle_id",
    String.raw`(?:VIN|vehicle[ \t]+identification[ \t]+number|(?:vehicle|car|number|licen[cs]e)[ \t]+(?:registration|plate)|registration[ \t]+plate|plate|reg\.?)(?:[ \t]*(?:number|no\.?|#))?`,
  ],
  [
    "device_id",
    String.raw`(?:serial(?:[ \t]*(?:number|no\.?|num|#))?|S\/N|SN|UDI|IMEI|(?:device|implant|pump|pacemaker|monitor)[ \t]*(?:ID|identifier|number|no\.?|#))`,
  ],
];

// The id: letters/digits with internal -, / or . and space-separated groups ("1234 5678", "AB12
// CDE"), or a GS1 UDI of bracketed application identifiers.
const ID = String.raw`(?:(?:\(\d{2}\)[A-Z0-9]+){2,}|[A-Z0-9](?:[A-Z0-9]|[-/.](?=[A-Z0-9])|[ \t](?=\d)|[ \t](?=[A-Z]{3}\b))*)`;

const PATTERNS = LABELS.map(
  ([kind, label]) =>
    [
      kind,
      new RegExp(
        String.raw`\b${label}(?:(?<=#)|(?![a-z]))[ \t]*(?:is[ \t]+|was[ \t]+|[:#=\-–][ \t]*)?(?<value>${ID})`,
        "gdi",
      ),
    ] as const,
);

// Unlabelled vehicle identifiers: a 17-character VIN (no I, O or Q) and the current UK plate.
const VIN =
  /\b(?=[A-HJ-NPR-Z0-9]{17}\b)(?=(?:[A-HJ-NPR-Z]*\d){3})(?=(?:\d*[A-HJ-NPR-Z]){3})[A-HJ-NPR-Z0-9]{17}\b/g;
const UK_PLATE = /\b[A-HJ-PR-Y][A-HJ-PR-Y]\d{2}[ \t][A-HJ-PR-Z]{3}\b/g;

const PRIORITY: Record<string, number> = {
  record_number: 80,
  licence_number: 81,
  vehicle_id: 82,
  device_id: 83,
};

/** Identifiers introduced by a keyword: "MRN: 00123456", "licence no. D1234567", "S/N 4HX-8812". */
export function detectIdentifiers(text: string): PhiCandidate[] {
  const found: PhiCandidate[] = [];
  for (const [kind, pattern] of PATTERNS) {
    for (const match of groupMatches(pattern, text)) {
      // The label is matched case-insensitively, the id is not: a lowercase word ends it ("ID
      // HX1234567 and ...") or rules it out ("plate count 150" is a lab value).
      const tokens = match.value.split(/(?=[ \t])/);
      const upper = tokens.findIndex((t) => /[a-z]/.test(t));
      const value = (upper === -1 ? tokens : tokens.slice(0, upper)).join("");
      // Real identifiers are long and numeric-heavy; this rejects "MRN is pending" or "case no. 2".
      if (value.replace(/[^A-Za-z0-9]/g, "").length < 5 || countDigits(value) < 2) continue;
      const { start } = match;
      found.push({
        kind,
        start,
        end: start + value.length,
        confidence: "high",
        priority: PRIORITY[kind] ?? 80,
      });
    }
  }
  for (const pattern of [VIN, UK_PLATE]) {
    for (const { start, end } of groupMatches(pattern, text)) {
      found.push({ kind: "vehicle_id", start, end, confidence: "high", priority: 79 });
    }
  }
  return found;
}
