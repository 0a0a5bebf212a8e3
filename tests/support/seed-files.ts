// Seed files in AlpaCare's format (med_seed.json), built in the test that uses them: a generated
// one that needs no real data, and the real file repeated up to a size (the 1.4 MB class of file
// that used to break the import screen), each copy with its instructions changed so that no
// record duplicates another exactly.
export type TSeedRecord = {
  topic: string;
  view: string;
  type: string;
  instruction: string;
  input: string;
  difficulty: string;
};

const TOPICS = [
  "Cardiology",
  "Neurology",
  "Endocrinology",
  "Pulmonology",
  "Nephrology",
  "Dermatology",
  "Paediatrics",
  "Psychiatry",
];
const VIEWS = ["Patient", "Student", "Doctor", "Nurse"];
const TYPES = [
  "Open Q&A",
  "Classification",
  "Summarization",
  "Rewrite",
  "Multi-hop reasoning",
  "Text generation",
];
const CONDITIONS = [
  "stable angina",
  "migraine with aura",
  "type 2 diabetes",
  "asthma",
  "chronic kidney disease",
  "eczema",
  "croup",
  "panic disorder",
];
const TASKS = [
  "Explain {c} in plain words and list the warning signs that need urgent care",
  "Classify the following presentation of {c} by severity and justify the grade",
  "Summarise the first-line management of {c} for a busy ward round",
  "Rewrite this leaflet about {c} for a reading age of eleven",
  "Given the findings below, reason step by step about whether {c} is the likely diagnosis",
  "Write a short discharge note for a patient treated for {c}",
];

// Words for each record's own detail, so that generated records differ as much as real ones do
// (near-duplicate search cost grows with how alike the records are).
const DETAILS = (
  "dosage timing renal hepatic elderly pregnancy lactation smoking alcohol exercise diet sleep stress imaging biopsy " +
  "ultrasound echocardiogram spirometry audiogram culture serology genetics family history allergy vaccination travel " +
  "occupation housing carer interpreter consent capacity prognosis palliative rehabilitation physiotherapy referral " +
  "follow-up telehealth adherence side-effects interactions contraindications monitoring thresholds escalation safety-net"
).split(" ");

/** Deterministic words for record i: a small linear congruential walk through DETAILS. */
function detailOf(i: number): string {
  const words: string[] = [];
  let x = (i * 2_654_435_761) >>> 0;
  for (let k = 0; k < 6; k++) {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    words.push(DETAILS[x % DETAILS.length] ?? "");
  }
  return words.join(", ");
}

/** n distinct records cycling through topics, views and types; every fifth has an input. */
export function generatedSeedRecords(n: number): TSeedRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const c = CONDITIONS[i % CONDITIONS.length] ?? "";
    const task = (TASKS[i % TASKS.length] ?? "").replace("{c}", c);
    return {
      topic: TOPICS[i % TOPICS.length] ?? "",
      view: VIEWS[i % VIEWS.length] ?? "",
      type: TYPES[i % TYPES.length] ?? "",
      instruction: `${task}, covering ${detailOf(i)}.`,
      input:
        i % 5 === 0
          ? `A ${30 + (i % 50)}-year-old reports symptoms of ${c} for ${1 + (i % 12)} weeks.`
          : "<noinput>",
      difficulty: String(1 + (i % 5)),
    };
  });
}

/** A JSON array of at least `bytes` bytes: the records over and over, each copy's instructions changed. */
export function repeatSeedFile(
  records: readonly TSeedRecord[],
  bytes: number,
): { text: string; count: number } {
  const out: TSeedRecord[] = [];
  let size = 2;
  for (let copy = 0; size < bytes; copy++) {
    for (const r of records) {
      const changed =
        copy === 0
          ? r
          : {
              ...r,
              instruction: `${r.instruction.trim()} (Variant ${copy + 1}: answer for setting ${copy + 1}.)`,
            };
      out.push(changed);
      size += Buffer.byteLength(JSON.stringify(changed)) + 1;
    }
  }
  return { text: JSON.stringify(out), count: out.length };
}

/** The labels the records use, per vocabulary kind. */
export function labelsOf(records: readonly TSeedRecord[]): {
  TOPIC: string[];
  VIEW: string[];
  TYPE: string[];
} {
  const uniq = (xs: string[]) => [...new Set(xs)];
  return {
    TOPIC: uniq(records.map((r) => r.topic)),
    VIEW: uniq(records.map((r) => r.view)),
    TYPE: uniq(records.map((r) => r.type)),
  };
}
