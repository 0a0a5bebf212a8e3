import { groupMatches } from "./regex";
import type { PhiCandidate } from "./types";

const MONTH =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";
const DAY = "(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?";

// Numeric dates need all three parts: "120/80" and "3/4" are ratios or fractions far more often
// than dates. Guards stop matches inside longer number/slash runs and decimals.
const NUMERIC = /(?<![\w/.-])(?<a>\d{1,2})(?<sep>[/.-])(?<b>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})(?![\w/-]|\.\d)/g;
const ISO = /(?<![\w/.-])(?<y>\d{4})(?<sep>[/.-])(?<b>\d{1,2})\k<sep>(?<a>\d{1,2})(?![\w/-]|\.\d)/g;
const DAY_MONTH = new RegExp(
  String.raw`\b(?<d>${DAY})(?:[ \t]+(?:of[ \t]+)?|-)(?<m>${MONTH})\b\.?(?:(?:,?[ \t]+|-)(?<y>\d{4})\b)?`,
  "g",
);
const MONTH_DAY = new RegExp(
  String.raw`\b(?<m>${MONTH})\b\.?[ \t]+(?<d>${DAY})\b(?:,?[ \t]+(?<y>\d{4})\b)?`,
  "g",
);

// A birth keyword shortly before the date, within the same clause.
const BIRTH_CONTEXT =
  /(?:\bDOB\b|\bD\.O\.B\.?|\bdate[ \t]+of[ \t]+birth\b|\bbirth[ \t-]*date\b|\bbirthday\b|\bborn\b)[^.;!?\n]{0,20}$/i;

interface DateMatch {
  start: number;
  end: number;
  /** Day, month and a four-digit year in 1900–2099 are all present. */
  complete: boolean;
}

/**
 * Dates of birth (high confidence) and other complete calendar dates (low confidence).
 *
 * Policy, chosen to keep false positives low on clinical instructions:
 * - With a birth keyword before it (DOB, born, date of birth, birthday), any date form counts,
 *   including "born on 3 March" or "DOB 03/04/56".
 * - Without one, only complete dates with a four-digit year (e.g. "on 3/4/2020", "12 March 2019")
 *   are reported, as kind "date" with low confidence: HIPAA Safe Harbor treats admission or
 *   procedure dates as identifiers, but such dates are also common in benign text (guideline
 *   years, study dates), so reviewers should see them but not be blocked by them.
 * - Month-and-year ("since August 2010") and years alone are never reported.
 */
export function detectDates(text: string): PhiCandidate[] {
  const found: PhiCandidate[] = [];
  for (const date of findDates(text)) {
    const before = text.slice(Math.max(0, date.start - 48), date.start);
    if (BIRTH_CONTEXT.test(before)) {
      found.push({
        kind: "date_of_birth",
        start: date.start,
        end: date.end,
        confidence: "high",
        priority: 75,
      });
    } else if (date.complete) {
      found.push({ kind: "date", start: date.start, end: date.end, confidence: "low", priority: 40 });
    }
  }
  return found;
}

function findDates(text: string): DateMatch[] {
  const dates: DateMatch[] = [];
  for (const pattern of [NUMERIC, ISO]) {
    for (const { start, end, match } of groupMatches(pattern, text)) {
      const a = Number(match.groups?.a);
      const b = Number(match.groups?.b);
      const year = match.groups?.y ?? "";
      // ISO is year-month-day; numeric could be day/month or month/day, so accept either reading.
      const valid = pattern === ISO ? isDayMonth(a, b) : isDayMonth(a, b) || isDayMonth(b, a);
      if (!valid) continue;
      if (pattern === ISO && !isFullYear(year)) continue;
      dates.push({ start, end, complete: isFullYear(year) });
    }
  }
  for (const pattern of [DAY_MONTH, MONTH_DAY]) {
    for (const { start, end, match } of groupMatches(pattern, text)) {
      const year = match.groups?.y;
      dates.push({ start, end, complete: year !== undefined && isFullYear(year) });
    }
  }
  return dates;
}

function isDayMonth(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

function isFullYear(year: string): boolean {
  return /^(?:19|20)\d\d$/.test(year);
}
