// Generated conversation fixtures for study prompts and outputs (issue 16): no shared file holds
// chats. Clinical dialogues of 2–12 turns (counting the model's final answer), one opening with a
// system turn, one with long turns, unicode and markdown inside turns, each answered by several
// models; plus bad lines, each with the reason it must be refused. Deterministic: same bytes every run.
import type { TConversationShape, TTurn } from "../../lib/conversations/types";
import { BAD_CHATS } from "./clinical-dialogues";

export const DIALOGUE_MODELS = ["ward-model-a", "ward-model-b", "ward-model-c"] as const;

const LONG = Array.from(
  { length: 40 },
  (_, i) =>
    `Day ${i + 1}: blood pressure ${128 + (i % 7)}/${82 + (i % 5)} mmHg, pulse ${70 + (i % 9)}, no dizziness.`,
).join(" ");

/** Context turns (ending with the user's turn); the models' final answers come after them. */
export const DIALOGUE_CONTEXTS: TTurn[][] = [
  [{ role: "user", content: "I have had a dry cough for three weeks. Should I worry?" }],
  [
    { role: "system", content: "You are a careful clinical assistant. Say when to see a doctor." },
    { role: "user", content: "My daughter (4 years) has a fever of **39.2 °C** since last night." },
    { role: "assistant", content: "Is she drinking, and has she had a rash or a stiff neck?" },
    { role: "user", content: "She drinks a little, no rash, neck is fine. Paracetamol helped for 4 h." },
  ],
  [
    { role: "user", content: "Here is my home blood pressure log for 40 days:\n\n" + LONG },
    { role: "assistant", content: "Thank you. Are you taking any medication for blood pressure?" },
    { role: "user", content: "Amlodipine 5 mg since March. Is the log good enough?" },
  ],
  [
    {
      role: "user",
      content: "Ich habe Schmerzen über dem Knöchel — seit 2 Tagen. 头痛 also. Naïve question: ice or heat?",
    },
    { role: "assistant", content: "Did you twist the ankle, and can you put weight on it?" },
    { role: "user", content: "Yes I twisted it; I can walk but it hurts 😣." },
  ],
  [
    { role: "user", content: "I was started on metformin." },
    { role: "assistant", content: "How are you tolerating it?" },
    { role: "user", content: "Some nausea:\n\n- after breakfast\n- worse with fatty food" },
    {
      role: "assistant",
      content: "| Dose | When |\n| - | - |\n| 500 mg | with dinner |\n\nTaking it with food helps.",
    },
    { role: "user", content: "It is with food already." },
    { role: "assistant", content: "Extended-release tablets are often better tolerated. Any weight loss?" },
    { role: "user", content: "About 2 kg in a month." },
    { role: "assistant", content: "That is common at the start. What is your latest HbA1c?" },
    { role: "user", content: "`HbA1c 58 mmol/mol`, down from 71." },
    { role: "assistant", content: "That is a good improvement." },
    { role: "user", content: "So should I ask to switch to the extended-release form?" },
  ],
];

const ANSWERS: Record<(typeof DIALOGUE_MODELS)[number], (i: number) => string> = {
  "ward-model-a": (i) => `**Short answer** for case ${i + 1}: see your GP if it is not better in 48 hours.`,
  "ward-model-b": (i) =>
    `For case ${i + 1}:\n\n1. Rest and fluids.\n2. Watch for red flags.\n3. Book a review this week.`,
  "ward-model-c": (i) =>
    `Case ${i + 1} — it is reasonable to wait a few days; seek care sooner if it worsens.`,
};

export const dialogueAnswer = (model: (typeof DIALOGUE_MODELS)[number], i: number) => ANSWERS[model](i);

const SHAREGPT_FROM = { system: "system", user: "human", assistant: "gpt" } as const;

/** Turns in the requested shape, as a pipeline writes them. */
export function shaped(turns: readonly TTurn[], shape: TConversationShape): Record<string, string>[] {
  return shape === "messages"
    ? turns.map((t) => ({ role: t.role, content: t.content }))
    : turns.map((t) => ({ from: SHAREGPT_FROM[t.role], value: t.content }));
}

/** One model's JSONL file: each line the whole conversation ending with its answer, and `generator`. */
export function dialogueOutputsJsonl(
  model: (typeof DIALOGUE_MODELS)[number],
  shape: TConversationShape,
): string {
  return DIALOGUE_CONTEXTS.map((context, i) =>
    JSON.stringify({
      [shape]: shaped([...context, { role: "assistant", content: dialogueAnswer(model, i) }], shape),
      generator: model,
    }),
  ).join("\n");
}

/** The same as a JSON array (AlpacaEval-like: one model per file). */
export function dialogueOutputsJson(
  model: (typeof DIALOGUE_MODELS)[number],
  shape: TConversationShape,
): string {
  return `[${dialogueOutputsJsonl(model, shape).split("\n").join(",\n")}]`;
}

/** Several models in one JSONL file: the context alone, one column per model. */
export function dialogueMultiOutputJsonl(
  models: readonly (typeof DIALOGUE_MODELS)[number][],
  shape: TConversationShape,
): string {
  return DIALOGUE_CONTEXTS.map((context, i) =>
    JSON.stringify({
      [shape]: shaped(context, shape),
      ...Object.fromEntries(models.map((m) => [`${m}-answer`, dialogueAnswer(m, i)])),
    }),
  ).join("\n");
}

const ok = (context: TTurn[], answer: string) => ({
  messages: shaped([...context, { role: "assistant", content: answer }], "messages"),
  generator: "ward-model-a",
});

/**
 * Lines an outputs upload must refuse, each with a fragment of the reason it gives: the bad chats
 * of the dataset import (tests/support/clinical-dialogues.ts, the one list of what a bad chat is),
 * each as a model's output line with its `generator`, then what only an outputs line can get wrong.
 */
export const BAD_DIALOGUE_LINES: { name: string; row: unknown; reason: string }[] = [
  ...BAD_CHATS.map(({ name, record, reason }) => ({ name, row: { ...record, generator: "m" }, reason })),
  {
    name: "both a conversation and an instruction",
    row: { ...ok(DIALOGUE_CONTEXTS[0]!, "A"), instruction: "Hi" },
    reason: '"instruction"',
  },
];

/** DIALOGUE_CONTEXTS[1] with an earlier turn edited: same last user turn, different context. */
export function editedSecondDialogue(model: string): string {
  const context = DIALOGUE_CONTEXTS[1]!.map((t, i) => (i === 2 ? { ...t, content: "Has she vomited?" } : t));
  return JSON.stringify({ ...ok(context, "Edited copy's answer"), generator: model });
}
