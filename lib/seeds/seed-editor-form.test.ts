import { describe, expect, it } from "vitest";
import { ZSeedEditorForm } from "./schemas";

const blank = {
  topicId: "",
  viewId: "",
  typeId: "",
  instruction: "",
  input: "",
  difficulty: "",
  referenceAnswer: "",
  specialtyTags: "",
  authorNotes: "",
  duplicateReason: "",
};
const messages = (v: Record<string, string>) => {
  const r = ZSeedEditorForm.safeParse(v);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("ZSeedEditorForm (the editor's client-side check)", () => {
  it("uses the server's limits, not copies of them", () => {
    expect(messages({ ...blank, instruction: "x".repeat(10_001) }).instruction).toBe(
      "At most 10000 characters",
    );
    expect(messages({ ...blank, instruction: "ok", input: "y".repeat(20_001) }).input).toBe(
      "At most 20000 characters",
    );
    expect(messages({ ...blank, instruction: "ok", specialtyTags: "t".repeat(61) }).specialtyTags).toBe(
      "Tags are at most 60 characters",
    );
  });
  it("adds the editor's two rules: an instruction to save, and no literal <noinput>", () => {
    expect(messages({ ...blank, instruction: "   " }).instruction).toBe("Write the instruction");
    expect(messages({ ...blank, instruction: "ok", input: " <noinput> " }).input).toBe(
      "Leave the input empty instead of writing <noinput>",
    );
    expect(messages({ ...blank, instruction: "Explain a reading" })).toEqual({});
  });
});
