// 52,002 synthetic MedInstruct-like records (the size of MedInstruct-52k), deterministic, written
// once as the JSONL the app imports and as the COPY text file PostgreSQL loads for the baseline.
import { createWriteStream, statSync, type WriteStream } from "node:fs";
import { once } from "node:events";
import { contentHash } from "../../lib/datasets/validate-record";
import { rngFromMulberry32State } from "../../lib/random";

export const RECORD_COUNT = 52_002;

const WORDS = (
  "patient patients dose doses daily twice mg/kg µg °C ≥ ≤ fever cough dyspnoea chest pain hypertension diabetes insulin " +
  "metformin amoxicillin ibuprofen paracetamol warfarin INR anticoagulation renal hepatic function clearance eGFR creatinine " +
  "symptoms signs diagnosis differential history examination blood pressure heart rate oxygen saturation pneumonia asthma " +
  "COPD exacerbation inhaler steroid prednisolone antibiotic resistance culture sensitivity sepsis lactate fluids bolus " +
  "monitoring follow-up referral specialist guideline recommendation evidence risk benefit contraindication interaction " +
  "pregnancy breastfeeding paediatric elderly frailty falls delirium dementia stroke thrombolysis CT MRI ultrasound ECG " +
  "troponin myocardial infarction angina statin aspirin clopidogrel heparin bleeding anaemia haemoglobin iron folate B12 " +
  "thyroid TSH levothyroxine depression anxiety sertraline counselling sleep diet exercise weight smoking alcohol cessation " +
  "vaccination influenza hepatitis HIV tuberculosis screening colonoscopy mammography cervical prostate PSA biopsy " +
  "the a of and to in for with on is are should may can be if when after before within hours days weeks review consider " +
  "advise explain assess check avoid reduce increase stop start continue urgent immediately emergency seek care"
).split(" ");

const INSTRUCTION_STARTS = [
  "Explain to a patient",
  "Summarise the evidence on",
  "List the red-flag symptoms of",
  "Given the case below, what is the most likely diagnosis for",
  "Write discharge advice about",
  "Classify the following medication question about",
  "Rewrite in plain language the guidance on",
  "What dose adjustment is needed for",
];

/** The app's PRNG on its raw-state mulberry32 stream, so every run imports byte-identical files. */
function prng(seed: number): () => number {
  const random = rngFromMulberry32State(seed);
  return () => random.nextFloat();
}

export type TSyntheticRecord = { instruction: string; input: string; output: string };

export function* syntheticRecords(count = RECORD_COUNT, seed = 52_002): Generator<TSyntheticRecord> {
  const rand = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const words = (n: number) => Array.from({ length: n }, () => WORDS[int(0, WORDS.length - 1)]).join(" ");
  const sentence = () => {
    const s = words(int(8, 22));
    return `${s[0]?.toUpperCase() ?? ""}${s.slice(1)}.`;
  };
  for (let i = 0; i < count; i++) {
    const instruction = `${INSTRUCTION_STARTS[i % INSTRUCTION_STARTS.length]} ${words(int(8, 24))}?`;
    // About half of MedInstruct's records have an input (a case, a note, a question to classify).
    const input = rand() < 0.5 ? "" : Array.from({ length: int(2, 5) }, sentence).join(" ");
    // Outputs run from a short paragraph to a numbered list over several lines.
    const paragraphs = Array.from({ length: int(1, 3) }, () =>
      Array.from({ length: int(3, 5) }, sentence).join(" "),
    );
    const output =
      rand() < 0.3 ? paragraphs.map((p, n) => `${n + 1}. ${p}`).join("\n") : paragraphs.join("\n\n");
    yield { instruction, input, output };
  }
}

/** COPY text format: backslash, tab, newline and carriage return escaped. */
const copyField = (s: string) =>
  s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");

async function write(out: WriteStream, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, "drain");
}

async function close(out: WriteStream): Promise<void> {
  out.end();
  await once(out, "finish");
}

/**
 * Writes the JSONL for the app and the COPY file for PostgreSQL alone (columns ordinal,
 * instruction, input, output, "contentHash": the same rows and hash the app stores).
 */
export async function writeSyntheticFiles(
  jsonlPath: string,
  copyPath: string,
): Promise<{ count: number; bytes: number }> {
  const jsonl = createWriteStream(jsonlPath);
  const copy = createWriteStream(copyPath);
  let lines: string[] = [];
  let rows: string[] = [];
  let count = 0;
  for (const r of syntheticRecords()) {
    count += 1;
    lines.push(JSON.stringify(r));
    // Ordinals are 1-based line numbers, as the app's import assigns them.
    rows.push(
      [
        String(count),
        copyField(r.instruction),
        copyField(r.input),
        copyField(r.output),
        contentHash(r.instruction, r.input, r.output),
      ].join("\t"),
    );
    if (lines.length === 1_000) {
      await write(jsonl, `${lines.join("\n")}\n`);
      await write(copy, `${rows.join("\n")}\n`);
      lines = [];
      rows = [];
    }
  }
  if (lines.length) {
    await write(jsonl, `${lines.join("\n")}\n`);
    await write(copy, `${rows.join("\n")}\n`);
  }
  await Promise.all([close(jsonl), close(copy)]);
  return { count, bytes: statSync(jsonlPath).size };
}

/** A small file of the same kind (another seed), for warming the server up. */
export async function writeSmallJsonl(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  await write(out, [...syntheticRecords(count, 7)].map((r) => JSON.stringify(r)).join("\n") + "\n");
  await close(out);
}
