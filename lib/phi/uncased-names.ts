import { bare, HAN_PROSE_CHARS, isProseWord, KANA_PROSE, LIST_JOINERS } from "./prose-words";
import { HAN_SURNAME } from "./intl-titled-names";
import type { PhiCandidate } from "./types";

// Names in scripts without case (Han, Arabic, Hebrew, Devanagari, Hangul, kana, Thai): in text
// that is largely Latin, a run of such letters without a prose word of its language is a name or
// a list of names; in text written in that script the guard cannot tell, and reports nothing but
// titled names. Combining marks (Arabic harakat and
// tanwin, Devanagari matras, Hebrew points) belong to the word they sit on: Unicode puts them in
// the Inherited script, so without them a run would end, and a mark would be cut, before "ً" in "شكراً".
const UNCASED = String.raw`[\p{Script=Han}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]`;
const UNCASED_WORD = String.raw`${UNCASED}[${UNCASED.slice(1, -1)}\p{M}\u0640]*`;
const UNCASED_RUN = new RegExp(String.raw`${UNCASED_WORD}(?:[ \u00a0]${UNCASED_WORD})*`, "gu");
const UNCASED_LETTER = new RegExp(UNCASED, "gu");
const DENSE_LETTER = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** More words than one name has: a longer stretch is a list of names (see nameChunks). */
const MAX_NAME_WORDS = 4;
/** Scripts written without spaces: a run longer than a full name is a phrase ("我最近总是很累"). */
const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{M}]+$/u;
const MAX_UNSPACED_NAME = 6;

/**
 * Courtesy words that chat data mixes into English ("شكراً — rest and fluids. 谢谢 🙏"): thanks,
 * greetings, please, sorry, yes/no, doctor. Compared without combining marks or tatweel, so
 * "شكراً" and "شكرا" are one word. Phrases first: "شكرا جزيلا" is dropped whole.
 */
const COURTESY = new Set(
  [
    // Chinese (simplified and traditional)
    "谢谢 谢谢你 谢谢您 多谢 感谢 非常感谢 謝謝 多謝 感謝 你好 您好 大家好 再见 再見 请 請 对不起 對不起 不客气 不客氣",
    "没关系 沒關係 好的 是的 不是 医生 醫生 大夫 早上好 晚上好 辛苦了",
    // Japanese
    "ありがとう ありがとうございます ありがとうございました どうも こんにちは こんばんは おはよう おはようございます",
    "すみません ごめんなさい お願いします よろしく よろしくお願いします さようなら はい いいえ 先生 お大事に",
    // Korean
    "감사합니다 고맙습니다 고마워요 안녕하세요 안녕히 계세요 가세요 죄송합니다 미안합니다 네 아니요 선생님 의사 천만에요",
    // Arabic (marks stripped)
    "شكرا شكرا جزيلا جزيلا مرحبا أهلا اهلا السلام عليكم وعليكم السلام مع السلامة من فضلك لو سمحت نعم لا عفوا",
    "إن شاء الله ان شاء الله انشاء الله الحمد لله الحمدلله ما شاء الله دكتور طبيب يا صباح الخير مساء الخير",
    // Hebrew
    "תודה תודה רבה שלום בבקשה סליחה כן לא רופא דוקטור",
    // Hindi
    "धन्यवाद शुक्रिया नमस्ते नमस्कार कृपया माफ़ कीजिए हाँ हां नहीं जी डॉक्टर",
    // Everyday symptom words a patient writes in their language beside English ("头痛 also")
    "头痛 头疼 頭痛 发烧 發燒 咳嗽 肚子疼 恶心 噁心 呕吐 嘔吐 头晕 頭暈 痛 疼 صداع حمى سعال ألم",
    // Thai
    "ขอบคุณ ขอบคุณครับ ขอบคุณค่ะ สวัสดี สวัสดีครับ สวัสดีค่ะ ครับ ค่ะ หมอ",
  ]
    .join(" ")
    .split(" ")
    .concat([
      "شكرا جزيلا",
      "السلام عليكم",
      "وعليكم السلام",
      "مع السلامة",
      "من فضلك",
      "لو سمحت",
      "إن شاء الله",
      "ان شاء الله",
      "الحمد لله",
      "ما شاء الله",
      "صباح الخير",
      "مساء الخير",
      "תודה רבה",
      "माफ़ कीजिए",
      "안녕히 계세요",
      "안녕히 가세요",
    ])
    .map((w) => bare(w)),
);

/** Unspaced scripts run courtesy words into the next word ("谢谢医生"): strip them from both ends. */
const UNSPACED_COURTESY = [...COURTESY].filter((w) => UNSPACED.test(w)).sort((a, b) => b.length - a.length);
function trimCourtesy(word: string, start: number): { start: number; end: number } | null {
  let from = 0;
  let to = word.length;
  for (let changed = true; changed && from < to;) {
    changed = false;
    const rest = word.slice(from, to);
    for (const c of UNSPACED_COURTESY) {
      if (rest.startsWith(c)) from += c.length;
      else if (rest.endsWith(c)) to -= c.length;
      else continue;
      changed = true;
      break;
    }
  }
  return from < to ? { start: start + from, end: start + to } : null;
}

const LONGEST_PHRASE = 3;

type TSpan = { start: number; end: number };

/** Arabic nasab and kunya words: "بن" joins the words on both sides ("محمد بن عبد الله"), "عبد"
 * and "أبو" the word after them; a chain is one name however long. */
const JOINS_BOTH = new Set(["بن", "بنت", "ابن"]);
const JOINS_NEXT = new Set(["عبد", "أبو", "ابو", "أم", "ام", "أبي"]);
/** One word of these scripts is a whole name ("王伟", "김민수", "田中太郎"). */
const WHOLE_NAME_WORD = /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{M}]+$/u;
/** A word opening with the Arabic conjunction "و" ("وأحمد") starts the next name of a list. */
const ARABIC_AND = /^و\p{Script=Arabic}{3,}/u;
const NAME_UNITS_PER_CHUNK = 2;

/**
 * A stretch too long to be one name ("محمد بن عبد الله بن أحمد الشمري", "王伟 李娜 张敏 刘洋 陈静")
 * that holds no prose word is a list of names: it is reported in name-sized chunks, a nasab chain
 * kept whole, each word of the scripts that write a full name as one word on its own.
 */
function nameChunks(stretch: (TSpan & { text: string })[]): TSpan[] {
  if (stretch.length <= MAX_NAME_WORDS)
    return [{ start: stretch[0]!.start, end: stretch[stretch.length - 1]!.end }];
  const units: (TSpan & { first: string })[] = [];
  stretch.forEach((w, i) => {
    const prev = stretch[i - 1]?.text ?? "";
    const unit = units[units.length - 1];
    if (unit && (JOINS_BOTH.has(w.text) || JOINS_BOTH.has(prev) || JOINS_NEXT.has(prev))) unit.end = w.end;
    else units.push({ start: w.start, end: w.end, first: w.text });
  });
  if (stretch.every((w) => WHOLE_NAME_WORD.test(w.text))) return units;
  const chunks: TSpan[] = [];
  let count = 0;
  for (const u of units) {
    const chunk = chunks[chunks.length - 1];
    if (chunk && count < NAME_UNITS_PER_CHUNK && !ARABIC_AND.test(u.first)) {
      chunk.end = u.end;
      count++;
    } else {
      chunks.push({ start: u.start, end: u.end });
      count = 1;
    }
  }
  return chunks;
}

/** Role nouns that stand right before a patient's name ("المريض أحمد حسن", "मरीज राहुल शर्मा"):
 * prose words, but the stretch after one is a name even in a sentence. */
const NAME_CUES = new Set(["المريض", "المريضة", "मरीज", "मरीज़"].map((w) => bare(w)));
/** The same in unspaced scripts, run into the name ("患者王伟"); there it must be followed by a
 * surname and at most two characters, or "患者状态稳定" (patient stable) would be a name. */
const UNSPACED_NAME_CUE = /^患者/u;
const CUED_HAN_NAME = new RegExp(String.raw`^(?:${HAN_SURNAME})\p{Script=Han}{1,2}$`, "u");
/** A cued stretch is a name when it looks like a whole one: a surname and given name in an unspaced
 * script, two to four words elsewhere ("المريض مصاب" is "the patient [is] affected"). */
const cuedName = (s: { text: string }[]) =>
  s.length === 1 ? CUED_HAN_NAME.test(s[0]!.text) : s.length <= MAX_NAME_WORDS;

/** A word that makes its run prose in that language (see prose-words.ts). */
function isProse(word: string): boolean {
  return UNSPACED.test(word) ? HAN_PROSE_CHARS.test(word) || KANA_PROSE.test(word) : isProseWord(word);
}

/**
 * The name-like stretches of one run: courtesy words and phrases removed, list joiners ("و",
 * "और") and prose words (function word, verb, clinical word of the language) splitting it, the
 * words left between them kept together. A run holding a prose word is a sentence: only the stretch
 * after a name cue ("المريض", "मरीज", "患者") counts in it. A run with an unspaced word longer than
 * a full name gives nothing; a stretch longer than a name is a list, reported in chunks.
 */
function nameStretches(run: string, offset: number): TSpan[] {
  const words = [...run.matchAll(/[^ \u00a0]+/g)].map((w) => ({
    text: bare(w[0]),
    start: offset + w.index,
    end: offset + w.index + w[0].length,
  }));
  // Prose words split the run like list joiners; in a run that holds one, only a stretch right
  // after a name cue is kept ("with المريض أحمد حسن"), the others are words of the sentence.
  type TStretch = (TSpan & { text: string })[] & { cued?: boolean };
  const kept: TStretch[] = [[]];
  let prose = false;
  const split = (cued: boolean) => kept.push(Object.assign([], { cued }));
  for (let i = 0; i < words.length;) {
    let phrase = 0;
    // "عبد الله" is a name, not the courtesy word "الله" of "إن شاء الله".
    const joined = JOINS_NEXT.has(words[i - 1]?.text ?? "");
    for (let n = Math.min(LONGEST_PHRASE, words.length - i); n > 0 && phrase === 0 && !joined; n--) {
      if (
        COURTESY.has(
          words
            .slice(i, i + n)
            .map((w) => w.text)
            .join(" "),
        )
      )
        phrase = n;
    }
    const w = words[i]!;
    if (phrase === 0 && LIST_JOINERS.has(w.text)) phrase = 1;
    if (phrase > 0) {
      kept.push([]);
      i += phrase;
      continue;
    }
    const span = UNSPACED.test(w.text)
      ? trimCourtesy(run.slice(w.start - offset, w.end - offset), w.start)
      : w;
    if (span) {
      let text = bare(run.slice(span.start - offset, span.end - offset));
      const cue = UNSPACED.test(text) ? UNSPACED_NAME_CUE.exec(text) : null;
      if (cue && text.length > cue[0].length) {
        prose = true;
        split(true);
        span.start += cue[0].length;
        text = text.slice(cue[0].length);
      }
      if (isProse(text)) {
        prose = true;
        split(NAME_CUES.has(text));
      } else if (UNSPACED.test(text) && span.end - span.start > MAX_UNSPACED_NAME) return [];
      else kept[kept.length - 1]!.push({ ...span, text });
    } else split(false);
    i++;
  }
  return kept.filter((s) => s.length > 0 && (!prose || (s.cued && cuedName(s)))).flatMap(nameChunks);
}

export function detectUncasedScriptNames(text: string): PhiCandidate[] {
  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  // A Han, kana or Hangul character is a syllable: it weighs as much as three Latin letters.
  const uncased = (text.match(UNCASED_LETTER) ?? []).length + 2 * (text.match(DENSE_LETTER) ?? []).length;
  // At least a fifth Latin: a list of names in an English sentence can outweigh the English
  // ("Carers राहुल शर्मा और प्रिया गुप्ता were told"); the prose words then tell a list from a
  // sentence. Below that the text is written in the script, a run is a whole sentence the short
  // prose lists cannot vouch for, and only titles find names there (intl-titled-names.ts).
  if (uncased === 0 || latin * 4 < uncased) return [];
  return [...text.matchAll(UNCASED_RUN)].flatMap((m) =>
    nameStretches(m[0], m.index).map(({ start, end }) => ({
      kind: "person_name" as const,
      start,
      end,
      confidence: "low" as const,
      priority: 44,
    })),
  );
}
