import { phiLexicon } from "./lexicon";
import {
  AFTER_TITLED_NAME,
  AMBIGUOUS_LONE_NAMES,
  EPONYM_HEADS,
  NOT_NAME_WORDS,
  PERSON_BEFORE,
  PERSON_VERBS,
} from "./name-words";
import { detectIntlTitledNames } from "./intl-titled-names";
import { groupMatches } from "./regex";
import { detectUncasedScriptNames } from "./uncased-names";
import type { PhiCandidate } from "./types";

// A capitalised name word: Smith, McDonald, O'Brien, Smith-Jones. At least one lowercase letter
// is required, so acronyms after a title ("Dr. MRI") are not names.
// Any cased script: "Dr. García" once gave "Garc", and "Dr. Ólafsson" nothing.
const NAME_WORD = String.raw`\p{Lu}(?:\p{Ll}+|['’]\p{Lu}\p{Ll}+)(?:[-'’]?\p{Lu}\p{Ll}+)*`;
const NAME_PART = String.raw`(?:\p{Lu}\.|${NAME_WORD})`;
const NAME = String.raw`${NAME_PART}(?:[ \t\u00a0]+${NAME_PART}){0,3}`;

// Case-sensitive on purpose: "MS" (multiple sclerosis) and "MR" (mitral regurgitation) are not titles.
// Spanish, Portuguese, German and French titles too ("Sra. Núñez", "Herr Müller", "Mme Dubois").
const TITLE = String.raw`(?:Mrs|Mr|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Revd|Rev|Sra|Srta|Sr|Dña|Herr|Frau|Mme|Mlle)`;
const TITLED_NAME = new RegExp(
  String.raw`\b${TITLE}(?:\.[ \t\u00a0]*|[ \t\u00a0]+)(?<value>${NAME})(?![\p{L}])`,
  "gdu",
);

// Record headers often print names in capitals: "Name: JOHN SMITH" (after a label only).
const CAPS_NAME = String.raw`[A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’-]+){1,3}\b`;

// "Name:" only opens a line or field; "Drug name: Aspirin" must not become a person.
const LABELLED_NAME = new RegExp(
  String.raw`(?:(?:^|(?<=[\n\r;|]))[ \t]*Name|\b[Pp]atient(?:['’]s)?[ \t]+[Nn]ame|\b[Ff]ull[ \t]+[Nn]ame|\b(?:Pt|Patient)\.?)[ \t]*:[ \t]*(?<value>${NAME}|${CAPS_NAME})`,
  "gdmu",
);

export function detectNames(text: string): PhiCandidate[] {
  const found: PhiCandidate[] = [
    ...detectUntitledNames(text),
    ...detectUncasedScriptNames(text),
    ...detectIntlTitledNames(text),
  ];
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
  const stop = (w: string) => AFTER_TITLED_NAME.has(w.toLowerCase());
  while (words > 0 && stop(parts[(words - 1) * 2] ?? "")) words--;
  if (words === 0 || stop(parts[0] ?? "")) return null;
  const kept = parts.slice(0, words * 2 - 1).join("");
  return /[a-z]/.test(kept) || /^[A-Z'’-]+(?:[ \t]+[A-Z'’-]+)+$/.test(kept) ? kept : null;
}

// A capitalised word in any cased script (Latin, Cyrillic, Greek): Smith, O'Connor, Al-Farsi,
// McCarthy, García, Петров. Whole tokens only, so camel-case brands (LifeVest) are not words.
const WORD = String.raw`(?:Mc|Mac)?\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+|['’]\p{Lu}\p{Ll}+)*|\p{Lu}['’]\p{Lu}\p{Ll}+`;
const PARTICLE = String.raw`(?:de|da|di|du|van|von|der|den|la|le|bin|ibn|al|el|dos|das)`;
/** Particles as a run capitalises them inside a name: "El Masry", "De Los Santos". */
const CAPITAL_PARTICLE = /^(?:De|Da|Di|Du|Van|Von|Der|Den|La|Le|Del|Los|Las|El|Al|Bin|Ibn|Dos|Das)$/;
const RUN = new RegExp(
  String.raw`(?<![\p{L}\p{N}-]|\p{L}['’])(?:${WORD})(?:[ \u00a0]+(?:${PARTICLE}[ \u00a0]+(?:der[ \u00a0]+)?)?(?:${WORD}))*(?![\p{L}\p{N}])`,
  "gu",
);

/**
 * Names without a title or label. A run of capitalised words, split at ordinary words ("Patient",
 * "Clinic", months; see NOT_NAME_WORDS and compromise's lexicon of common words), is a name when:
 * - it has two or more words ("Rahul Rossi", "Nguyen Thi Mai"), or
 * - it is one word that compromise knows as a given or family name ("John", "Patel"), or one
 *   introduced as a person ("her daughter, Ngozi", "Dear Kofi", "Kofi reports", "Ana, aged 90");
 * and the word after it is not an eponym head ("Wilson disease", "Murphy's sign").
 */
function detectUntitledNames(text: string): PhiCandidate[] {
  const { givenNames, familyNames, ordinary } = phiLexicon();
  const isOrdinary = (word: string) => {
    const lower = word.toLowerCase();
    return ordinary.has(lower) && !givenNames.has(lower) && !familyNames.has(lower);
  };
  const found: PhiCandidate[] = [];
  for (const match of text.matchAll(RUN)) {
    // Split the run into stretches of name-like words.
    const words = [...match[0].matchAll(/\S+/g)].map((w) => ({
      word: w[0],
      start: match.index + w.index,
      end: match.index + w.index + w[0].length,
    }));
    let stretch: typeof words = [];
    const flush = () => {
      while (stretch.length > 0 && CAPITAL_PARTICLE.test(stretch[stretch.length - 1]!.word)) stretch.pop();
      if (stretch.length > 0) {
        const first = stretch[0]!;
        const last = stretch[stretch.length - 1]!;
        const candidate = judge(
          text,
          first.start,
          last.end,
          stretch.map((w) => w.word),
          givenNames,
          familyNames,
          isOrdinary,
        );
        if (candidate) found.push(candidate);
      }
      stretch = [];
    };
    words.forEach((w, i) => {
      const particle = /^(?:de|da|di|du|van|von|der|den|la|le|bin|ibn|al|el|dos|das)$/.test(w.word);
      // A capitalised particle between name words belongs to the name ("Omar El Masry", "Juan De
      // Los Santos"), though "El"/"Los" alone open Spanish sentences and are not names.
      const inner = stretch.length > 0 && i < words.length - 1 && CAPITAL_PARTICLE.test(w.word);
      if (!particle && !inner && NOT_NAME_WORDS.has(w.word.toLowerCase())) {
        flush();
        return;
      }
      // A common word opening a stretch is a sentence opener ("Remind Ana Silva"), not a name.
      if (stretch.length === 0 && isOrdinary(w.word)) return;
      stretch.push(w);
    });
    flush();
  }
  return found;
}

// Endings of English and medical words that are rare at the end of names.
const TERM_SUFFIX =
  /(?:osis|itis|a?emia|omas?|ic|ical|ive|ary|ory|tion|sion|ment|ness|ity|ism|og(?:y|ies)|ers|ors|ase|ine|ium|ous|ble|ics|ure|cer|tem|ant|ent|ion|ist|cyte|pathy|plasty|ectomy|otomy|scopy|gram|graph|phy|ids?|is|ocytes?|ins|ol|mab|nib|pril|sartan|statin|azole|cillin|mycin|cycline|floxacin|tide|gliptin|gliflozin|parin|xaban|vir|pine|pam|done|mide|zide|sone|lone|dine|zine|fen|coxib|caine)$/;

/** Spanish ("Hipertensión Arterial", "Insuficiencia Cardíaca Congestiva") and Russian ("Острый
 * Бронхит", "Отмечает Улучшение") adjectives (also "Артериального"), -itis, nouns in -ние and
 * verbs: never surnames. */
const FOREIGN_TERM_SUFFIX =
  /(?:íac[ao]|tiv[ao]|rial|inal|onal|ntal|ит|ый|ое|ые|нн?ого|нн?ому|ние|ает|яет|ует|ется|ится)$/;
/** Term endings that names have too (Concepción, Soledad, Florencia, Мороз, Жуковского): they mark
 * a run as a term only when every word of it ends like a term, so "Soledad Iturriaga" and
 * "Ивана Жуковского" stay names. */
const SHARED_TERM_SUFFIX = /(?:ción|sión|ncia|[eiu]dad|оз|ого|ому)$/;
const termLike = (w: string) => TERM_SUFFIX.test(w) || FOREIGN_TERM_SUFFIX.test(w);

const LINK_WORDS =
  /^(?:on|in|at|from|to|of|for|with|by|and|or|but|the|a|an|into|onto|via|per|under|over|about|after|before|during|was|is|has|had|who|said|says)$/;

const DOSE_AFTER =
  /^\s+(?:\d|one\s+(?:puff|tablet|capsule|drop|spray|dose)|two\s+(?:puffs|tablets|capsules|drops|sprays)|(?:once|twice)\s+(?:daily|a\s+day|weekly|nightly|per)\b|daily\b|nightly\b|mg\b|mcg\b|units?\b)/i;

function judge(
  text: string,
  start: number,
  end: number,
  words: string[],
  givenNames: ReadonlySet<string>,
  familyNames: ReadonlySet<string>,
  isOrdinary: (word: string) => boolean,
): PhiCandidate | null {
  // Trailing particles are not names ("... van").
  const after = text.slice(end, end + 40);
  // The next two words: "Wilson disease", "Abbott Aveir leadless pacemakers".
  const next = /^(?:['’]s)?\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/u.exec(after);
  // The second word counts only through a modifier ("Abbott Aveir leadless pacemakers"), never
  // across a preposition or article: "John Smith on ward 3" is a person on a ward.
  const heads = LINK_WORDS.test(next?.[1] ?? "") ? [next?.[1]] : [next?.[1], next?.[2]];
  if (heads.some((w) => w !== undefined && EPONYM_HEADS.has(w.toLowerCase()))) return null;
  // A dose after the run makes it a drug ("Trelegy Ellipta one puff daily").
  if (DOSE_AFTER.test(after)) return null;
  // A citation's author ("Smith et al.", "Smith and Jones (2020)") is not a patient.
  if (
    /^,?\s+(?:et\s+al\b|\(\d{4}\))/.test(after) ||
    /^\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+\s+\(\d{4}\)/u.test(after)
  )
    return null;
  const before = text.slice(Math.max(0, start - 30), start);
  // "St John's wort", "St. Mary's": a saint, not a person.
  if (/\bSt\.?\s+$/.test(before)) return null;
  const known = words.some((w) => givenNames.has(w.toLowerCase()) || familyNames.has(w.toLowerCase()));
  const named = words.filter((w) => /^\p{Lu}/u.test(w));
  const context = PERSON_BEFORE.test(before) || PERSON_VERBS.test(after);
  let ok = false;
  if (context) ok = true;
  // Title Case terms ("Cystic Fibrosis", "Calcium Channel Blocker") also come in runs: without a
  // known name or a person's context, every word must look unlike English medical vocabulary.
  else if (named.length >= 2)
    ok =
      known ||
      (named.every((w) => !termLike(w) && !isOrdinary(w)) && !named.every((w) => SHARED_TERM_SUFFIX.test(w)));
  // A lone known name followed by a model or number is a brand ("Philips DreamStation", "Gleason 3").
  else if (known && !/^\s+(?:\p{Lu}|\d)/u.test(after))
    ok = !(words.length === 1 && AMBIGUOUS_LONE_NAMES.has(words[0]!.toLowerCase()));
  if (!ok) return null;
  return {
    kind: "person_name",
    start,
    end,
    confidence: named.length >= 2 || known ? "high" : "low",
    priority: 45,
  };
}
