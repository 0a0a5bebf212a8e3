import { NOT_NAME_WORDS } from "./name-words";
import { bare, isProseWord } from "./prose-words";
import type { PhiCandidate } from "./types";

// Names after (or before) a courtesy title in other languages: the one cue that holds in text
// written wholly in a script without case, where a bare run of words cannot be told from prose.
// "السيد أحمد حسن", "श्रीमती सुनीता देवी", "г-н Петров", "王先生", "김민수 씨", "田中様".

const MARKS = String.raw`[\p{M}\u0640]*`;
/** A literal that tolerates harakat and tatweel between its letters ("السيّد"). */
const marked = (word: string) => [...word].map((ch) => ch + MARKS).join("");

const ARABIC_TITLES = ["السيد", "السيدة", "الآنسة", "الانسة", "الحاج", "الحاجة"].map(marked).join("|");
const HINDI_TITLES = "श्रीमती|श्रीमान|सुश्री|श्री|कुमारी";
// Not "гр.": it is also grams ("Цефтриаксон 1 гр. Метронидазол").
const RUSSIAN_TITLES = String.raw`г-н|г-жа|гн\.|господин|госпожа|гражданин|гражданка|пациент(?:ка|ки|ке|кой|а|у|ом|е)?|больн(?:ой|ая|ого|ому|ым|ой|ую)`;

/** A title, then the words after it: each rule takes up to `max` name words. */
interface TRule {
  /** The rule's script or title letters: without them the rule is skipped. */
  cue: RegExp;
  title: RegExp;
  word: RegExp;
  max: number;
  /** A word that ends the name: prose of the language. */
  stop: (word: string) => boolean;
}

/** Russian words in Title Case that are not surnames: verbs, nouns in -ние, adjectives, -itis. */
const RUSSIAN_TERM = /(?:ние|ает|яет|ует|ется|ится|ит|ый|ое|ые|ого|ому)$/u;

const RULES: TRule[] = [
  {
    cue: /\p{Script=Arabic}/u,
    title: new RegExp(String.raw`(?<![\p{L}\p{M}])(?:${ARABIC_TITLES})[ \u00a0]+`, "gu"),
    word: /[\p{Script=Arabic}\p{M}\u0640]+/uy,
    max: 3,
    stop: isProseWord,
  },
  {
    cue: /श्र|सुश्र|कुमार/u,
    title: new RegExp(String.raw`(?<![\p{L}\p{M}])(?:${HINDI_TITLES})[ \u00a0]+`, "gu"),
    word: /[\p{Script=Devanagari}\p{M}]+/uy,
    max: 3,
    stop: isProseWord,
  },
  {
    // Russian is cased: after the title only capitalised words ("больной Петров", not "больной жалуется").
    cue: /\p{Script=Cyrillic}/u,
    title: new RegExp(String.raw`(?<![\p{L}-])(?:${RUSSIAN_TITLES})[ \u00a0]+`, "giu"),
    word: /\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?|\p{Lu}\.(?:[ \u00a0]?\p{Lu}\.)?/uy,
    max: 3,
    stop: (word) => NOT_NAME_WORDS.has(word.toLowerCase()) || RUSSIAN_TERM.test(word),
  },
];

/** Nasab words: a chain "محمد بن عبد الله" goes on past the word limit. */
const JOINS = new Set(["بن", "بنت", "ابن", "عبد", "أبو", "ابو"]);

function titledRuns(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const rule of RULES) {
    if (!rule.cue.test(text)) continue;
    for (const m of text.matchAll(rule.title)) {
      let pos = m.index + m[0].length;
      let end = -1;
      let taken = 0;
      let joined = false;
      while (taken < rule.max || joined) {
        rule.word.lastIndex = pos;
        const w = rule.word.exec(text);
        if (!w) break;
        const word = bare(w[0]);
        if (rule.stop(word) && !joined) break;
        end = pos + w[0].length;
        joined = JOINS.has(word);
        if (!joined) taken++;
        const gap = /^[ \u00a0]+/.exec(text.slice(end));
        if (!gap) break;
        pos = end + gap[0].length;
      }
      if (end > 0) spans.push({ start: m.index + m[0].length, end });
    }
  }
  return spans;
}

// Han surnames (the hundred commonest, without the few that are everyday words before a title:
// 和, 向, 于, 要) and the compound ones; then a given name of up to two characters.
export const HAN_SURNAME =
  "欧阳|司马|诸葛|上官|司徒|东方|皇甫|令狐|" +
  "[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤陳張劉黃趙吳許鄭謝羅馬楊孫韓馮鄧蕭葉蘇呂盧鍾譚陸錢龔鄒賀顧]";
const HAN_TITLED = new RegExp(
  String.raw`(?:${HAN_SURNAME})\p{Script=Han}{0,2}?(?=先生|女士|小姐|太太|夫人)`,
  "gu",
);

/** Japanese: two to four kanji before さん or 様, unless they are a role ("患者さん", "奥様"). */
const JAPANESE_TITLED = /(?<!\p{Script=Han})\p{Script=Han}{2,4}(?=さん|様|さま|氏|君|くん|ちゃん)/gu;
const JAPANESE_NOT_NAMES =
  /^(?:患者|皆|奥|息子|旦那|医者|家族|利用者|相手|子供|お客|主人|先生|学生|彼女|彼氏|友達|同僚|娘婿|神|皆様)$|(?:長|師|者|員|医|士)$/u;

// Korean surnames (the commonest syllables); the name is two to four syllables before 씨 or 님.
const KOREAN_TITLED =
  /(?<!\p{Script=Hangul})[김이박최정강조윤장임한오서신권황안송류유홍전고문양손배백허남심노하곽성차주우구민진나엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용]\p{Script=Hangul}{1,3}(?=[ \u00a0]?(?:씨|님)(?:가|는|를|의|에게|와|도|께서|께|한테|랑|하고|만|은|이|을)?(?!\p{Script=Hangul}))/gu;
/** Words that take 님 or 씨 and start with a surname syllable but are roles, kin or God
 * ("선생님", "박사님", "하느님", "하나님"); a word ending in 장 or 사 is a rank or a trade ("반장님", "기사님"). */
const KOREAN_NOT_NAMES =
  /^(?:하나|선생|보호자|고객|부모|어머|아버|이모|고모|하느|임금|주인|도련|신부|선배|조교|전공의|아저|아가)$|(?:장|사)$/u;

function suffixTitled(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const [cue, pattern, not] of [
    [/先生|女士|小姐|太太|夫人/u, HAN_TITLED, null],
    [/さん|様|さま|氏|君|くん|ちゃん/u, JAPANESE_TITLED, JAPANESE_NOT_NAMES],
    [/[씨님]/u, KOREAN_TITLED, KOREAN_NOT_NAMES],
  ] as const) {
    // The title itself is rare: looking for it first keeps the scan of other text as fast as before.
    if (!cue.test(text)) continue;
    for (const m of text.matchAll(pattern)) {
      if (not?.test(m[0])) continue;
      spans.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  return spans;
}

// Russian initials beside a surname: "Петров И.И.", "И. И. Петров".
const CYRILLIC_INITIALS =
  /(?<![\p{L}])(?:\p{Lu}\p{Ll}+[ \u00a0]+[А-ЯЁ]\.[ \u00a0]?[А-ЯЁ]\.|[А-ЯЁ]\.[ \u00a0]?[А-ЯЁ]\.[ \u00a0]?\p{Lu}\p{Ll}+)/gu;

export function detectIntlTitledNames(text: string): PhiCandidate[] {
  const initials = [...(/[А-ЯЁ]\./u.test(text) ? text.matchAll(CYRILLIC_INITIALS) : [])].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  return [...titledRuns(text), ...suffixTitled(text), ...initials].map(({ start, end }) => ({
    kind: "person_name" as const,
    start,
    end,
    confidence: "high" as const,
    priority: 50,
  }));
}
