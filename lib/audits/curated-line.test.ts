import { describe, expect, it } from "vitest";
import { DEFAULT_MAPPING } from "@/lib/datasets/field-mapping";
import { curatedLine, curatedLinePieces } from "./curated-line";

const j = (v: unknown) => JSON.stringify(v);
const audit = { campaign: "c", line: 7, verdict: "revise", flags: [], reviewers: ["r1"] };

describe("curatedLine", () => {
  it("keeps a MedInstruct record's id, its other fields and its answer field by name, with the final text as output", () => {
    const line = curatedLine({
      instructionJson: j("What is MS?"),
      inputJson: j(""),
      outputJson: j("Original answer"),
      finalJson: j("Corrected answer"),
      metadata: { difficulty: "2", id: 12, "claude-2": "Other answer" },
      mapping: { instruction: "instruction", input: "", output: "gpt-4-answer" },
      auditJson: j(audit),
    });
    expect(line).toBe(
      j({
        id: 12,
        instruction: "What is MS?",
        input: "",
        output: "Corrected answer",
        original_output: "Original answer",
        "gpt-4-answer": "Original answer",
        difficulty: "2",
        "claude-2": "Other answer",
        audit,
      }),
    );
  });

  it("writes the plain Alpaca line when the record has no other fields and was accepted", () => {
    const line = curatedLine({
      instructionJson: j("i"),
      inputJson: j("x"),
      outputJson: j("o"),
      finalJson: j("o"),
      metadata: null,
      mapping: DEFAULT_MAPPING,
      auditJson: j(audit),
    });
    expect(line).toBe(j({ instruction: "i", input: "x", output: "o", audit }));
  });

  it("moves a source field named like one of the line's own keys aside instead of losing it", () => {
    const line = curatedLine({
      instructionJson: j("q"),
      inputJson: j(""),
      outputJson: j("long answer"),
      finalJson: j("long answer"),
      metadata: { output: "short answer", audit: { by: "x" } },
      mapping: { instruction: "question", input: "", output: "answer" },
      auditJson: j(audit),
    });
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(parsed).toEqual({
      instruction: "q",
      input: "",
      output: "long answer",
      question: "q",
      answer: "long answer",
      source_overridden: { output: "short answer", audit: { by: "x" } },
      audit,
    });
  });
});

describe("curatedLine for conversations", () => {
  const context = [
    { role: "system" as const, content: "Be careful." },
    { role: "user" as const, content: "Κεφαλαλγία 3 ημέρες 🤕" },
  ];
  it.each([
    ["messages" as const, "messages", { role: "assistant", content: "Corrected **answer**" }],
    ["conversations" as const, "chat", { from: "gpt", value: "Corrected **answer**" }],
  ])("keeps the %s shape under its field name, with the corrected final turn", (shape, field, last) => {
    const line = curatedLine({
      instructionJson: j(context[1]?.content),
      inputJson: j(""),
      outputJson: j("Original"),
      finalJson: j("Corrected **answer**"),
      metadata: { id: "dlg-1", topic: "neuro", audit: "theirs" },
      mapping: { instruction: "", input: "", output: "", conversation: field },
      auditJson: j(audit),
      context,
      conversation: { field, shape },
    });
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      "id",
      field,
      "original_output",
      "topic",
      "source_overridden",
      "audit",
    ]);
    const turns = parsed[field] as Record<string, string>[];
    expect(turns).toHaveLength(3);
    expect(turns[2]).toEqual(last);
    expect(turns[1]).toEqual(
      shape === "messages"
        ? { role: "user", content: context[1]?.content }
        : { from: "human", value: context[1]?.content },
    );
    expect(parsed.original_output).toBe("Original");
    expect(parsed).not.toHaveProperty("instruction");
    expect(parsed.source_overridden).toEqual({ audit: "theirs" });
  });
});

describe("curatedLinePieces with byte literals", () => {
  it("spells the same line as the text literals, renamed and overridden fields included", () => {
    const bytes = (s: string) => Buffer.from(s, "utf8");
    const text = {
      instructionJson: JSON.stringify("Dose ≥ 5 µg?"),
      inputJson: JSON.stringify(""),
      outputJson: JSON.stringify("Take 😀 twice"),
      metadata: { id: 7, audit: "theirs", difficulty: "hard" },
      mapping: { instruction: "question", input: "context", output: "gpt-4-answer" },
      auditJson: '{"verdict":"revise"}',
    };
    for (const finalJson of [text.outputJson, JSON.stringify("Take it twice")]) {
      const asText = curatedLine({ ...text, finalJson });
      const original = bytes(text.outputJson);
      const pieces = curatedLinePieces({
        ...text,
        instructionJson: bytes(text.instructionJson),
        inputJson: bytes(text.inputJson),
        outputJson: original,
        // The original is passed as itself; a correction as text.
        finalJson: finalJson === text.outputJson ? original : finalJson,
      });
      const joined = Buffer.concat(pieces.map((p) => (typeof p === "string" ? Buffer.from(p) : p)));
      expect(joined.toString("utf8")).toBe(asText);
      expect(pieces.some((p) => typeof p !== "string")).toBe(true);
    }
  });
});
