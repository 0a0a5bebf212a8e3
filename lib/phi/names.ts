import { groupMatches } from "./regex";
import type { PhiCandidate } from "./types";

// A capitalised name word: Smith, McDonald, O'Brien, Smith-Jones. At least one lowercase letter
// is required, so acronyms after a title ("Dr. MRI") are not names.
const NAME_WORD = String.raw`[A-Z](?:[a-z]+|['’][A-Z][a-z]+)(?:[-'’]?[A-Z][a-z]+)*`;
const NAME_PART = String.raw`(?:[A-Z]\.|${NAME_WORD})`;
const NAME = String.raw`${NAME_PART}(?:[ \t\u00a0]+${NAME_PART}){0,3}`;

// Case-sensitive on purpose: "MS" (multiple sclerosis) and "MR" (mitral regurgitation) are not titles.
const TITLE = String.raw`(?:Mrs|Mr|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Revd|Rev)`;
const TITLED_NAME = new RegExp(String.raw`\b${TITLE}(?:\.[ \t\u00a0]*|[ \t\u00a0]+)(?<value>${NAME})`, "gd");

// "Name:" only opens a line or field; "Drug name: Aspirin" must not become a person.
const LABELLED_NAME = new RegExp(
  String.raw`(?:(?:^|(?<=[\n\r;|]))[ \t]*Name|\b[Pp]atient(?:['’]s)?[ \t]+[Nn]ame|\b[Ff]ull[ \t]+[Nn]ame)[ \t]*:[ \t]*(?<value>${NAME})`,
  "gdm",
);

// Capitalised words that commonly follow a name without being part of it.
const NOT_NAME = new Set([
  "The",
  "A",
  "An",
  "And",
  "Or",
  "But",
  "If",
  "In",
  "On",
  "At",
  "To",
  "Of",
  "For",
  "With",
  "From",
  "By",
  "Is",
  "Was",
  "Are",
  "Were",
  "Has",
  "Had",
  "Have",
  "Will",
  "Would",
  "Can",
  "Could",
  "Should",
  "May",
  "Said",
  "Says",
  "Asked",
  "Told",
  "Notes",
  "This",
  "That",
  "These",
  "Those",
  "He",
  "She",
  "They",
  "We",
  "I",
  "You",
  "It",
  "Patient",
  "Please",
  "Today",
  "Yesterday",
  "Tomorrow",
  "Who",
  "What",
  "When",
]);

export function detectNames(text: string): PhiCandidate[] {
  const found: PhiCandidate[] = [];
  for (const pattern of [TITLED_NAME, LABELLED_NAME]) {
    for (const { start, value } of groupMatches(pattern, text)) {
      const trimmed = trimName(value);
      if (trimmed === null) continue;
      found.push({
        kind: "person_name",
        start,
        end: start + trimmed.length,
        confidence: "high",
        priority: 50,
      });
    }
  }
  return found;
}

/** Drops trailing non-name words ("Dr. Smith Said" -> "Smith"); null if nothing name-like is left. */
function trimName(value: string): string | null {
  const parts = value.split(/([ \t\u00a0]+)/);
  // parts alternates word, separator, word, ...
  let words = Math.ceil(parts.length / 2);
  while (words > 0 && NOT_NAME.has(parts[(words - 1) * 2] ?? "")) words--;
  if (words === 0 || NOT_NAME.has(parts[0] ?? "")) return null;
  const kept = parts.slice(0, words * 2 - 1).join("");
  return /[a-z]/.test(kept) ? kept : null;
}
