import { sentence as s, type TLabelledSentence } from "./builder";
import * as P from "./pools";
import * as v from "./values";
import { pick, type TRand } from "./values";

type TTemplate = (r: TRand) => TLabelledSentence;

// Sentences in the voice of seed tasks, audit corrections and rater rationales. Templates are split
// between the tuning and the test part by position (even: tuning, odd: test), so the test part
// holds sentence shapes the detector was never tuned on.
export const POSITIVE: TTemplate[] = [
  (r) =>
    s(
      "Patient ",
      v.name(r),
      " was admitted on ",
      v.date(r),
      " with chest pain; write the discharge summary.",
    ),
  (r) =>
    s(
      "Write a referral letter for ",
      v.title(r),
      " ",
      v.name(r),
      ", DOB ",
      v.dob(r),
      ", MRN ",
      v.recordNumber(r),
      ".",
    ),
  (r) =>
    s(
      "Correction: the model copied the patient's phone number ",
      v.phone(r),
      " into the summary; remove it.",
    ),
  (r) =>
    s(
      "Response A is better, but it still names ",
      v.name(r),
      " and gives her address as ",
      v.street(r),
      ", ",
      v.city(r),
      ".",
    ),
  (r) =>
    s(
      "Summarise the notes for a ",
      v.oldAge(r),
      "-year-old man from ",
      v.city(r),
      " seen on ",
      v.date(r),
      ".",
    ),
  (r) =>
    s("Rationale: B leaks the e-mail ", v.email(r), " and the NHS number ", v.nhsNumber(r), "; A does not."),
  (r) => s(v.name(r), " reports worsening dyspnoea since ", v.date(r), "; draft advice for the GP."),
  (r) => s("Her ", v.relative(r), ", ", v.name(r), ", can be reached on ", v.phone(r), "."),
  (r) =>
    s(
      "Audit note: the record includes SSN ",
      v.ssn(r),
      " and health plan ID ",
      v.recordNumber(r),
      "; redact both.",
    ),
  (r) =>
    s(
      "Explain the results to ",
      v.given(r),
      ", aged ",
      v.oldAge(r),
      ", who lives alone at ",
      v.street(r),
      ".",
    ),
  (r) =>
    s(
      "The generated letter addresses ",
      v.title(r),
      " ",
      v.family(r),
      " and lists the pacemaker serial ",
      v.device(r),
      ".",
    ),
  (r) => s("Patient portal link ", v.url(r), " was pasted into the instruction; please remove."),
  (r) => s("Login from IP ", v.ip(r), " was recorded in the note, which is identifying."),
  (r) =>
    s(
      "Insurance member ID ",
      v.recordNumber(r),
      " and account number ",
      v.recordNumber(r),
      " should not appear in a seed.",
    ),
  (r) =>
    s(
      "He was driving a car with plate ",
      v.plate(r),
      " when the collision happened; summarise his injuries.",
    ),
  (r) => s("Driver's licence number ", v.licence(r), " appears in the triage note for ", v.name(r), "."),
  (r) =>
    s("Correction: ", v.given(r), " ", v.family(r), " was discharged on ", v.date(r), ", not the day after."),
  (r) =>
    s("The answer mentions the vehicle VIN ", v.vin(r), " from the police report; that is an identifier."),
  (r) =>
    s(
      "Write a letter to ",
      v.name(r),
      " at ",
      v.street(r),
      ", ",
      v.city(r),
      ", ",
      v.state(r),
      " ",
      v.usZip(r),
      ".",
    ),
  (r) =>
    s("Rater comment: model B invented a fax number, fax ", v.phone(r), ", and an e-mail ", v.email(r), "."),
  (r) => s("NI number ", v.niNumber(r), " was copied from the referral for ", v.name(r), "."),
  (r) =>
    s("Mrs ", v.family(r), " (born ", v.dob(r), ") attends with her ", v.relative(r), " ", v.given(r), "."),
  (r) =>
    s(
      "A ",
      v.oldAge(r),
      " year old woman, ",
      v.name(r),
      ", fell at home in ",
      v.city(r),
      " on ",
      v.date(r),
      ".",
    ),
  (r) =>
    s("Insulin pump serial number ", v.device(r), " and CGM device ID ", v.device(r), " are in the upload."),
  (r) =>
    s(
      "Correction: replace '",
      v.name(r),
      "' with 'the patient' and drop the postcode ",
      v.ukPostcode(r),
      ".",
    ),
  (r) =>
    s("Response A quotes the birth certificate number ", v.licence(r), " and date of birth ", v.dob(r), "."),
  (r) => s("Case for the task: ", v.name(r), ", NHS no. ", v.nhsNumber(r), ", presenting with haematuria."),
  (r) =>
    s("Seed task: Draft a reply to ", v.given(r), " who e-mailed from ", v.email(r), " about side effects."),
  (r) => s("The note says she moved to ", v.city(r), " in ", v.monthYear(r), " after her diagnosis."),
  (r) =>
    s(
      "Encounter number ",
      v.recordNumber(r),
      " and claim number ",
      v.recordNumber(r),
      " are visible in the input.",
    ),
  (r) =>
    s(
      "Model A wrote that ",
      v.given(r),
      " was diagnosed in ",
      v.monthYear(r),
      "; the task should not say when.",
    ),
  (r) => s("Call back on ", v.phone(r), " or write to ", v.street(r), ", ", v.ukPostcode(r), "."),
  (r) => s("Patient age: ", v.oldAge(r), ". Patient name: ", v.name(r), ". Admission date: ", v.date(r), "."),
  (r) =>
    s(
      "Rationale: B is safer, but it greets ",
      v.title(r),
      " ",
      v.name(r),
      " by name and cites SSN ",
      v.ssn(r),
      ".",
    ),
  (r) => s("The ECG machine (serial ", v.device(r), ") flagged AF for ", v.given(r), " ", v.family(r), "."),
  (r) => s("Upload came from ", v.ip(r), " and links to ", v.url(r), "; both identify the sender."),
  (r) =>
    s(
      "Medicaid number ",
      v.recordNumber(r),
      " belongs to ",
      v.name(r),
      ", whose vehicle registration is ",
      v.plate(r),
      ".",
    ),
  (r) => s("Medical licence no. ", v.licence(r), " of the prescriber is in the prescription image text."),
  (r) => s("Dear ", v.given(r), ", your scan on ", v.date(r), " was normal."),
  (r) =>
    s(
      "Correction: ",
      v.family(r),
      " is the surname of the patient, remove it from the vignette about ",
      v.name(r),
      ".",
    ),
  (r) =>
    s(
      "Write discharge advice for ",
      v.name(r),
      ", ",
      v.oldAge(r),
      " yo, living in ",
      v.city(r),
      ", ",
      v.state(r),
      ".",
    ),
  (r) => s("Patient ", v.nonLatinName(r), " was reviewed in clinic, MRN ", v.recordNumber(r), "."),
  (r) => s("The rater notes that ", v.nonLatinName(r), " appears twice in response B."),
  (r) =>
    s("Passport number ", v.licence(r), " and UK NI ", v.niNumber(r), " were attached for ", v.name(r), "."),
  (r) => s("Admitted ", v.date(r), ", discharged ", v.date(r), ": ", v.name(r), " needs a follow-up plan."),
  (r) => s("Contact ", v.name(r), " at ", v.email(r), " or on mobile ", v.phone(r), "."),
  (r) =>
    s(
      "Device serial no. ",
      v.device(r),
      " was implanted in ",
      v.given(r),
      " ",
      v.family(r),
      "'s left chest.",
    ),
  (r) => s("Age ", v.oldAge(r), ", lives on ", v.street(r), " with her ", v.relative(r), " ", v.name(r), "."),
  // 48+: evens go to tuning, odds to test; these balance the kinds across the two parts.
  (r) => s("Rationale: A keeps the e-mail ", v.email(r), " and the link ", v.url(r), " out; B does not."),
  (r) =>
    s("Correction: the note says ", v.given(r), " was seen on ", v.date(r), " and again on ", v.date(r), "."),
  (r) =>
    s(
      "Write a sick note for ",
      v.name(r),
      ", date of birth ",
      v.dob(r),
      ", licence number ",
      v.licence(r),
      ".",
    ),
  (r) =>
    s(
      "Seed task: ",
      v.title(r),
      " ",
      v.family(r),
      " had surgery on ",
      v.date(r),
      "; write post-op instructions.",
    ),
  (r) =>
    s("Rater comment: B pasted the DEA number ", v.licence(r), " and the clinic website ", v.url(r), "."),
  (r) =>
    s(
      "She was admitted on ",
      v.date(r),
      " and the ",
      v.relative(r),
      " ",
      v.given(r),
      " wrote from ",
      v.email(r),
      ".",
    ),
  (r) => s("B.D. 'born ", v.dob(r), "' is in the vignette; a certificate no. ", v.licence(r), " too."),
  (r) => s("Follow-up booked for ", v.date(r), " with ", v.name(r), " (", v.oldAge(r), " years old)."),
  (r) => s("Birthday: ", v.dob(r), "; contact e-mail ", v.email(r), "."),
  (r) =>
    s(
      "The chart for ",
      v.name(r),
      " shows a fall on ",
      v.date(r),
      " and a GP visit in ",
      v.monthYear(r),
      ".",
    ),
];

export const NEGATIVE: TTemplate[] = [
  (r) => s("Refer to the ", pick(r, P.ROLES), " if the patient with ", pick(r, P.EPONYMS), " deteriorates."),
  (r) => s("Explain ", pick(r, P.EPONYMS), " to a newly diagnosed 54-year-old in plain language."),
  (r) =>
    s(
      "Compare ",
      pick(r, P.DRUG_BRANDS),
      " and ",
      pick(r, P.DRUG_BRANDS),
      " for a 67-year-old with T2DM and eGFR 45.",
    ),
  (r) =>
    s(
      "Response A is better: it codes the diagnosis as ",
      pick(r, P.CODES),
      " and bills ",
      pick(r, P.CODES),
      ".",
    ),
  (r) =>
    s(
      "Correction: the variant is ",
      pick(r, P.GENES),
      ", not ",
      pick(r, P.GENES),
      "; the model swapped them.",
    ),
  () => s("BP 142/88, HR 96 bpm, RR 20, SpO2 93% on air, temperature 38.2 C; summarise the vitals."),
  () => s("Start metformin 500 mg BD, titrate to 1 g BD over 4 weeks; check HbA1c in 3 months."),
  (r) => s("Stage T2 N1 M0, ", pick(r, P.SCORES), ", ER+/PR-/HER2-; what adjuvant therapy fits?"),
  (r) =>
    s(
      "Ages up to 89 are fine in a vignette: write one for an ",
      pick(r, ["89-year-old", "85-year-old", "78-year-old", "82 year old"]),
      " with falls.",
    ),
  () => s("For patients aged 90 or older, the dataset only says '90 or older'; apply that rule here."),
  (r) =>
    s(
      "The ",
      pick(r, ["2019", "2021", "2023", "2017"]),
      " ESC guidelines replaced the ",
      pick(r, ["2015", "2016", "2012"]),
      " version; cite the newer one.",
    ),
  (r) =>
    s(
      "Rationale: A cites the trial (NEJM, ",
      pick(r, ["2018", "2020", "2022"]),
      ") correctly while B invents a ",
      pick(r, ["2024", "2019"]),
      " meta-analysis.",
    ),
  (r) => s("Clinic is closed ", pick(r, P.HOLIDAYS), "; advise patients where to go instead."),
  (r) =>
    s(
      "Give the dose at ",
      pick(r, ["08:00", "14:30", "22:00", "06:15"]),
      " and again at ",
      pick(r, ["20:00", "18:45", "noon", "midnight"]),
      ".",
    ),
  (r) =>
    s(
      "Symptoms started ",
      pick(r, [
        "3 days ago",
        "two weeks ago",
        "last Tuesday",
        "yesterday evening",
        "on post-op day 2",
        "48 hours after surgery",
      ]),
      "; what is the likely cause?",
    ),
  (r) =>
    s(
      "Template: Dear ",
      pick(r, P.PLACEHOLDERS),
      ", your appointment on ",
      pick(r, P.PLACEHOLDERS),
      " is confirmed.",
    ),
  (r) =>
    s(
      "Switch from ",
      pick(r, P.DEVICE_BRANDS),
      " to ",
      pick(r, P.DEVICE_BRANDS),
      " only if the HbA1c stays above 8%.",
    ),
  () => s("Labs: Hb 9.8 g/dL, WBC 14.2 x10^9/L, platelets 412,000/µL, Na 131 mmol/L, K 5.6 mmol/L."),
  (r) =>
    s(
      "Correction: ",
      pick(r, P.EPONYMS),
      " is not the same as ",
      pick(r, P.EPONYMS),
      "; rewrite the second paragraph.",
    ),
  (r) =>
    s(
      "Seed task: list red flags of ",
      pick(r, P.EPONYMS),
      " that need same-day review by ",
      pick(r, P.ROLES),
      ".",
    ),
  (r) =>
    s(
      "Response B recommends ",
      pick(r, P.DRUG_BRANDS),
      " 40 mg once daily, which exceeds the usual 20 mg starting dose.",
    ),
  (r) =>
    s(
      "The patient was born in ",
      pick(r, ["1948", "1956", "1971"]),
      " and has smoked since ",
      pick(r, ["1970", "1985"]),
      "; estimate pack-years.",
    ),
  (r) => s("Use ", pick(r, P.SCORES), " and ", pick(r, P.SCORES), " to decide on admission."),
  () => s("Dr. on call should be paged if the INR exceeds 4.5 or the QTc exceeds 500 ms."),
  () => s("Creatinine rose from 88 to 176 µmol/L in 48 h: KDIGO stage 2 AKI; eGFR 28 mL/min/1.73 m2."),
  (r) => s("NYHA class III, LVEF 30%, NT-proBNP 2,400 pg/mL; is ", pick(r, P.DRUG_BRANDS), " indicated?"),
  (r) => s("Test ", pick(r, P.GENES), " before starting abacavir; ", pick(r, P.CODES), " covers the test."),
  (r) =>
    s(
      "Rationale: both answers handle the ",
      pick(r, P.EPONYMS),
      " question, but A explains the ",
      pick(r, P.SCORES),
      " better.",
    ),
  (r) =>
    s(
      "In March the clinic audited 1,240 referrals; 12% lacked a ",
      pick(r, ["BMI", "smoking history", "HbA1c"]),
      ".",
    ),
  (r) =>
    s(
      "Placeholder check: ",
      pick(r, P.PLACEHOLDERS),
      " and ",
      pick(r, P.PLACEHOLDERS),
      " must stay as placeholders in the template.",
    ),
  () => s("Give 0.5 mg/kg IV over 30 minutes, repeat after 6 hours if the potassium is below 3.5 mmol/L."),
  (r) => s("Morning cortisol 45 nmol/L suggests ", pick(r, P.EPONYMS), "; arrange a short Synacthen test."),
  (r) =>
    s(
      "A 45-year-old with ",
      pick(r, P.EPONYMS),
      " asks whether ",
      pick(r, P.DRUG_BRANDS),
      " is safe in pregnancy.",
    ),
  (r) =>
    s("The ", pick(r, P.ROLES), " reviewed the ", pick(r, P.DEVICE_BRANDS), " download at the ward round."),
  (r) =>
    s(
      "Gleason 3+4=7, PSA 8.4 ng/mL, cT2a; discuss active surveillance for a man aged ",
      pick(r, ["62", "71", "88", "89"]),
      ".",
    ),
  (r) =>
    s(
      "Correction: the ICD code should be ",
      pick(r, P.CODES),
      "; ",
      pick(r, P.CODES),
      " is for a different condition.",
    ),
  () => s("Apgar 7 at 1 minute and 9 at 5 minutes; birth weight 3.2 kg at 39+4 weeks."),
  () => s("Over 90 years is reported only as a band; the cohort included 312 people over 90."),
  (r) => s("FEV1 1.8 L (62% predicted), FEV1/FVC 0.61; GOLD 2, group B; start ", pick(r, P.DRUG_BRANDS), "."),
  () => s("Follow-up in 6 weeks with repeat U&E; the Q3 2023 audit showed 85% adherence."),
  (r) =>
    s(
      "Rationale: A mentions ",
      pick(r, P.GENES),
      " testing, B forgets; A also doses ",
      pick(r, P.DRUG_BRANDS),
      " correctly.",
    ),
  (r) => s("Ask the Dr. about ", pick(r, P.EPONYMS), " if the ", pick(r, P.SCORES), " is high."),
];

export const positiveTemplates = (part: "tune" | "test") =>
  POSITIVE.filter((_, i) => i % 2 === (part === "tune" ? 0 : 1));
export const negativeTemplates = (part: "tune" | "test") =>
  NEGATIVE.filter((_, i) => i % 2 === (part === "tune" ? 0 : 1));
