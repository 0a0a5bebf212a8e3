import type { PhiCandidate } from "./types";

// Names in scripts without case (Han, Arabic, Hebrew, Devanagari, Hangul, kana, Thai): in text
// that is mostly Latin, a short run of such letters is almost always a name; in text written in
// that script the guard cannot tell, and reports nothing. Combining marks (Arabic harakat and
// tanwin, Devanagari matras, Hebrew points) belong to the word they sit on: Unicode puts them in
// the Inherited script, so without them a run would end, and a mark would be cut, before "ً" in "شكراً".
const UNCASED = String.raw`[\p{Script=Han}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Devanagari}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]`;
const UNCASED_WORD = String.raw`${UNCASED}[${UNCASED.slice(1, -1)}\p{M}\u0640]*`;
const UNCASED_RUN = new RegExp(String.raw`${UNCASED_WORD}(?:[ \u00a0]${UNCASED_WORD})*`, "gu");
const UNCASED_LETTER = new RegExp(UNCASED, "gu");

/** More words than a name has: a sentence in that script ("أعاني من سعال جاف منذ أسبوع"). */
const MAX_NAME_WORDS = 4;
/** Scripts written without spaces: a run longer than a full name is a phrase ("我最近总是很累"). */
const UNSPACED = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{M}]+$/u;
const MAX_UNSPACED_NAME = 6;

const bare = (s: string) => s.normalize("NFC").replace(/[\p{M}\u0640]/gu, "");

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

/**
 * The name-like stretches of one run: courtesy words and phrases removed, the words left between
 * them kept together. A run of more words than a name has, or an unspaced run longer than a full
 * name, is a sentence and gives nothing.
 */
function nameStretches(run: string, offset: number): { start: number; end: number }[] {
  const words = [...run.matchAll(/[^ \u00a0]+/g)].map((w) => ({
    text: bare(w[0]),
    start: offset + w.index,
    end: offset + w.index + w[0].length,
  }));
  const kept: { start: number; end: number }[][] = [[]];
  for (let i = 0; i < words.length;) {
    let phrase = 0;
    for (let n = Math.min(LONGEST_PHRASE, words.length - i); n > 0 && phrase === 0; n--) {
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
    if (phrase > 0) {
      kept.push([]);
      i += phrase;
      continue;
    }
    const w = words[i]!;
    const span = UNSPACED.test(w.text)
      ? trimCourtesy(run.slice(w.start - offset, w.end - offset), w.start)
      : w;
    if (span) kept[kept.length - 1]!.push(span);
    else kept.push([]);
    i++;
  }
  const nameLike = kept.filter((s) => s.length > 0);
  const sentence =
    nameLike.reduce((n, s) => n + s.length, 0) > MAX_NAME_WORDS ||
    nameLike.some((s) =>
      s.some(
        (w) =>
          UNSPACED.test(run.slice(w.start - offset, w.end - offset)) && w.end - w.start > MAX_UNSPACED_NAME,
      ),
    );
  if (sentence) return [];
  return nameLike.map((s) => ({ start: s[0]!.start, end: s[s.length - 1]!.end }));
}

export function detectUncasedScriptNames(text: string): PhiCandidate[] {
  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length;
  const uncased = (text.match(UNCASED_LETTER) ?? []).length;
  if (uncased === 0 || latin < uncased * 2) return [];
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
