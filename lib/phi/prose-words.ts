// Words of scripts without case that names are not made of: function words, common verbs and the
// clinical vocabulary a patient or clinician writes. A run of such script that holds one of them is
// prose in that language, not a list of names ("المريض يعاني من صداع"). Few on purpose, and none
// that is also a common name ("عمر", age, is Omar): a word missing here only costs precision on a
// run that has no other prose word, which is rare in a sentence.

/** A word as the run compares it: NFC, without Arabic harakat, tatweel or Hebrew points, which
 * writers add or leave out ("شكراً" is "شكرا"). Devanagari vowel signs stay: without them "दवा"
 * (medicine) and "देवी" (a name) would be one word. */
export const bare = (s: string) =>
  s.normalize("NFC").replace(/[\u064b-\u065f\u0670\u0640\u0591-\u05c7]/gu, "");

const words = (s: string) => s.split(/\s+/).filter(Boolean).map(bare);

/** Whole words, spaced scripts (Arabic, Hebrew, Devanagari, Hangul). */
export const PROSE_WORDS = new Set(
  words(`
  من في على إلى الى عن مع منذ هذا هذه ذلك تلك التي الذي الذين هو هي هم هما أنا انا نحن أنت انت كان كانت يكون تكون
  لا لم لن ما قد ثم أو او بعد قبل عند كل بعض جدا جداً أيضا ايضا لكن حتى إذا اذا كيف لماذا متى هل ليس غير مثل بين خلال
  يعاني تعاني أعاني اعاني يشكو تشكو أشكو اشكو أشعر اشعر يشعر تشعر لدي لديه لديها عندي عنده عندها راجع راجعت حضر حضرت
  تم يجب يمكن ينصح نوصي أخذ يأخذ تأخذ المريض المريضة مريض مريضة الطبيب الطبيبة ألم الم صداع حمى سعال ضيق تنفس ضغط الدم
  سكر السكري دواء الدواء أدوية ادوية علاج العلاج العيادة عيادة المستشفى مستشفى اليوم أمس امس غدا يوم أيام ايام أسبوع اسبوع
  أسابيع شهر شهور سنة سنوات عمره عمرها تحليل تحاليل فحص الفحص نتائج النتائج جرعة حبة حبوب مرتين يوميا الصدر البطن
  حالة حالته حالتها جيدة جيد مستقر مستقرة مصاب مصابة له لها لهم لي لك وصف وصفت وصفنا أعطي اعطي أعطيت اعطيت نصح نصحت بدأ بدأت تناول يتناول تتناول أوقف اوقف
  البالغ البالغة العمر الرأس الراس الظهر القلب جاف جافة شديد شديدة خفيف مزمن حاد ارتفاع انخفاض نزلة برد التهاب
  של את על עם אני הוא היא הם אנחנו זה זאת יש אין לא כן גם רק אבל או כי אם מה מי איך למה כאב כאבי ראש חום שיעול
  רופא רופאה מטופל מטופלת חולה בית חולים תרופה תרופות היום אתמול מחר שבוע ימים
  है हैं था थी थे हो का की के को ने से में पर या भी नहीं यह वह ये वे मैं मुझे मेरा मेरी मेरे आप हम इस उस कुछ बहुत
  दर्द बुखार खांसी खाँसी सिर पेट दवा दवाई अस्पताल मरीज़ मरीज रोगी दिन हफ्ते हफ़्ते सप्ताह महीने साल रहा रही रहे गया
  गई गए कर करें करना किया लिया दिया होता होती होने लेकिन जब तब क्या कैसे क्यों एक दो तीन जांच जाँच रक्तचाप मधुमेह
  लें लेना सुबह शाम रात सामान्य ठीक रिपोर्ट बढ़ा कम ज़्यादा ज्यादा
  환자 오늘 어제 내일 병원 약 통증 두통 열 기침 검사 진료 방문 그리고 그 저 제가 저는 나는 있어요 없어요 있습니다
  없습니다 했습니다 합니다 머리가 배가 아파요 아프다 혈압 당뇨 처방 복용 하루 두 번 매일 주 동안
`),
);

/** Words that join names in a list ("محمد و فاطمة", "राहुल और प्रिया"): they split a run, they are
 * not prose. */
export const LIST_JOINERS = new Set(words(`و and और एवं तथा 및 ו`));

/** Verb and polite endings of Korean words ("아파요", "있습니다"): a name never ends so. */
export const KOREAN_PROSE_ENDING = /(?:습니다|니다|어요|아요|해요|세요|에요|예요|했다|한다|있다|없다|이다)$/u;

/** Characters of Chinese and Japanese prose that given and family names almost never use:
 * particles, pronouns, common verbs and the commonest clinical characters. */
export const HAN_PROSE_CHARS =
  /[的了是在我你他她们不有很也都就要会说这那个吗呢吧啊病痛疼药医院患检查治疗症结果常咳嗽烧热乏晕吐泻胸腹肚喘痒肿痰酸胀麻服饭片粒剂针诊术炎癌瘤伤骨折吃喝血压糖尿没还已着得把被给让从到对能所但后每次时]/u;

/** Japanese prose: a particle after a kanji ("頭が", "薬を") or a polite ending. Names written in
 * hiragana (のぞみ, ももこ) are why a particle alone is not enough. */
export const KANA_PROSE = /\p{Script=Han}[はがをにでへもの]|です|ます/u;

const ARABIC_PREFIX = /^(?:و|ف|ب|ل|وال|بال|لل|فال)(?=\p{L}{2})/u;

/** A spaced-script word that is prose: listed, listed after a clitic ("والمريض", "بالمستشفى"), or
 * a Korean verb form. */
export function isProseWord(bare: string): boolean {
  if (PROSE_WORDS.has(bare) || KOREAN_PROSE_ENDING.test(bare)) return true;
  const stripped = bare.replace(ARABIC_PREFIX, "");
  if (stripped === bare) return false;
  return PROSE_WORDS.has(stripped) || PROSE_WORDS.has(`ال${stripped}`);
}
