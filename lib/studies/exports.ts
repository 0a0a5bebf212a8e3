import "server-only";
import { db, type TTx } from "@/lib/db/prisma";
import { runWithoutStatementTimeout } from "@/lib/db/statement-timeout";
import { notFound } from "@/lib/errors/app-error";
import { toCsv } from "@/lib/csv/csv";
import { loadJudgements, type TLoadedJudgement } from "@/lib/studies/load-judgements";
import { flattenTranscript } from "@/lib/conversations/transcript-text";

/**
 * The prompt as one text, for formats that hold one (the CSV, AlpacaEval annotations): a
 * conversation's context flattened with role labels, its last user turn included.
 */
const promptText = (j: Pick<TLoadedJudgement, "instruction" | "context">) =>
  j.context ? flattenTranscript(j.context) : j.instruction;

// `input` is last so that the columns existing scripts read by position keep their places.
const CSV_HEADER = [
  "study",
  "prompt",
  "model_a",
  "model_b",
  "model_shown_left",
  "criterion",
  "choice",
  "rater",
  "rationale",
  "duration_ms",
  "time",
  "kind",
  "input",
  // Appended after input for the same reason (issue 15 item 4).
  "guideline_version",
];

async function studyName(studyId: string) {
  const s = await db().study.findUnique({ where: { id: studyId }, select: { name: true } });
  if (!s) throw notFound("Study");
  return s.name;
}

/**
 * One row per judgement and criterion; attention checks and repeats are marked in `kind`; `prompt`
 * is the instruction (a conversation's flattened context), `input` its input.
 */
export async function judgementsCsv(studyId: string): Promise<string> {
  return (await judgementsCsvWithRows(studyId)).text;
}

/** judgements.csv and its row count, for the stored export's manifest. */
export async function judgementsCsvWithRows(studyId: string): Promise<{ text: string; rows: number }> {
  const name = await studyName(studyId);
  const rows = await runWithoutStatementTimeout("export", (tx) => loadJudgements(studyId, tx));
  const text = toCsv(
    CSV_HEADER,
    rows.map((j) => [
      name,
      promptText(j),
      j.modelA,
      j.modelB,
      j.shownLeft === "A" ? j.modelA : j.modelB,
      j.criterion,
      j.choice,
      j.pseudonym,
      j.rationale ?? "",
      j.durationMs,
      j.createdAt,
      j.kind,
      j.input,
      j.guidelineVersion,
    ]),
  );
  return { text, rows: rows.length };
}

async function outputTexts(studyId: string, tx: TTx) {
  const outputs = await tx.studyOutput.findMany({
    where: { prompt: { studyId } },
    select: { promptId: true, model: true, text: true },
  });
  return new Map(outputs.map((o) => [`${o.promptId}\u0000${o.model}`, o.text]));
}

/** A whole study's judgements and output texts: an export, exempt from the statement timeout. */
function judgementsAndTexts(studyId: string) {
  return runWithoutStatementTimeout(
    "export",
    async (tx) => [await loadJudgements(studyId, tx), await outputTexts(studyId, tx)] as const,
  );
}

const regular = (rows: TLoadedJudgement[], criterion: string) =>
  rows.filter((j) => j.kind === "regular" && j.criterion === criterion);

/**
 * AlpacaEval annotations: output_1 is model B's (the reference in vs_reference studies), so
 * preference 1 = model B preferred, 2 = model A preferred, 1.5 = tie or both bad. `input` is kept
 * beside `instruction` (AlpacaEval's convention for prompts with an input), so two prompts that
 * share an instruction stay apart and re-importing the file as a judge matches the same prompts
 * (a conversation's flattened context included: lib/studies/judge-votes.ts).
 */
export async function alpacaAnnotations(studyId: string, criterion: string) {
  await studyName(studyId);
  const [rows, texts] = await judgementsAndTexts(studyId);
  return regular(rows, criterion).map((j) => ({
    instruction: promptText(j),
    input: j.input,
    output_1: texts.get(`${j.promptId}\u0000${j.modelB}`) ?? "",
    generator_1: j.modelB,
    output_2: texts.get(`${j.promptId}\u0000${j.modelA}`) ?? "",
    generator_2: j.modelA,
    preference: j.choice === "A" ? 2 : j.choice === "B" ? 1 : 1.5,
    ...(j.choice === "both_bad" ? { both_bad: true } : {}),
    annotator: j.pseudonym,
    criterion,
  }));
}

/** The prompt as the models were given it: the instruction, then the input when there is one. */
export function dpoPrompt(instruction: string, input: string): string {
  return input.trim() ? `${instruction}\n\n${input}` : instruction;
}

type TChatMessage = { role: string; content: string };
export type TDpoPair =
  | { prompt: string; chosen: string; rejected: string }
  | { prompt: TChatMessage[]; chosen: [TChatMessage]; rejected: [TChatMessage] };

/**
 * DPO pairs from comparisons where a strict majority of votes picked one model. A conversation
 * prompt gives TRL's conversational form: `prompt` the context as `messages`, `chosen` and
 * `rejected` each the one assistant turn; a single-text prompt stays three strings.
 */
export async function dpoPairs(studyId: string, criterion: string) {
  await studyName(studyId);
  const [rows, texts] = await judgementsAndTexts(studyId);
  const byComparison = new Map<string, TLoadedJudgement[]>();
  for (const j of regular(rows, criterion))
    byComparison.set(j.comparisonId, [...(byComparison.get(j.comparisonId) ?? []), j]);
  const pairs: TDpoPair[] = [];
  for (const votes of byComparison.values()) {
    const first = votes[0];
    if (!first) continue;
    const a = votes.filter((v) => v.choice === "A").length;
    const b = votes.filter((v) => v.choice === "B").length;
    const winner = a * 2 > votes.length ? first.modelA : b * 2 > votes.length ? first.modelB : null;
    if (!winner) continue;
    const loser = winner === first.modelA ? first.modelB : first.modelA;
    const chosen = texts.get(`${first.promptId}\u0000${winner}`) ?? "";
    const rejected = texts.get(`${first.promptId}\u0000${loser}`) ?? "";
    const assistant = (content: string): [TChatMessage] => [{ role: "assistant", content }];
    pairs.push(
      first.context
        ? {
            prompt: first.context.map((t) => ({ role: t.role, content: t.content })),
            chosen: assistant(chosen),
            rejected: assistant(rejected),
          }
        : { prompt: dpoPrompt(first.instruction, first.input), chosen, rejected },
    );
  }
  return pairs;
}
