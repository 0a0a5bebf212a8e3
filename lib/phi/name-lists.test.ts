import { describe, expect, it } from "vitest";
import { detectPhi } from "./detect";

const names = (text: string) =>
  detectPhi(text)
    .filter((f) => f.kind === "person_name")
    .map((f) => f.text);

// Before this file, a run of more than four words in a script without case was taken for a
// sentence and gave nothing, so a nasab or a list of names went unflagged.
describe("detectPhi: a run too long for one name is a list of names", () => {
  it("keeps a five-word Arabic nasab whole", () => {
    expect(names("Patient محمد بن عبد الله بن أحمد was reviewed in clinic.")).toEqual([
      "محمد بن عبد الله بن أحمد",
    ]);
    expect(names("Next of kin: فاطمة بنت علي بن حسين الزهراني, daughter.")).toEqual([
      "فاطمة بنت علي بن حسين الزهراني",
    ]);
  });

  it("reports each name of a Chinese, Korean or Japanese list", () => {
    expect(names("Patients 王伟 李娜 张敏 刘洋 陈静 were seen today.")).toEqual([
      "王伟",
      "李娜",
      "张敏",
      "刘洋",
      "陈静",
    ]);
    expect(names("Patients 김민수 이지은 박서준 최유진 박지성 were seen.")).toEqual([
      "김민수",
      "이지은",
      "박서준",
      "최유진",
      "박지성",
    ]);
    expect(
      names(
        "Night rota for the surgical ward: 田中太郎 佐藤花子 鈴木一郎 山本健 中村愛 (all confirmed).",
      ).join(" "),
    ).toBe("田中太郎 佐藤花子 鈴木一郎 山本健 中村愛");
  });

  it("reports a Devanagari or Arabic list in name-sized chunks, split at 'and'", () => {
    expect(names("Patients राहुल शर्मा प्रिया गुप्ता अमित were seen.")).toEqual([
      "राहुल शर्मा",
      "प्रिया गुप्ता",
      "अमित",
    ]);
    expect(names("Family present: أحمد حسن وفاطمة علي ويوسف خالد, all consented.")).toEqual([
      "أحمد حسن",
      "وفاطمة علي",
      "ويوسف خالد",
    ]);
    expect(names("Carers राहुल शर्मा और प्रिया गुप्ता और अमित वर्मा were told.")).toEqual([
      "राहुल शर्मा",
      "प्रिया गुप्ता",
      "अमित वर्मा",
    ]);
  });

  it("takes 'عمر' (Omar; also 'age') for a name in a list", () => {
    expect(names("Consent signed by يوسف إبراهيم، مريم خليل، عمر فاروق at the bedside.")).toEqual([
      "يوسف إبراهيم",
      "مريم خليل",
      "عمر فاروق",
    ]);
  });

  it("finds names separated by commas and 、", () => {
    expect(names("Patients 王伟、李娜、张敏、刘洋 were seen today.")).toEqual([
      "王伟",
      "李娜",
      "张敏",
      "刘洋",
    ]);
    expect(names("Seen: محمد علي، أحمد حسن، فاطمة الزهراء in clinic.")).toEqual([
      "محمد علي",
      "أحمد حسن",
      "فاطمة الزهراء",
    ]);
  });

  it("finds a Cyrillic full name with patronymic beside a second one, without the word 'patient'", () => {
    expect(names("Пациент Иван Петрович Сидоров и Анна Сергеевна Петрова были осмотрены.")).toEqual([
      "Иван Петрович Сидоров",
      "Анна Сергеевна Петрова",
    ]);
    expect(names("Seen: Иван Петрович Сидоров Анна Сергеевна Петрова").join(" ")).toBe(
      "Иван Петрович Сидоров Анна Сергеевна Петрова",
    );
    expect(names("Paciente Juan Carlos García López y María Fernanda Ruiz Torres acudieron.")).toEqual([
      "Juan Carlos García López",
      "María Fernanda Ruiz Torres",
    ]);
  });
});

describe("detectPhi: clinical prose in other languages is not a name", () => {
  it.each([
    // Arabic
    "المريض يعاني من ألم في الصدر منذ ثلاثة أيام مع ضيق في التنفس.",
    "تم وصف دواء خافض للضغط مرتين يوميا ومتابعة السكر في العيادة بعد أسبوعين.",
    "Patient wrote: أشعر بدوخة عند الوقوف وغثيان بعد الأكل — dizziness on standing.",
    "Rationale: the model said ارتفاع ضغط الدم الشديد يحتاج إلى علاج فوري which is correct.",
    "Chest pain, ألم حاد في الجهة اليسرى من الصدر يمتد إلى الذراع, started this morning.",
    "The note reads نتائج التحاليل طبيعية ولا حاجة لتغيير الجرعة and the plan is fine.",
    "Translated: سعال جاف وحمى خفيفة وصداع مستمر for five days.",
    // Chinese
    "患者主诉胸痛三天，伴有呼吸困难，既往有高血压病史。",
    "The patient wrote 我头很疼，晚上睡不着 — headache, cannot sleep.",
    "Advice: 每天服用二甲双胍两次，饭后服用 with food.",
    "Reply in English: 血压控制良好，建议继续目前的治疗方案。",
    "Symptoms 发热 咳嗽 乏力 for three days, no travel.",
    // Russian
    "Пациент жалуется на боль в груди и одышку при нагрузке в течение трёх дней.",
    "Назначен метформин 500 мг два раза в день, контроль глюкозы через неделю.",
    "Диагноз: Острый Бронхит. Рекомендовано обильное питьё и покой.",
    "The patient wrote: Болит Голова Уже Третий День — headache for three days.",
    // Spanish
    "El paciente refiere dolor torácico opresivo desde hace tres días, sin fiebre.",
    "Se recomienda continuar con Metformina 850 mg cada 12 horas y control en la Unidad de Diabetes.",
    "Paciente con Diabetes Mellitus Tipo 2 e Hipertensión Arterial en tratamiento.",
    "Diagnóstico: Insuficiencia Cardíaca Congestiva. Plan: Furosemida y Control en Consulta Externa.",
    // Hindi
    "मरीज़ को तीन दिन से बुखार और खांसी है, सांस लेने में तकलीफ़ नहीं है।",
    "The patient wrote: मुझे सुबह से सिर में दर्द है और चक्कर आ रहे हैं — headache since morning.",
    "Advice given in Hindi: दवा दिन में दो बार खाने के बाद लें and return if worse.",
    "Symptoms: पेट दर्द उल्टी दस्त since yesterday.",
    // Written in the script, with an English abbreviation or two
    "أجري له CT للصدر وكانت النتائج طبيعية ولا يوجد التهاب رئوي.",
    "患者行CT检查，结果正常，HbA1c 6.5%。",
    "मरीज़ का ECG सामान्य है और BP 130/80 है।",
    "Назначена МРТ головного мозга, ECG без особенностей.",
    // Korean, Japanese
    "The patient wrote 머리가 아파요 그리고 열이 있어요 — headache and fever.",
    "Reply: 頭が痛くて熱があります — headache and fever.",
  ])("%s", (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe("detectPhi: list and title findings end on grapheme boundaries", () => {
  it.each([
    "Family: مُحَمَّدٌ بن عَبْدِ اللهِ بن أَحْمَدَ و فَاطِمَةُ عَلِيٌّ, both consented.",
    "السيّدُ أحمدُ حسنٌ راجع العيادة.",
    "Carers राहुल शर्मा और प्रिया गुप्ता और अमित वर्मा were told.",
    "Patients 김민수 이지은 박서준 최유진 박지성 were seen.",
  ])("%s", (text) => {
    const seg = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    const bounds = new Set([...seg.segment(text)].map((s) => s.index).concat(text.length));
    const found = detectPhi(text).filter((f) => f.kind === "person_name");
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(bounds.has(f.start) && bounds.has(f.end)).toBe(true);
  });
});
