import { describe, expect, it } from "vitest";
import { clinicalDialogue } from "@/tests/support/clinical-dialogues";
import { DIALOGUE_CONTEXTS } from "@/tests/support/study-dialogues";
import { detectPhi } from "./detect";

const names = (text: string) =>
  detectPhi(text)
    .filter((f) => f.kind === "person_name")
    .map((f) => f.text);

describe("detectPhi: courtesy words in uncased scripts are not names", () => {
  it.each([
    "Σας ευχαριστώ. Συνιστώ ξεκούραση και υγρά. شكراً — rest and fluids. 谢谢 🙏",
    "شكرا, the cough is much better after the syrup you suggested.",
    "شكرا جزيلا doctor, the cough is better now and I sleep through the night.",
    "谢谢 for explaining the blood test results so clearly to me today.",
    "谢谢医生, I will take the tablets with food as you said.",
    "ありがとうございます for the advice about the ankle and the ice packs.",
    "감사합니다 doctor, I will book the follow-up appointment next week.",
    "धन्यवाद doctor, I will follow the advice and rest at home with fluids.",
    "תודה רבה, I will keep the diary of my symptoms as you suggested.",
    "السلام عليكم doctor, I have had a dry cough for a week now and it is worse at night.",
    "我最近总是很累 — I feel tired all the time lately. 😴",
    "أعاني من سعال جاف منذ أسبوع — I have had a dry cough for a week.",
  ])("%s", (text) => {
    expect(names(text)).toEqual([]);
  });

  it("reports no names in the generated chat dialogues", () => {
    const turns = [
      ...Array.from({ length: 30 }, (_, i) => clinicalDialogue(i)).flat(),
      ...DIALOGUE_CONTEXTS.flat(),
    ];
    const flagged = turns.flatMap((t) => names(t.content));
    expect(flagged).toEqual([]);
  });

  it("still finds the name beside a courtesy word", () => {
    expect(names("شكرا محمد علي, the results were sent to the clinic.")).toEqual(["محمد علي"]);
    expect(names("谢谢王伟 for bringing the discharge letter to the ward.")).toEqual(["王伟"]);
    expect(names("Patient 王伟 was reviewed.")).toEqual(["王伟"]);
    expect(names("Patient יוסף כהן was reviewed in clinic.")).toEqual(["יוסף כהן"]);
  });
});

describe("detectPhi: a mark never cuts a grapheme cluster", () => {
  it("keeps an Arabic name's diacritics inside the mark", () => {
    // Tanwin (U+064C) is in Unicode's Inherited script: the run used to end before it.
    const text = "Patient محمدٌ was reviewed in clinic.";
    const [f] = detectPhi(text);
    expect(f?.text).toBe("محمدٌ");
    expect(text.slice(f!.end)).toBe(" was reviewed in clinic.");
  });

  it("widens a Latin name to its combining accent", () => {
    const text = "Reviewed by Dr. Jose\u0301 today.";
    const f = detectPhi(text).find((x) => x.kind === "person_name");
    expect(f?.text).toBe("Jose\u0301");
  });

  it("ends every finding of the dialogues on a grapheme boundary", () => {
    const seg = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    const text = "Dr. Jose\u0301 Smith and محمدٌ علي met; call 0113 496 0123.";
    const bounds = new Set([...seg.segment(text)].map((s) => s.index).concat(text.length));
    for (const f of detectPhi(text)) {
      expect(bounds.has(f.start) && bounds.has(f.end)).toBe(true);
    }
  });
});
