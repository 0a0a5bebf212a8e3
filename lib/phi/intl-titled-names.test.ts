import { describe, expect, it } from "vitest";
import { detectPhi } from "./detect";

const names = (text: string) =>
  detectPhi(text)
    .filter((f) => f.kind === "person_name")
    .map((f) => f.text);

// Text written wholly in another script was not scanned for names at all; a title is the cue that
// holds there.
describe("detectPhi: names after a title in other languages", () => {
  it.each([
    ["السيد أحمد حسن راجع العيادة اليوم بسبب ألم في الصدر.", ["أحمد حسن"]],
    ["السيّدة فاطمة بنت علي الزهراني البالغة من العمر 70 عاما.", ["فاطمة بنت علي الزهراني"]],
    ["زار الحاج محمد بن عبد الله بن أحمد العيادة.", ["محمد بن عبد الله بن أحمد"]],
    ["श्रीमती सुनीता देवी को तीन दिन से बुखार है।", ["सुनीता देवी"]],
    ["श्री राम शर्मा अस्पताल आए।", ["राम शर्मा"]],
    ["г-н Петров осмотрен, жалоб нет.", ["Петров"]],
    ["Больной Сидоров жалуется на боль в груди.", ["Сидоров"]],
    ["Осмотрен Петров И.И., назначено лечение.", ["Петров И.И."]],
    ["Заключение подписал И. И. Петров.", ["И. И. Петров"]],
    ["王先生今天复诊，血压控制良好。", ["王"]],
    ["患者陈伟先生和李女士今天复诊。", ["陈伟", "李"]],
    ["田中さんは今日来院しました。", ["田中"]],
    ["김민수 씨가 오늘 방문했습니다.", ["김민수"]],
    ["이지은 님께서 예약하셨습니다.", ["이지은"]],
    ["Seen by Dr. García today.", ["García"]],
    ["La Sra. Fernández y el Sr. Gutiérrez firmaron el consentimiento.", ["Fernández", "Gutiérrez"]],
    ["Sra. Núñez acudió a consulta; Herr Müller und Frau Schäfer warten.", ["Núñez", "Müller", "Schäfer"]],
  ])("%s", (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});

describe("detectPhi: roles and words that look like titles are not names", () => {
  it.each([
    "السيد الطبيب سيراجع النتائج غدا.",
    "больной жалуется на боль в груди и одышку.",
    "Пациентка жалуется на головную боль.",
    "Пациентка Отмечает Улучшение После Курса Антибиотиков.",
    "每位先生和女士都需要排队挂号。",
    "患者さんは今日来院しました。",
    "看護師長さんに報告しました。",
    "선생님께 감사합니다.",
    "박사님이 검사 결과를 설명했습니다.",
    "하느님께 기도했습니다.",
    "이번 씨앗은 잘 자랐습니다.",
    "오늘 날씨가 좋습니다.",
    "श्री अस्पताल में भर्ती।",
    "Dr. MRI was not requested.",
  ])("%s", (text) => {
    expect(names(text)).toEqual([]);
  });
});
