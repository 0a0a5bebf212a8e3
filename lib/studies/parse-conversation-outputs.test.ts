import { describe, expect, it } from "vitest";
import { conversationKey } from "@/lib/conversations/transcript-text";
import {
  BAD_DIALOGUE_LINES,
  DIALOGUE_CONTEXTS,
  dialogueAnswer,
  dialogueMultiOutputJsonl,
  dialogueOutputsJson,
  dialogueOutputsJsonl,
} from "../../tests/support/study-dialogues";
import { BAD_CHATS } from "../../tests/support/clinical-dialogues";
import { parseMultiOutputJsonl, parseOutputsJson } from "./parse-outputs";

describe("conversation lines in an outputs upload", () => {
  it.each(["messages", "conversations"] as const)(
    "reads one model's %s file: context before the final turn, the final turn as output",
    (shape) => {
      const r = parseMultiOutputJsonl(dialogueOutputsJsonl("ward-model-b", shape));
      expect(r.problems).toEqual([]);
      expect(r.outputs).toHaveLength(DIALOGUE_CONTEXTS.length);
      const [, second] = r.outputs;
      expect(second).toMatchObject({
        model: "ward-model-b",
        text: dialogueAnswer("ward-model-b", 1),
        instruction: DIALOGUE_CONTEXTS[1]!.at(-1)!.content,
        input: "",
        line: 2,
      });
      expect(second!.context).toEqual(DIALOGUE_CONTEXTS[1]);
    },
  );

  it("gives the same prompt keys for both shapes, the JSON array and the multi-output form", () => {
    const keys = (outs: { context?: unknown[] }[]) => outs.map((o) => conversationKey(o.context as never));
    const a = parseMultiOutputJsonl(dialogueOutputsJsonl("ward-model-a", "messages")).outputs;
    const b = parseMultiOutputJsonl(dialogueOutputsJsonl("ward-model-a", "conversations")).outputs;
    const json = parseOutputsJson(JSON.parse(dialogueOutputsJson("ward-model-a", "conversations")));
    const multi = parseMultiOutputJsonl(
      dialogueMultiOutputJsonl(["ward-model-a", "ward-model-c"], "messages"),
    );
    if (!json.ok) throw new Error("unreachable");
    expect(keys(b)).toEqual(keys(a));
    expect(keys(json.outputs)).toEqual(keys(a));
    expect(multi.problems).toEqual([]);
    expect(multi.outputs.map((o) => o.model)).toEqual(
      DIALOGUE_CONTEXTS.flatMap(() => ["ward-model-a", "ward-model-c"]),
    );
    expect(keys(multi.outputs.filter((o) => o.model === "ward-model-a"))).toEqual(keys(a));
  });

  it("picks models in the multi-output form with ?models=", () => {
    const r = parseMultiOutputJsonl(
      dialogueMultiOutputJsonl([...(["ward-model-a", "ward-model-c"] as const)], "messages"),
      ["ward-model-c"],
    );
    expect(new Set(r.outputs.map((o) => o.model))).toEqual(new Set(["ward-model-c"]));
  });

  it("refuses every bad conversation by its line number, with the reason", () => {
    const text = [
      dialogueOutputsJsonl("ward-model-a", "messages").split("\n")[0],
      ...BAD_DIALOGUE_LINES.map((b) => JSON.stringify(b.row)),
    ].join("\n");
    const r = parseMultiOutputJsonl(text);
    expect(r.problems.map((p) => p.line)).toEqual(BAD_DIALOGUE_LINES.map((_, i) => i + 2));
    BAD_DIALOGUE_LINES.forEach((b, i) => expect(r.problems[i]!.reason, b.name).toContain(b.reason));
  });

  it("refuses, as an output line, every chat the dataset import calls bad, for the same reason", () => {
    // One list says what a bad chat is (tests/support/clinical-dialogues.ts); the outputs upload
    // must agree with the dataset import on each, not on a copy of its own.
    const lines = BAD_CHATS.map((b) => JSON.stringify({ ...b.record, generator: "ward-model-a" }));
    const r = parseMultiOutputJsonl(lines.join("\n"));
    expect(r.problems.map((p) => p.line)).toEqual(BAD_CHATS.map((_, i) => i + 1));
    BAD_CHATS.forEach((b, i) => expect(r.problems[i]!.reason, b.name).toContain(b.reason));
    expect(BAD_DIALOGUE_LINES.map((b) => b.name)).toEqual(
      expect.arrayContaining(BAD_CHATS.map((b) => b.name)),
    );
  });

  it("refuses a multi-output line whose context ends with the assistant, or that has no outputs", () => {
    const r = parseMultiOutputJsonl(
      [
        JSON.stringify({
          messages: [
            { role: "user", content: "a" },
            { role: "assistant", content: "b" },
          ],
          m: "x",
        }),
        JSON.stringify({ messages: [{ role: "user", content: "a" }] }),
      ].join("\n"),
    );
    expect(r.problems.map((p) => [p.line, p.reason.includes("must end with the user's turn")])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(r.problems[1]!.reason).toContain("no model output");
  });

  it("refuses JSON array rows by number: a conversation row without generator, a broken row", () => {
    const r = parseOutputsJson([
      { instruction: "Hi", output: "Hello", generator: "m" },
      {
        messages: [
          { role: "user", content: "a" },
          { role: "assistant", content: "b" },
        ],
      },
      {
        messages: [
          { role: "user", content: "a" },
          { role: "assistant", content: "b" },
        ],
        generator: "m",
      },
      { foo: 1 },
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok && "problems" in r) expect(r.problems.map((p) => p.line)).toEqual([2, 4]);
    else throw new Error("expected line problems");
  });

  it("keeps plain AlpacaEval arrays on their own path (no context, no change)", () => {
    const r = parseOutputsJson([{ instruction: "Hi", output: "Hello", generator: "m" }]);
    expect(r).toEqual({ ok: true, outputs: [{ instruction: "Hi", input: "", model: "m", text: "Hello" }] });
  });
});
