// Generated stand-ins for the real AlpaCare and AlpacaEval files (tests/support/real-data.ts), with
// the same shape and the statistics the tests assert: 167 seeds in med_seed.json's layout (record
// 73 addresses "Miss Smith"), 216 MedInstruct-test prompts with four models' answers and their
// formatting habits, 12 generation-pipeline tasks without outputs, and 805 AlpacaEval annotations
// with alpaca-7b's 205 wins, 584 losses and 16 draws. Deterministic: the same bytes on every run.
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRng } from "../../lib/random";

/** The app's own seeded PRNG (lib/random, the mulberry32 stream these fixtures were first drawn with), as a plain () => [0, 1) draw. */
function rng(seed: number): () => number {
  const random = createRng(`synthetic-${seed}`, "mulberry32");
  return () => random.nextFloat();
}

const CONDITIONS = [
  "multiple sclerosis",
  "type 2 diabetes",
  "community-acquired pneumonia",
  "atrial fibrillation",
  "asthma",
  "chronic kidney disease",
  "heart failure",
  "iron-deficiency anaemia",
  "migraine",
  "hypothyroidism",
  "rheumatoid arthritis",
  "sepsis",
  "gout",
  "peptic ulcer disease",
  "osteoporosis",
  "major depression",
  "acute pancreatitis",
  "psoriasis",
  "tuberculosis",
  "Parkinson's disease",
  "hypertension",
  "COPD",
];
const VERBS = [
  "Explain",
  "Summarise",
  "Describe",
  "Compare",
  "List",
  "Outline",
  "Discuss",
  "Classify",
  "Evaluate",
  "Write",
];
const TOPICS = [
  "Neurology",
  "Pharmacology",
  "Pathophysiology",
  "Diabetes Treatment",
  "Diagnoses",
  "Cardiology",
  "Respiratory",
  "Nephrology",
  "Rheumatology",
  "Psychiatry",
  "Infectious Disease",
  "Endocrinology",
];
const VIEWS = [
  "Student",
  "Physician",
  "Patient",
  "Nurse",
  "Medical Expert",
  "Pharmacist",
  "General Public",
  "Specialist Doctor",
];
// AlpaCare's canonical task types with the variant spellings med_seed.json uses for them, so the
// label mapping of an import meets the same variants in the generated file as in the real one.
const TYPES = [
  "Open Q&A",
  "Classification",
  "Summarization",
  "Rewrite",
  "Text generation",
  "Multiple-choice Q&A",
  "Classification Task",
  "Classifications",
  "Multiple Hop Reasoning",
  "Multiple-hop Reasoning",
  "Multiple-Hop Reasoning",
  "Multiple-hop reasoning",
  "Open-ended Q&A",
  "Rewrite Task",
  "Rewrites",
  "Rewriting",
  "Summarizations",
];

function pick<T>(list: readonly T[], r: () => number): T {
  return list[Math.floor(r() * list.length)] as T;
}

const WORDS = (
  "dosage monitoring renal hepatic clearance pregnancy elderly paediatric infusion oral intravenous contraindications " +
  "interactions screening prognosis imaging ultrasound biopsy culture sensitivity antibiotics steroids anticoagulation " +
  "bleeding thrombosis oedema dyspnoea fatigue fever rash jaundice syncope palpitations tremor seizure headache nausea " +
  "vomiting diarrhoea constipation weight appetite sleep mood anxiety memory gait balance vision hearing swallowing " +
  "nutrition exercise smoking alcohol vaccination travel occupation genetics family lifestyle adherence counselling " +
  "referral follow-up audit guideline evidence trial cohort incidence prevalence mortality morbidity quality safety"
).split(" ");

/** A seed-length instruction from a medical word bank: varied enough that no two are near duplicates. */
function instruction(i: number, r: () => number): string {
  const extra = Array.from({ length: 6 + Math.floor(r() * 8) }, () => pick(WORDS, r));
  return `${pick(VERBS, r)} ${pick(CONDITIONS, r)} with attention to ${extra.join(", ")} (task ${i + 1}).`;
}

export type TSyntheticSeed = {
  topic: string;
  view: string;
  type: string;
  instruction: string;
  input: string;
  difficulty: string;
};

/** 167 seeds in med_seed.json's layout; record 73 addresses "Miss Smith", as the real file does. */
export function syntheticSeeds(count = 167): TSyntheticSeed[] {
  const r = rng(167);
  return Array.from({ length: count }, (_, i) => {
    const withInput = i % 3 !== 0;
    return {
      topic: i === 0 ? "Neurology" : pick(TOPICS, r),
      view: i === 0 ? "Student" : pick(VIEWS, r),
      type: TYPES[i % TYPES.length] as string,
      instruction:
        i === 0 ? "Explain what multiple sclerosis is and its pathophysiology." : instruction(i, r),
      input:
        i === 72
          ? "Miss Smith, 54, reports two weeks of fatigue and thirst."
          : withInput
            ? `A ${30 + Math.floor(r() * 50)}-year-old presents with symptoms of ${pick(CONDITIONS, r)} for ${2 + Math.floor(r() * 10)} days.`
            : "<noinput>",
      difficulty: String(i === 0 ? 1 : (i % 5) + 1),
    };
  });
}

const MODELS = ["gpt-4-answer", "claude-2", "gpt-3.5-turbo-answer", "text-davinci-003-answer"] as const;

function answer(prompt: string, model: number, r: () => number): string {
  const lines = [
    `The most likely explanation for ${prompt.slice(0, 40).toLowerCase()} is a condition that needs a clinician's assessment.`,
    `- Check the vital signs and ask about recent travel.`,
    `- Arrange blood tests, including a full blood count.`,
    `Seek urgent care if symptoms worsen${r() < 0.5 ? "." : " or new symptoms appear."}`,
  ];
  const body = lines.slice(0, 2 + model).join("\n\n");
  // Each model's formatting habit, as in MedInstruct-test: claude-2 opens with a space, davinci
  // with blank lines, gpt-3.5 leaves trailing spaces.
  if (model === 1) return ` ${body}`;
  if (model === 2) return body.replace(/\n/g, " \n");
  if (model === 3) return `\n\n${body}`;
  return body;
}

/** 216 MedInstruct-test lines: id, instruction, difficulty and four models' answers. */
export function syntheticMedInstructJsonl(count = 216): string {
  const r = rng(216);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const prompt = instruction(i, r);
    const row: Record<string, string | number> = {
      id: i,
      instruction: prompt,
      difficulty: String((i % 5) + 1),
    };
    MODELS.forEach((m, k) => (row[m] = answer(prompt, k, r)));
    lines.push(JSON.stringify(row));
  }
  return `${lines.join("\n")}\n`;
}

/** 12 generation-pipeline tasks in Output_path_for_task_generation.jsonl's layout (no outputs). */
export function syntheticGeneratedTasksJsonl(count = 12): string {
  const r = rng(12);
  return `${Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      instruction: i === 3 ? "Write a discharge summary for the patient below." : instruction(i, r),
      input:
        i % 2
          ? "<noinput>"
          : `A ${40 + i}-year-old with ${pick(CONDITIONS, r)}; discharge planned for tomorrow.`,
      type: pick(TYPES, r),
      topic: pick(TOPICS, r),
      view: pick(VIEWS, r),
      difficulty: String((i % 5) + 1),
      request_idx: i,
    }),
  ).join("\n")}\n`;
}

export type TSyntheticAnnotation = {
  instruction: string;
  output_1: string;
  generator_1: string;
  dataset: string;
  output_2: string;
  generator_2: string;
  annotator: string;
  preference: number;
};

/** 805 annotations of alpaca-7b (output_2) against text_davinci_003 (output_1): 205 wins, 584 losses, 16 draws (code 0, identical outputs). */
export function syntheticAlpacaEvalAnnotations(): TSyntheticAnnotation[] {
  const r = rng(805);
  const prefs = [...Array<number>(584).fill(1), ...Array<number>(205).fill(2), ...Array<number>(16).fill(0)];
  for (let i = prefs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [prefs[i], prefs[j]] = [prefs[j] as number, prefs[i] as number];
  }
  return prefs.map((preference, i) => {
    const prompt = instruction(i, r);
    const first = `Davinci's answer ${i}: ${answer(prompt, 0, r)}`;
    return {
      instruction: prompt,
      output_1: first,
      generator_1: "text_davinci_003",
      dataset: "synthetic",
      output_2: preference === 0 ? first : `Alpaca's answer ${i}: ${answer(prompt, 0, r)}`,
      generator_2: "alpaca-7b",
      annotator: "synthetic",
      preference,
    };
  });
}

const GENERATORS = {
  "alpacare/med_seed.json": () => JSON.stringify(syntheticSeeds(), null, 4),
  "alpacare/MedInstruct-test.jsonl": () => syntheticMedInstructJsonl(),
  "alpacare/Output_path_for_task_generation.jsonl": () => syntheticGeneratedTasksJsonl(),
  "alpaca_eval/annotations.json": () => JSON.stringify(syntheticAlpacaEvalAnnotations(), null, 4),
} as const;

export type TRealDataName = keyof typeof GENERATORS;

/** Writes the generated stand-in of a real file (once per process) and returns its path. */
export function syntheticFile(name: TRealDataName): string {
  const file = path.join(tmpdir(), `clinreview-synthetic-${process.pid}`, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, GENERATORS[name]());
  return file;
}
