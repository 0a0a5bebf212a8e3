// Synthetic seed tasks written for the demo (no real patients). `author`: the demo clinician or
// their colleague; `state`: where the demo leaves it (the other clinician reviews).
export type TDemoSeed = {
  author: "clinician" | "colleague";
  state: "DRAFT" | "SUBMITTED" | "CHANGES_REQUESTED" | "APPROVED";
  topic: string;
  view: string;
  type?: string;
  difficulty?: number;
  instruction: string;
  /** An earlier wording, saved first, so the draft has a version history. */
  firstWording?: string;
  input?: string;
  referenceAnswer?: string;
  tags?: string[];
  /** The reviewer's comment (required when asking for changes). */
  review?: string;
};

export const DEMO_SEEDS: TDemoSeed[] = [
  {
    author: "clinician",
    state: "DRAFT",
    topic: "Endocrinology",
    view: "Patient",
    type: "Open Q&A",
    difficulty: 2,
    firstWording: "Explain metformin side effects.",
    instruction:
      "Explain to a patient who has just started metformin which stomach side effects are common and how to reduce them.",
    referenceAnswer:
      "Nausea, bloating and diarrhoea are common in the first weeks. Taking it with meals, starting low and increasing slowly, or a slow-release form usually helps.",
    tags: ["diabetes", "patient education"],
  },
  {
    author: "clinician",
    state: "DRAFT",
    topic: "Cardiology",
    view: "Patient",
    instruction: "Summarise the discharge advice below in plain language for the patient's family.",
    input:
      "Discharged after uncomplicated elective PCI to the LAD. Continue dual antiplatelet therapy for 12 months; do not stop without cardiology advice. No driving for one week. Cardiac rehabilitation referral made. Return if chest pain recurs.",
  },
  {
    author: "clinician",
    state: "SUBMITTED",
    topic: "Cardiology",
    view: "Clinician",
    type: "Multi-hop reasoning",
    difficulty: 3,
    instruction:
      "Calculate the CHA2DS2-VASc score for the patient below and state whether oral anticoagulation is recommended.",
    input:
      "A 72-year-old woman with newly detected atrial fibrillation, treated hypertension and type 2 diabetes; no history of stroke, heart failure or vascular disease.",
    referenceAnswer:
      "Age 65-74 (1), female (1), hypertension (1), diabetes (1): score 4. Oral anticoagulation is recommended unless contraindicated.",
    tags: ["atrial fibrillation", "risk scores"],
  },
  {
    author: "clinician",
    state: "CHANGES_REQUESTED",
    topic: "Infectious disease",
    view: "Clinician",
    type: "Open Q&A",
    difficulty: 2,
    instruction: "Which antibiotic is first-line for uncomplicated cystitis in a non-pregnant woman?",
    referenceAnswer: "Nitrofurantoin for 3 days, where local resistance patterns allow.",
    review:
      "The answer depends on local resistance: say which guideline applies, or make it multiple choice with plausible distractors.",
  },
  {
    author: "clinician",
    state: "APPROVED",
    topic: "Cardiology",
    view: "Medical student",
    type: "Classification",
    difficulty: 2,
    instruction:
      "Classify each clinic blood pressure reading as normal, high-normal, stage 1 or stage 2 hypertension.",
    input: "1) 118/76 mmHg  2) 134/86 mmHg  3) 148/92 mmHg  4) 166/104 mmHg",
    referenceAnswer: "1) normal  2) high-normal  3) stage 1 hypertension  4) stage 2 hypertension",
    tags: ["hypertension"],
    review: "Clear, and the thresholds match the guideline we use.",
  },
  {
    author: "colleague",
    state: "SUBMITTED",
    topic: "Pharmacology",
    view: "Patient",
    type: "Rewrite",
    difficulty: 2,
    instruction: "Rewrite these medication instructions so that a 12-year-old could understand them.",
    input:
      "Take one tablet orally twice daily with food. Do not exceed the stated dose. Discontinue and seek medical advice if a rash develops.",
    referenceAnswer:
      "Swallow one tablet in the morning and one in the evening, with a meal. Never take more than that. If you get a rash, stop taking them and tell a grown-up so you can see a doctor.",
    tags: ["health literacy"],
  },
  {
    author: "colleague",
    state: "SUBMITTED",
    topic: "Paediatrics",
    view: "Medical student",
    type: "Multiple-choice Q&A",
    difficulty: 3,
    instruction: "Choose the most appropriate first treatment and explain why.",
    input:
      "A 2-year-old has had a barking cough and a hoarse voice since last night, with stridor only when crying. A) Oral dexamethasone  B) Oral amoxicillin  C) Nebulised salbutamol  D) Steam inhalation",
    referenceAnswer:
      "A) A single dose of oral dexamethasone: this is mild croup, a viral illness that corticosteroids improve; antibiotics, bronchodilators and steam do not help.",
    tags: ["croup"],
  },
  {
    author: "colleague",
    state: "APPROVED",
    topic: "Emergency medicine",
    view: "Patient",
    type: "Text generation",
    difficulty: 1,
    instruction:
      "Write a short leaflet paragraph on the warning signs of sepsis in adults and what to do about them.",
    referenceAnswer:
      "Call an ambulance if someone has slurred speech or confusion, extreme shivering or muscle pain, has passed no urine in a day, is severely breathless, feels they might die, or has mottled or discoloured skin.",
    tags: ["sepsis", "safety netting"],
    review: "Good safety-netting seed.",
  },
];
