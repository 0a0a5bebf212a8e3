import { describe, expect, it } from "vitest";
import { ZImportQuery } from "./schemas";
import { mappingOf } from "./field-mapping";

describe("the import's field mapping (query parameters)", () => {
  it("defaults to instruction, input, output; an empty inputField means no input", () => {
    expect(mappingOf(ZImportQuery.parse({ name: "x" }))).toEqual({
      instruction: "instruction",
      input: "input",
      output: "output",
    });
    expect(
      mappingOf(ZImportQuery.parse({ name: "x", outputField: " gpt-4-answer ", inputField: "" })),
    ).toEqual({ instruction: "instruction", input: "", output: "gpt-4-answer" });
  });
  it("refuses one field in two roles, an empty instruction or output field, and over-long names", () => {
    const issues = (q: Record<string, string>) =>
      ZImportQuery.safeParse({ name: "x", ...q }).error?.issues.map(
        (i) => `${i.path.join(".")}: ${i.message}`,
      );
    expect(issues({ instructionField: "q", outputField: "q" })).toEqual([
      "outputField: The instruction, input and output must be different fields",
    ]);
    expect(issues({ inputField: "output" })).toHaveLength(1);
    expect(issues({ outputField: " " })).toEqual(["outputField: Name a field"]);
    expect(issues({ instructionField: "x".repeat(101) })).toHaveLength(1);
  });
});

describe("conversationField", () => {
  it("reads the records as chats, and excludes the other three fields even when empty", () => {
    expect(mappingOf(ZImportQuery.parse({ name: "x", conversationField: "messages" }))).toEqual({
      instruction: "",
      input: "",
      output: "",
      conversation: "messages",
    });
    for (const other of ["instructionField", "inputField", "outputField"]) {
      const r = ZImportQuery.safeParse({ name: "x", conversationField: "messages", [other]: "" });
      expect(r.error?.issues.map((i) => i.path.join("."))).toContain("conversationField");
    }
    expect(ZImportQuery.safeParse({ name: "x", conversationField: " " }).success).toBe(false);
  });
});
