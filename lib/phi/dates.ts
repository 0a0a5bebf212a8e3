import { groupMatches } from "./regex";
import type { PhiCandidate } from "./types";

const MONTH =
  "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";
// "Jan." keeps its dot; "3rd of May." does not take the full stop.
const ABBREVIATION_DOT = String.raw`(?:(?<=\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))\.)?`;
const DAY = "(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?";

// Numeric dates need all three parts: "120/80" and "3/4" are ratios or fractions far more often
// than dates. Guards stop matches inside longer number/slash runs and decimals.
const NUMERIC = /(?<![\w/.-])(?<a>\d{1,2})(?<sep>[/.-])(?<b>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})(?![\w/-]|\.\d)/g;
const ISO = /(?<![\w/.-])(?<y>\d{4})(?<sep>[/.-])(?<b>\d{1,2})\k<sep>(?<a>\d{1,2})(?![\w/-]|\.\d)/g;
const DAY_MONTH = new RegExp(
  String.raw`\b(?<d>${DAY})(?:[ \t]+(?:of[ \t]+)?|-)(?<m>${MONTH})\b${ABBREVIATION_DOT}(?:(?:,?[ \t]+|-)(?<y>\d{4})\b)?`,
  "g",
);
const MONTH_DAY = new RegExp(
  String.raw`\b(?<m>${MONTH})\b\.?[ \t]+(?<d>${DAY})\b(?:,?[ \t]+(?<y>\d{4})\b)?`,
  "g",
);

// "Tuesday 14th", "Mon 3rd": a day of the month named with its weekday.
const WEEKDAY_ORDINAL =
  /\b(?:Mon|Tues?|Wed|Thu(?:rs)?|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?,?[ \t]+(?:the[ \t]+)?(?<value>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th))\b/dg;
// "admitted 12/05", "DOB 3/4": day and month alone, only right after an event of the person or a
// birth keyword ("on 3/4" alone is as often a fraction).
const DAY_MONTH_NUMERIC = /(?<![\w/.-])(?<a>\d{1,2})(?<sep>[/.])(?<b>\d{1,2})(?![\w/]|\.\d)/g;
const EVENT_JUST_BEFORE =
  /\b(?:(?:admitted|discharged|operated|dated|died|delivered|DOB|born|birthday|date\s+of\s+birth)(?:\s+on)?|(?:seen|reviewed)\s+on)[:\s]+$/i;
// A ratio or a fraction of something: "5/10 pain", "1/2 tablets", "3/4 of the dose".
const FRACTION_AFTER =
  /^\s*(?:of\b|pain|tab|dose|mg|mcg|ml|units?|score|strength|power|murmur|systolic|diastolic)/i;

// Month and year alone ("since August 2010") is PHI only when an event of the person comes just
// before it: "diagnosed in May 2019", "seen in June 2020".
const MONTH_YEAR = new RegExp(String.raw`\b(?<m>${MONTH})\.?,?[ \t]+(?<y>(?:19|20)\d\d)\b`, "g");
const PERSON_EVENT =
  /\b(?:admitted|discharged|diagnosed|seen|reviewed|visited|visit|operated|treated|started|stopped|moved|fell|died|born|birth|delivered|presented|attended|transferred|referred|scanned|surgery|appointment|injured|hospitali[sz]ed)\b[^.;!?\n]{0,24}$/i;

// A birth keyword shortly before the date, within the same clause.
const BIRTH_CONTEXT =
  /(?:\bDOB\b|\bD\.O\.B\.?|\bdate[ \t]+of[ \t]+birth\b|\bbirth[ \t-]*date\b|\bbirthday\b|\bborn\b)[^.;!?\n]{0,20}$/i;

// Named public holidays and observances: their calendar dates are not about a person.
const OBSERVANCE =
  /\b(?:Day|Eve|Christmas|Easter|Thanksgiving|Hanukkah|Diwali|Eid|Ramadan|Holiday|Observance|Awareness|Week|Month)\b/;

interface DateMatch {
  start: number;
  end: number;
}

/**
 * Dates of birth (high confidence) and every other day- or month-level date (low confidence).
 *
 * HIPAA Safe Harbor removes every element of a date finer than the year, with or without a year,
 * so "admitted on March 14th" counts. What stays out, because it is not about a person:
 * - years alone and month-and-year without an event of the person just before it;
 * - a date next to a named holiday or observance ("World Health Day, 7 April");
 * - fractions and ratios ("120/80", "3/4"): numeric dates need all three parts.
 * A birth keyword before a date (DOB, born, date of birth, birthday) makes it a date of birth.
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
      continue;
    }
    const around = text.slice(Math.max(0, date.start - 30), Math.min(text.length, date.end + 30));
    if (OBSERVANCE.test(around)) continue;
    found.push({ kind: "date", start: date.start, end: date.end, confidence: "low", priority: 40 });
  }
  for (const { start, end, match } of groupMatches(DAY_MONTH_NUMERIC, text)) {
    const a = Number(match.groups?.a);
    const b = Number(match.groups?.b);
    if (!(isDayMonth(a, b) || isDayMonth(b, a)) || found.some((f) => f.start < end && start < f.end))
      continue;
    const before = text.slice(Math.max(0, start - 30), start);
    if (!EVENT_JUST_BEFORE.test(before) || FRACTION_AFTER.test(text.slice(end, end + 16))) continue;
    const birth = BIRTH_CONTEXT.test(before);
    found.push({
      kind: birth ? "date_of_birth" : "date",
      start,
      end,
      confidence: birth ? "high" : "low",
      priority: birth ? 75 : 39,
    });
  }
  for (const { start, end } of groupMatches(WEEKDAY_ORDINAL, text)) {
    if (!found.some((f) => f.start < end && start < f.end))
      found.push({ kind: "date", start, end, confidence: "low", priority: 39 });
  }
  for (const { start, end } of groupMatches(MONTH_YEAR, text)) {
    if (found.some((f) => f.start < end && start < f.end)) continue;
    if (PERSON_EVENT.test(text.slice(Math.max(0, start - 48), start))) {
      found.push({ kind: "date", start, end, confidence: "low", priority: 38 });
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
      // "10-12-15" is as often a dose schedule as a date: a two-digit year needs "/" or ".".
      if (!isFullYear(year) && match.groups?.sep === "-") continue;
      dates.push({ start, end });
    }
  }
  for (const pattern of [DAY_MONTH, MONTH_DAY]) {
    for (const { start, end } of groupMatches(pattern, text)) {
      dates.push({ start, end });
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
