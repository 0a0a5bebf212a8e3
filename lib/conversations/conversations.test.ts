import { describe, expect, it } from "vitest";
import { parseConversation, toShape } from "./parse-conversation";
import { lastUserTurn, splitFinalTurn } from "./split-final-turn";
import { readStoredTurns } from "./stored-turns";
import { conversationKey, flattenTranscript } from "./transcript-text";
import { CONVERSATION_LIMITS } from "./types";

const messages = [
  { role: "system", content: "You are a careful clinical assistant." },
  { role: "user", content: "I have had a headache for **three days**." },
  { role: "assistant", content: "Any fever or neck stiffness?" },
  { role: "user", content: "No fever. Ibuprofen helps a bit." },
  { role: "assistant", content: "1. Rest\n2. Fluids\n3. See a GP if it worsens." },
];
const sharegpt = messages.map((m) => ({
  from: { system: "system", user: "human", assistant: "gpt" }[m.role],
  value: m.content,
}));

describe("parseConversation", () => {
  it("reads both shapes to the same turns and gives each back in its own shape", () => {
    const a = parseConversation(messages, "messages");
    const b = parseConversation(sharegpt, "conversations");
    expect(a).toMatchObject({ ok: true, shape: "messages" });
    expect(b).toMatchObject({ ok: true, shape: "conversations" });
    if (!a.ok || !b.ok) throw new Error("unreachable");
    expect(b.turns).toEqual(a.turns);
    expect(toShape(a.turns, "messages")).toEqual(messages);
    expect(toShape(b.turns, "conversations")).toEqual(sharegpt);
  });

  it.each([
    ["not an array", { role: "user" }, "must be an array"],
    ["no turns", [], "has no turns"],
    ["an unknown shape", [{ speaker: "user", text: "hi" }], "neither"],
    ["an unknown role", [{ role: "tool", content: "x" }], 'unknown role "tool"'],
    ["ShareGPT spelled as messages", [{ from: "user", value: "x" }], 'unknown from "user"'],
    [
      "mixed shapes",
      [
        { role: "user", content: "a" },
        { from: "gpt", value: "b" },
      ],
      "turn 2 is not",
    ],
    ["a non-string content", [{ role: "user", content: [{ type: "text", text: "hi" }] }], "must be a string"],
    [
      "an empty turn",
      [
        { role: "user", content: "a" },
        { role: "assistant", content: "  " },
      ],
      "turn 2 is empty",
    ],
    [
      "a late system turn",
      [
        { role: "user", content: "a" },
        { role: "system", content: "b" },
      ],
      "may only come first",
    ],
  ])("refuses %s with the turn named", (_name, value, reason) => {
    const r = parseConversation(value, "messages");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it("refuses too many turns and too long turns", () => {
    const many = Array.from({ length: CONVERSATION_LIMITS.maxTurns + 1 }, (_, i) => ({
      role: i % 2 ? "assistant" : "user",
      content: "x",
    }));
    expect(parseConversation(many, "m")).toMatchObject({ ok: false });
    const long = [{ role: "user", content: "x".repeat(CONVERSATION_LIMITS.maxTurnChars + 1) }];
    const r = parseConversation(long, "m");
    expect(r.ok === false && r.reason).toContain("longer than");
  });
});

describe("splitFinalTurn", () => {
  const parsed = parseConversation(messages, "m");
  const turns = parsed.ok ? parsed.turns : [];

  it("takes the last assistant turn as the answer under review", () => {
    const r = splitFinalTurn(turns, "messages");
    expect(r).toMatchObject({ ok: true, final: messages[4]!.content });
    if (r.ok) {
      expect(r.context).toHaveLength(4);
      expect(lastUserTurn(r.context)).toBe("No fever. Ibuprofen helps a bit.");
    }
  });

  it("refuses a conversation ending with the user, or with no user turn", () => {
    expect(splitFinalTurn(turns.slice(0, 4), "m")).toMatchObject({ ok: false });
    expect(splitFinalTurn([{ role: "assistant", content: "Hello" }], "m")).toMatchObject({ ok: false });
  });
});

describe("transcripts and keys", () => {
  it("flattens with role labels", () => {
    expect(
      flattenTranscript([
        { role: "user", content: "Hi" },
        { role: "assistant", content: "Hello" },
      ]),
    ).toBe("User: Hi\n\nAssistant: Hello");
  });

  it("matches contexts across spacing and case but not across roles or words", () => {
    const a = conversationKey([{ role: "user", content: "Chest  pain\n" }]);
    expect(conversationKey([{ role: "user", content: "chest pain" }])).toBe(a);
    expect(conversationKey([{ role: "system", content: "chest pain" }])).not.toBe(a);
    expect(conversationKey([{ role: "user", content: "chest pains" }])).not.toBe(a);
  });

  it("reads stored turns, and treats a malformed column as none", () => {
    expect(readStoredTurns([{ role: "user", content: "x" }])).toEqual([{ role: "user", content: "x" }]);
    expect(readStoredTurns(null)).toBeNull();
    expect(readStoredTurns([{ role: "doctor", content: "x" }])).toBeNull();
  });
});
