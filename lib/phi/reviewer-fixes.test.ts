import { describe, expect, it } from "vitest";
import { detectPhi } from "./detect";

const names = (text: string) =>
  detectPhi(text)
    .filter((f) => f.kind === "person_name")
    .map((f) => f.text);

describe("detectPhi: a role noun before a name in an uncased script", () => {
  it.each([
    ["Discussed the plan with المريض أحمد حسن, who agreed.", "أحمد حسن"],
    ["Spoke with मरीज राहुल शर्मा about the results.", "राहुल शर्मा"],
    ["Called 患者王伟 about the scan.", "王伟"],
  ])("%s", (text, name) => {
    expect(names(text)).toContain(name);
  });
});

describe("detectPhi: a role noun before prose is not a name cue", () => {
  it.each([
    "The note says المريض مصاب بالسكري since 2019.",
    "Translated: المريض بحالة جيدة after the dose change.",
    "Note: 患者状态稳定 today.",
  ])("%s", (text) => {
    expect(names(text)).toEqual([]);
  });
});

describe("detectPhi: capitalised particles inside a Latin name", () => {
  it.each([
    ["Omar El Masry attended the clinic.", "Omar El Masry"],
    ["Seen with Juan De Los Santos on the ward.", "Juan De Los Santos"],
  ])("%s", (text, name) => {
    expect(names(text)).toContain(name);
  });
});

describe("detectPhi: Spanish and Russian term endings do not hide known names", () => {
  it("flags names that end like terms", () => {
    expect(names("Soledad Iturriaga acudió a consulta.")).toContain("Soledad Iturriaga");
    expect(names("Осмотрен вместе с Ивана Жуковского вчера.").join(" ")).toContain("Жуковского");
  });
  it("leaves Title Case terms alone", () => {
    expect(names("Diagnóstico: Hipertensión Arterial.")).toEqual([]);
    expect(names("Диагноз: Острый Бронхит.")).toEqual([]);
    expect(names("Рекомендовано: Контроль Артериального Давления Ежедневно.")).toEqual([]);
    expect(names("Diagnóstico: Insuficiencia Cardíaca Congestiva.")).toEqual([]);
  });
});

describe("detectPhi: prose that read as names", () => {
  it.each([
    "المريض يعاني من ارتفاع ضغط الدم، BP 160/100، HR 88، وصف له Amlodipine 5mg",
    "하나님께 기도했어요",
    "Цефтриаксон 1 гр. Метронидазол 500 мг",
  ])("%s", (text) => {
    expect(names(text)).toEqual([]);
  });
});
