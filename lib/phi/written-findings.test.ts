import { describe, expect, it } from "vitest";
import { changedRanges, writtenFindings, writtenFindingsOf, type TWrittenFinding } from "./written-findings";

const OUTPUT = "Patient John Smith reports chest pain on exertion. Advise rest and review.";

describe("changedRanges", () => {
  it("gives the offsets of added and changed words in the new text only", () => {
    const after = "Patient reports chest pain at rest. Advise rest.";
    const ranges = changedRanges("Patient reports chest pain on exertion. Advise rest and review.", after);
    expect(ranges.map(([s, e]) => after.slice(s, e)).join("|")).toBe("at|rest.|rest.");
  });

  it("is empty for an unchanged copy, and the whole text without a shared word", () => {
    expect(changedRanges(OUTPUT, OUTPUT)).toEqual([]);
    expect(changedRanges("", "Call Jane Doe")).toEqual([[0, 13]]);
  });

  it("finds a one-word edit in a text too long for a whole-text diff", () => {
    const long = Array.from({ length: 3_000 }, (_, i) => `word${i}`).join(" ");
    const after = long.replace("word1500", "Jane Doe");
    const ranges = changedRanges(long, after);
    expect(ranges.map(([s, e]) => after.slice(s, e))).toEqual(["Jane Doe"]);
  });
});

describe("writtenFindings", () => {
  it("without a baseline, reports every finding with its field, kind and offsets, never its text", () => {
    const text = "Seen by Maria Gonzalez on 14 March 2023.";
    const found = writtenFindings({ field: "rationale", text });
    expect(found.map((f) => [f.field, f.kind, text.slice(f.start, f.end)])).toEqual([
      ["rationale", "person_name", "Maria Gonzalez"],
      ["rationale", "date", "14 March 2023"],
    ]);
    expect(JSON.stringify(found)).not.toContain("Gonzalez");
  });

  it("leaves out identifiers copied unchanged from the model's output", () => {
    const corrected = `${OUTPUT} Add aspirin 81 mg daily.`;
    expect(writtenFindings({ field: "correctedOutput", text: corrected, baselines: [OUTPUT] })).toEqual([]);
  });

  it("reports an identifier the person added to a copied text", () => {
    const corrected = OUTPUT.replace("Advise rest", "Tell Jane Doe to rest");
    const found = writtenFindings({ field: "correctedOutput", text: corrected, baselines: [OUTPUT] });
    expect(found.map((f) => corrected.slice(f.start, f.end))).toEqual(["Jane Doe"]);
  });

  it("reports a copied identifier that was changed", () => {
    const corrected = OUTPUT.replace("John Smith", "John Smithson");
    const found = writtenFindings({ field: "correctedOutput", text: corrected, baselines: [OUTPUT] });
    expect(found.map((f) => corrected.slice(f.start, f.end))).toEqual(["John Smithson"]);
  });

  it("reports a copied word that only the person's edit made an identifier", () => {
    const base = "Smith scale of 4; advise rest.";
    const text = "Ms. Smith scale of 4; advise rest.";
    // The baseline's own findings decide: copied text is exempt only if it was flagged there too.
    const inBase = writtenFindings({ field: "x", text: base });
    const found = writtenFindings({ field: "x", text, baselines: [base] });
    expect(found.length).toBeGreaterThan(0);
    const same = (f: TWrittenFinding) =>
      inBase.some((b) => b.kind === f.kind && base.slice(b.start, b.end) === text.slice(f.start, f.end));
    expect(found.some((f) => !same(f))).toBe(true);
  });

  it("exempts a span copied from any one of several baselines (a colleague's correction)", () => {
    const colleague = `${OUTPUT} Seen by Dr. Ada Lovelace.`;
    const text = `${OUTPUT} Seen by Dr. Ada Lovelace.`;
    expect(writtenFindings({ field: "correctedOutput", text, baselines: [OUTPUT, colleague] })).toEqual([]);
    expect(writtenFindings({ field: "correctedOutput", text, baselines: [OUTPUT] })).toHaveLength(1);
  });

  it("reads empty and missing texts as nothing written", () => {
    expect(
      writtenFindingsOf([
        { field: "a", text: "" },
        { field: "b", text: null },
        { field: "c", text: undefined },
      ]),
    ).toEqual([]);
  });

  it("keeps the fields apart and in order", () => {
    const found = writtenFindingsOf([
      { field: "correctedOutput", text: `${OUTPUT} Call 020 7946 0958.`, baselines: [OUTPUT] },
      { field: "rationale", text: "As Jane Doe said." },
    ]);
    expect(found.map((f) => [f.field, f.kind])).toEqual([
      ["correctedOutput", "phone"],
      ["rationale", "person_name"],
    ]);
  });
});
