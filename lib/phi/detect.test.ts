import { describe, expect, it } from "vitest";
import { detectPhi } from "./detect";
import type { PhiKind } from "./types";

const found = (text: string): [PhiKind, string][] => detectPhi(text).map((f) => [f.kind, f.text]);

describe("detectPhi: names", () => {
  it.each([
    ["Mr. John Smith was reviewed today.", "John Smith"],
    ["Seen by Dr. Patel in clinic.", "Patel"],
    ["Dear Mrs Jones,", "Jones"],
    ["Ms. O'Brien-Kelly reports pain.", "O'Brien-Kelly"],
    ["Referred to Prof. Jane A. Doe.", "Jane A. Doe"],
    ["Dr J. McDonald agreed.", "J. McDonald"],
    ["Miss Smith, your results are back.", "Smith"],
    ["Name: John Smith", "John Smith"],
    ["Patient name: Jane Doe", "Jane Doe"],
    // A head word two words on ("ward", "clinic") is not an eponym across a preposition.
    ["John Smith on ward 3 agreed with this.", "John Smith"],
    ["Jane Doe from the clinic called.", "Jane Doe"],
  ])("flags %j", (text, name) => {
    expect(found(text)).toEqual([["person_name", name]]);
  });

  it("keeps the title out of the span so redaction reads naturally", () => {
    const [f] = detectPhi("Ask Dr. Patel.");
    expect(f).toMatchObject({ start: 8, end: 13, text: "Patel" });
  });

  it("trims trailing capitalised non-name words", () => {
    expect(found("Dr. Smith Said the scan was clear")).toEqual([["person_name", "Smith"]]);
  });

  it.each([
    "Dr.",
    "Ask the Dr. about it",
    "Dr. The results",
    "MS patients often present with optic neuritis",
    "MR 2+ on echo",
    "Drug name: Aspirin",
    "Brand name: Lipitor",
    "Dr MRI review",
    "Parkinson disease and Addison's disease",
  ])("does not flag %j", (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe("detectPhi: dates", () => {
  it.each([
    ["DOB: 12/03/1956", "12/03/1956"],
    ["D.O.B. 03/04/56", "03/04/56"],
    ["date of birth 1956-03-12", "1956-03-12"],
    ["She was born on 3 March 1950 in Leeds", "3 March 1950"],
    ["born on March 3rd", "March 3rd"],
    ["Birthdate: Jan. 5, 1948", "Jan. 5, 1948"],
  ])("flags %j as a date of birth", (text, date) => {
    expect(found(text)).toEqual([["date_of_birth", date]]);
  });

  it("marks birth dates high confidence", () => {
    expect(detectPhi("DOB 1/2/1950")[0]?.confidence).toBe("high");
  });

  it.each([
    ["Admitted on 3/4/2020 with chest pain", "3/4/2020"],
    ["Surgery on 12 March 2019", "12 March 2019"],
    ["Follow-up scheduled for March 15, 2021.", "March 15, 2021"],
    ["Seen 2021-07-30.", "2021-07-30"],
  ])("flags complete dates without birth context as low-confidence 'date': %j", (text, date) => {
    const findings = detectPhi(text);
    expect(findings.map((f) => [f.kind, f.text, f.confidence])).toEqual([["date", date, "low"]]);
  });

  it.each([
    "since August 2010",
    "As of October 2021, there are over 240 million cases",
    "the 2009 H1N1 pandemic",
    "between 2019 and 2022",
    "on 3/4",
    "BP 120/80",
    "GCS 15/15",
    "dose 10-12-15 mg titration",
    "eGFR 45 mL/min/1.73 m2",
    "on 31/13/2020",
    "grade 1/2/3",
  ])("does not flag %j", (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe("detectPhi: record, insurance and account numbers", () => {
  it.each([
    ["MRN: 00123456", "00123456"],
    ["MRN 1234 5678 noted", "1234 5678"],
    ["medical record number A1234567", "A1234567"],
    ["Policy #: XYZ-123-456", "XYZ-123-456"],
    ["acct no. 778812", "778812"],
    ["Insurance ID: BCX99812345", "BCX99812345"],
    ["Member ID W123456789", "W123456789"],
    ["Hospital number: RX12345", "RX12345"],
    ["account number is 00442211", "00442211"],
  ])("flags %j", (text, id) => {
    expect(found(text)).toEqual([["record_number", id]]);
  });

  it.each([
    "MRN is pending",
    "case no. 2 of the series",
    "Given an account of a patient's symptoms",
    "take into account 5 factors",
    "record 3 readings",
    "patient ID the lesion",
  ])("does not flag %j", (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe("detectPhi: contact details", () => {
  it.each([
    "+44 20 7946 0958",
    "+44 (0)20 7946 0958",
    "+1-202-555-0173",
    "+91 98765 43210",
    "(202) 555-0173",
    "202-555-0173",
    "202.555.0173",
    "1-800-555-0199",
    "020 7946 0958",
    "07700 900123",
    "(01632) 960123",
  ])("flags phone %j", (phone) => {
    expect(found(`Call ${phone} today`)).toEqual([["phone", phone]]);
  });

  it("flags labelled numbers in any format", () => {
    expect(found("Tel: 5551234")).toEqual([["phone", "5551234"]]);
    expect(found("Mobile no. 98765 43210")).toEqual([["phone", "98765 43210"]]);
  });

  it("prefers a phone label over a coincidental NHS-number shape", () => {
    expect(found("Phone: 943 476 5919")).toEqual([["phone", "943 476 5919"]]);
  });

  it.each([
    "HR 110 bpm, RR 22, SpO2 92%",
    "Platelet count: 220,000/µL",
    "CD4 count 350 cells/mm3",
    "+2 pitting oedema",
    "dose 0.5-1 mg",
    "1234567890",
    "white cell count 11.2",
  ])("does not flag %j", (text) => {
    expect(found(text)).toEqual([]);
  });

  it.each(["jane.doe@example.com", "j_smith+clinic@nhs.net", "a.b@sub.hospital.org.uk"])(
    "flags e-mail %j",
    (email) => {
      expect(found(`Contact ${email}.`)).toEqual([["email", email]]);
    },
  );

  it("does not flag @-mentions or handles", () => {
    expect(found("@team please review; dose @ 5 mg")).toEqual([]);
  });
});

describe("detectPhi: postal addresses", () => {
  it.each([
    ["Lives at 221B Baker Street.", "221B Baker Street"],
    ["1600 Pennsylvania Avenue", "1600 Pennsylvania Avenue"],
    ["12 Harley Dr. near the clinic", "12 Harley Dr."],
    ["Flat 3, 42 Old Kent Road", "42 Old Kent Road"],
  ])("flags street %j", (text, street) => {
    expect(found(text)).toEqual([["street_address", street]]);
  });

  it("flags city/state/ZIP and UK postcodes", () => {
    expect(found("12 Main St, Springfield, IL 62704")).toEqual([
      ["street_address", "12 Main St"],
      ["city", "Springfield"],
      ["postal_code", "62704"],
    ]);
    expect(found("10 Downing Street, London SW1A 2AA")).toEqual([
      ["street_address", "10 Downing Street"],
      ["city", "London"],
      ["postal_code", "SW1A 2AA"],
    ]);
    expect(found("postcode: M1 1AE")).toEqual([["postal_code", "M1 1AE"]]);
    expect(found("ZIP 90210-1234")).toEqual([["postal_code", "90210-1234"]]);
  });

  it.each([
    "6 Minute Walk Test",
    "5 mm lesion",
    "walked 2 blocks down the road",
    "CD40LG deficiency",
    "T2 N1 M0 staging",
    "vitamin B12 500 mcg",
    "St John's wort interacts with warfarin",
    "HbA1c 7.5%",
    "Saw 2 Patients Dr Smith", // title after a number: the name is found, not an address
  ])("does not flag %j as an address", (text) => {
    expect(found(text).filter(([kind]) => kind === "street_address" || kind === "postal_code")).toEqual([]);
  });
});

describe("detectPhi: national identifiers", () => {
  it("flags every SSN-shaped number, issued or not (issue 10), but not the all-zero template", () => {
    expect(found("SSN 123-45-6789")).toEqual([["us_ssn", "123-45-6789"]]);
    expect(found("social security number: 123456789")).toEqual([["us_ssn", "123456789"]]);
    expect(found("SSN 078 05 1120")).toEqual([["us_ssn", "078 05 1120"]]);
    expect(found("id 666-12-3456 or 912-34-5678").map(([k]) => k)).toEqual(["us_ssn", "us_ssn"]);
    expect(found("SSN: 000-00-0000")).toEqual([]);
  });

  it("does not treat space-separated 3-2-4 digit lists as SSNs", () => {
    expect(found("values 120 80 1000")).toEqual([]);
  });

  it("flags NHS numbers only when the Modulus 11 check passes", () => {
    expect(found("NHS 943 476 5919")).toEqual([["nhs_number", "943 476 5919"]]);
    expect(found("ref 943-476-5919")).toEqual([["nhs_number", "943-476-5919"]]);
    expect(found("NHS number 9434765919")).toEqual([["nhs_number", "9434765919"]]);
    // Check digit wrong: not an NHS number, and bare 10-digit runs are not flagged at all.
    expect(found("9434765918")).toEqual([]);
  });

  it("falls back to a record number when a labelled NHS number fails the check", () => {
    expect(found("NHS no: 9434765918")).toEqual([["record_number", "9434765918"]]);
  });

  it("flags UK National Insurance numbers and rejects invalid prefixes", () => {
    expect(found("NI: AB 12 34 56 C")).toEqual([["uk_ni_number", "AB 12 34 56 C"]]);
    expect(found("NINO AB123456C")).toEqual([["uk_ni_number", "AB123456C"]]);
    expect(found("GB123456A QQ123456C AB123456E")).toEqual([]);
  });
});

describe("detectPhi: clinical text stays clean", () => {
  it.each([
    "BP 120/80, HR 110 bpm, RR 18, temperature 38.5 C, SpO2 94% on room air.",
    "A 68-year-old man, aged 68, with T2DM for 10 years and HbA1c 8.2%.",
    "Start enoxaparin 1 mg/kg twice daily; max 2 mg/kg.",
    "CD4 count 350 cells/µL, viral load 20,000 copies/mL.",
    "Discharge diagnosis ICD-10 I21.9 (acute myocardial infarction).",
    "A 5 mm nodule in the right upper lobe; follow-up CT in 12 months.",
    "Labs: Hb 14 g/dL, WBC 7800/µL, platelets 220,000/µL, Na 135 mmol/L, K 5.5 mmol/L, creatinine 1.5 mg/dL.",
    "eGFR 45 mL/min/1.73 m2; INR 2.5; QTc 480 ms; pH 7.35; pCO2 48 mmHg.",
    "Amoxicillin 500 mg PO TID x 7 days; paracetamol 1 g QDS PRN.",
    "FEV1/FVC ratio 0.65, FEV1 55% predicted, GOLD stage 2.",
    "Dr. (unnamed) reviewed; the MS clinic will follow up in 3 months.",
    "Troponin I 0.5 ng/mL at 0 h and 2.1 ng/mL at 3 h.",
    "Stage T2 N1 M0 breast cancer, ER+/PR+/HER2-.",
    "The 2019 ESC guidelines recommend a 0/1-hour algorithm.",
    "Glasgow Coma Scale 15/15, pupils 3 mm and reactive.",
  ])("%j", (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe("detectPhi: combined", () => {
  it("finds several kinds in order with exact offsets and no overlaps", () => {
    const text = "Mrs. Jane Roe, DOB 02/11/1948, MRN: 00451234, tel +44 20 7946 0958, jane.roe@example.com";
    const findings = detectPhi(text);
    expect(findings.map((f) => [f.kind, f.text])).toEqual([
      ["person_name", "Jane Roe"],
      ["date_of_birth", "02/11/1948"],
      ["record_number", "00451234"],
      ["phone", "+44 20 7946 0958"],
      ["email", "jane.roe@example.com"],
    ]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    for (let i = 1; i < findings.length; i++) {
      expect(findings[i]?.start ?? 0).toBeGreaterThanOrEqual(findings[i - 1]?.end ?? 0);
    }
  });

  it("finds the same identifiers on re-detection and for the same value elsewhere", () => {
    const text = "Call 020 7946 0958. Again: 020 7946 0958.";
    const first = detectPhi(text);
    const again = detectPhi(`Edited intro. ${text}`);
    expect(first).toHaveLength(2);
    expect(first[0]?.text).toBe(first[1]?.text);
    expect(again.map((f) => [f.kind, f.text])).toEqual(first.map((f) => [f.kind, f.text]));
  });

  it("returns nothing for empty text", () => {
    expect(detectPhi("")).toEqual([]);
  });
});
