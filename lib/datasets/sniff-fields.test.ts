import { describe, expect, it } from "vitest";
import { sniffConversationFields, sniffFields, suggestMapping } from "./sniff-fields";

const med = (i: number) =>
  JSON.stringify({
    id: i,
    instruction: `Q${i} {with} [brackets] "and" quotes`,
    difficulty: "3",
    "gpt-4-answer": "A",
    "claude-2": " B",
  });

describe("sniffFields", () => {
  it("reads the keys of the first JSON lines, dropping a last line cut off by the read", () => {
    const head = `${med(0)}\n\n${med(1)}\n{"instruction":"cut`;
    expect(sniffFields(head, false)).toEqual({
      keys: ["id", "instruction", "difficulty", "gpt-4-answer", "claude-2"],
      empty: false,
    });
    expect(sniffFields('{"a":1}\n{"b":2}', true).keys).toEqual(["a", "b"]);
    expect(sniffFields('{"a":1}\n{"b":2}', false).keys).toEqual(["a"]);
  });
  it("reads the first complete objects of a JSON array, strings with brackets included", () => {
    const head = `\uFEFF [ ${med(0)},\n {"instruction":"x","input":"]}","topic":"t"}, {"instruction":"cut`;
    expect(sniffFields(head, false).keys).toEqual([
      "id",
      "instruction",
      "difficulty",
      "gpt-4-answer",
      "claude-2",
      "input",
      "topic",
    ]);
  });
  it("says when a file is empty; a file of no objects has no keys", () => {
    expect(sniffFields("", true)).toEqual({ keys: [], empty: true });
    expect(sniffFields(" \n\r\n", true)).toEqual({ keys: [], empty: true });
    expect(sniffFields("[ ]", true)).toEqual({ keys: [], empty: true });
    expect(sniffFields("not json\n[1]", true)).toEqual({ keys: [], empty: false });
  });
});

describe("suggestMapping", () => {
  it("keeps the usual names, and offers an answer field as the output when there is no output", () => {
    expect(suggestMapping(["instruction", "input", "output", "topic"])).toEqual({
      instruction: "instruction",
      input: "input",
      output: "output",
    });
    expect(suggestMapping(["id", "instruction", "difficulty", "gpt-4-answer", "claude-2"])).toEqual({
      instruction: "instruction",
      input: "",
      output: "gpt-4-answer",
    });
    expect(suggestMapping(["q", "a"])).toEqual({ instruction: "q", input: "", output: "" });
  });
});

describe("sniffConversationFields", () => {
  it("offers the fields holding turns in either shape, under any name, and nothing else", () => {
    const head = [
      JSON.stringify({ id: 1, messages: [{ role: "user", content: "q" }], tags: ["a"] }),
      JSON.stringify({ id: 2, chat: [{ from: "human", value: "q" }], empty: [] }),
    ].join("\n");
    expect(sniffConversationFields(head, true)).toEqual(["messages", "chat"]);
    expect(sniffConversationFields('{"instruction":"i","output":"o"}', true)).toEqual([]);
    expect(sniffConversationFields("", true)).toEqual([]);
  });
});
