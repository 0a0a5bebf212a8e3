import { toShape } from "../../lib/conversations/parse-conversation";
import type { TConversationShape, TTurn } from "../../lib/conversations/types";

/**
 * Generated chat records for conversation imports: no shared file holds conversations, so tests
 * build them here, deterministically (the same index gives the same dialogue). Dialogues run from
 * 2 to 12 turns, some open with a system turn, some have a long turn, and their texts mix Greek,
 * Arabic, CJK and emoji with markdown (lists, bold, a table, code) so every path from the file to
 * the screen and back out carries them.
 */

const SYSTEM =
  "You are a careful clinical assistant. Answer in **plain language** and advise urgent care when in doubt.";

const COMPLAINTS = [
  "I have had a headache for three days and ibuprofen barely helps.",
  "Πονάει το στομάχι μου μετά το φαγητό (my stomach hurts after eating).",
  "أعاني من سعال جاف منذ أسبوع — I have had a dry cough for a week.",
  "我最近总是很累 — I feel tired all the time lately. 😴",
  "My child has a fever of 38.9 °C and a rash on the arms.",
  "My ankle is swollen after a fall yesterday; I can walk but it hurts. 🦶",
];

const FOLLOW_UPS = [
  "No fever, and no neck stiffness.",
  "It is worse in the morning.",
  "I take metformin 500 mg twice a day.",
  "Yes, it started after I changed my diet.",
  "Sleep has been poor: about 5 hours a night.",
];

const ANSWERS = [
  "Thank you. A few questions first:\n\n1. Any fever?\n2. Any vomiting?\n3. Any recent injury?",
  "That helps. **Red flags** to watch for:\n\n- sudden severe pain\n- confusion\n- weakness on one side",
  "| Option | When |\n| --- | --- |\n| Rest and fluids | now |\n| See a GP | if not better in 3 days |",
  "Keep a short diary, e.g. `time — symptom — severity (0–10)`, and bring it to your appointment.",
  "Σας ευχαριστώ. Συνιστώ ξεκούραση και υγρά. شكراً — rest and fluids. 谢谢 🙏",
];

/** A paragraph long enough to exercise folding and wrapping (about 5 000 characters). */
const LONG_TURN = Array.from(
  { length: 40 },
  (_, i) => `Sentence ${i + 1} of a long history: symptoms, medicines and what helped, told in full.`,
).join(" ");

const pick = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;

/**
 * Dialogue `i`: 2–12 turns (a system turn on every fourth), alternating user and assistant, ending
 * with the assistant's answer under review. Every fifth has one long user turn.
 */
export function clinicalDialogue(i: number): TTurn[] {
  const exchanges = 1 + (i % 6); // 1..6 user/assistant pairs: 2..12 turns
  const turns: TTurn[] = [];
  if (i % 4 === 0) turns.push({ role: "system", content: SYSTEM });
  for (let e = 0; e < exchanges; e++) {
    const user = e === 0 ? pick(COMPLAINTS, i) : pick(FOLLOW_UPS, i + e);
    const long = i % 5 === 4 && e === exchanges - 1;
    turns.push({ role: "user", content: long ? `${user}\n\n${LONG_TURN}` : user });
    turns.push({
      role: "assistant",
      content: `${pick(ANSWERS, i + e)}\n\n(dialogue ${i + 1}, answer ${e + 1})`,
    });
  }
  // The system turn, when present, counts toward the 12: drop the first exchange if over.
  return turns.length > 12 ? [turns[0] as TTurn, ...turns.slice(3)] : turns;
}

/** One JSONL record of dialogue `i` in a shape, under the shape's usual field name, with an id. */
export function dialogueRecord(i: number, shape: TConversationShape): Record<string, unknown> {
  return {
    id: `dlg-${i + 1}`,
    [shape]: toShape(clinicalDialogue(i), shape),
    topic: pick(["neuro", "gi", "resp"], i),
  };
}

/** A JSONL file of `n` dialogues in one shape. */
export function clinicalDialoguesJsonl(shape: TConversationShape, n = 12): string {
  return `${Array.from({ length: n }, (_, i) => JSON.stringify(dialogueRecord(i, shape))).join("\n")}\n`;
}

type TBadDialogue = { name: string; record: Record<string, unknown>; reason: string };

/**
 * What a bad chat is: conversations every import must refuse (datasets here, study outputs in
 * tests/support/study-dialogues.ts, which adds a `generator` to each), each with a piece of the
 * reason it must give. In the `messages` shape.
 */
export const BAD_CHATS: TBadDialogue[] = [
  {
    name: "ends with the user",
    record: {
      messages: [
        { role: "user", content: "Hi" },
        { role: "assistant", content: "Hello" },
        { role: "user", content: "Still there?" },
      ],
    },
    reason: "must end with an assistant turn",
  },
  {
    name: "an unknown role",
    record: {
      messages: [
        { role: "patient", content: "Hi" },
        { role: "assistant", content: "Hello" },
      ],
    },
    reason: 'unknown role "patient"',
  },
  {
    name: "an empty turn",
    record: {
      messages: [
        { role: "user", content: "Hi" },
        { role: "assistant", content: "   " },
      ],
    },
    reason: "turn 2 is empty",
  },
  {
    name: "a non-string content",
    record: {
      messages: [
        { role: "user", content: [{ type: "text", text: "Hi" }] },
        { role: "assistant", content: "Hello" },
      ],
    },
    reason: "must be a string",
  },
  {
    name: "too many turns",
    record: {
      messages: Array.from({ length: 65 }, (_, i) => ({ role: i % 2 ? "assistant" : "user", content: "x" })),
    },
    reason: "more than 64 turns",
  },
];

/**
 * Records a dataset import must refuse: every bad chat, then a ShareGPT record, refused in a file
 * whose first conversation is `messages` (a dataset keeps one shape for its exports).
 */
export const BAD_DIALOGUES: TBadDialogue[] = [
  ...BAD_CHATS,
  {
    name: "the other shape",
    record: {
      messages: [
        { from: "human", value: "Hi" },
        { from: "gpt", value: "Hello" },
      ],
    },
    reason: "file's first conversation is in the messages shape",
  },
];
