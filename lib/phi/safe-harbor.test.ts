import { describe, expect, it } from "vitest";
import { detectPhi } from "./detect";
import type { PhiKind } from "./types";

const found = (text: string): [PhiKind, string][] => detectPhi(text).map((f) => [f.kind, f.text]);

describe("detectPhi: Safe Harbor identifiers added in issue 10", () => {
  it.each([
    ["Patient John Smith was seen.", "person_name", "John Smith"],
    ["Chinedu Okonkwo reports chest pain.", "person_name", "Chinedu Okonkwo"],
    ["Her daughter, Ngozi, called.", "person_name", "Ngozi"],
    ["Dear Kofi, your scan was normal.", "person_name", "Kofi"],
    ["Иван Петров was reviewed.", "person_name", "Иван Петров"],
    ["Patient 王伟 was reviewed.", "person_name", "王伟"],
    ["Admitted on March 14th with pain.", "date", "March 14th"],
    ["Seen on the 3rd of May.", "date", "3rd of May"],
    ["She was diagnosed in June 2019.", "date", "June 2019"],
    ["A 93-year-old woman fell.", "age_over_89", "93"],
    ["Aged 101, she lives alone.", "age_over_89", "101"],
    ["Patient is ninety-two years old.", "age_over_89", "ninety-two"],
    ["Fax 0113 496 0123 today.", "phone", "0113 496 0123"],
    ["Portal https://portal.example.org/p/123 was pasted.", "url", "https://portal.example.org/p/123"],
    ["See www.example-clinic.com/records?id=4 for more.", "url", "www.example-clinic.com/records?id=4"],
    ["Login from 192.168.10.23 today.", "ip_address", "192.168.10.23"],
    ["IPv6 2001:db8:85a3::8a2e:370:7334 logged.", "ip_address", "2001:db8:85a3::8a2e:370:7334"],
    ["SSN 912-34-5678 on file.", "us_ssn", "912-34-5678"],
    ["Driver's licence number D1234567 seen.", "licence_number", "D1234567"],
    ["DEA number AB1234563 on the script.", "licence_number", "AB1234563"],
    ["VIN 1HGCM82633A004352 in the report.", "vehicle_id", "1HGCM82633A004352"],
    ["Vehicle registration is AB12 CDE.", "vehicle_id", "AB12 CDE"],
    ["Pacemaker serial PJN123456H checked.", "device_id", "PJN123456H"],
    ["IMEI 490154203237518 of her phone.", "device_id", "490154203237518"],
    ["Health plan ID HX1234567 and encounter number 55512345.", "record_number", "HX1234567"],
    ["She lives in Tucson with her sister.", "city", "Tucson"],
    ["Lives on 7 Ashgrove Terrace, Whitby YO21 3AB.", "city", "Whitby"],
    ["Our client Joaquín Herrera-Vidal is a 96 y/o teacher.", "person_name", "Joaquín Herrera-Vidal"],
    ["The answer includes Kenji's e-mail.", "person_name", "Kenji"],
    ["Reviewed by Okafor yesterday.", "person_name", "Okafor"],
    ["Name: JOHN SMITH", "person_name", "JOHN SMITH"],
    ["Patient is 92 and frail.", "age_over_89", "92"],
    ["92F with chest pain.", "age_over_89", "92"],
    ["Insurance: member #XJH123456789.", "record_number", "XJH123456789"],
    ["Visit clinic.example.com for the form.", "url", "clinic.example.com"],
    ["Admitted 12/05 with sepsis.", "date", "12/05"],
    ["Seen on Tuesday 14th.", "date", "14th"],
    ["A woman in her late 90s.", "age_over_89", "90s"],
    ["Correction: it was Siddharth, her brother, who called.", "person_name", "Siddharth"],
    ["Response B addresses the patient as Svetlana.", "person_name", "Svetlana"],
    ["Good answer, but it names Chidi twice.", "person_name", "Chidi"],
    ["I think Xiaoling would prefer the shorter answer.", "person_name", "Xiaoling"],
  ])("flags %j", (text, kind, value) => {
    expect(found(text)).toContainEqual([kind, value]);
  });

  it.each([
    "Page the Dr. on call if the INR exceeds 4.5.",
    "Parkinson's disease, Cushing syndrome and Hodgkin lymphoma are eponyms.",
    "Compare Ozempic and Mounjaro; the Dexcom G7 and Omnipod 5 are devices.",
    "Code as ICD-10 E11.9, CPT 99213 and LOINC 2345-7.",
    "BRCA1, TP53 and KRAS G12C variants; HLA-B*57:01 negative.",
    "Hb 9.8 g/dL, BP 142/88, HR 96 bpm, metformin 500 mg BD.",
    "Stage T2 N1 M0, Gleason 4+3, NYHA class III.",
    "An 89-year-old and an 85-year-old were admitted.",
    "Patients aged 90 or older are reported as 90 or older.",
    "Smoked since 1970; the 2019 ESC guidelines (NEJM, 2020).",
    "Clinic is closed on Christmas Day and on World Health Day, 7 April.",
    "Give the dose at 08:00 and 22:00; symptoms began 3 days ago.",
    "Dear [Patient Name], your appointment on [DATE] is confirmed.",
    "Version 10.2.1.4 crashed at 10:30:45.",
    "Plate count 150; CD4 350.",
    "Explain Myasthenia Gravis and Calcium Channel Blocker toxicity.",
    "Dose schedule 10-12-15 mg.",
    "Temp 98F at 10:00; HR 92, M-mode echo normal.",
    "Explain how warfarin interacts with St John's wort.",
    "Prescribe Salbutamol via spacer; start Trelegy Ellipta one puff daily.",
    "Compare Medtronic Micra and Abbott Aveir leadless pacemakers.",
    "The onset of Parkinson's is gradual; an experimental Alzheimer's drug; Bloom's taxonomy.",
    "Skip to content",
    "Pain 5/10 when seen 5/10 pain; reviewed on 1/2 tablets; in her 80s.",
    "Travelled to Thailand; consider Dengue Fever. The Mediterranean Diet helps.",
    "The Queen Elizabeth protocol was replaced; Mount Sinai Hospital agreed.",
    "Response A follows the American Heart Association; GPT-4 and Llama 3 agree.",
    "Both responses forget to mention Clostridioides difficile infection risk.",
    "Smith et al. (2020) and Okafor and Jones (2019) reported this.",
  ])("does not flag %j", (text) => {
    expect(found(text)).toEqual([]);
  });
});
