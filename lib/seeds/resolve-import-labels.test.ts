import { describe, expect, it } from "vitest";
import { createLabelLookup } from "@/lib/vocabulary/label-lookup";
import type { TAlpacaSeed } from "./alpacare-format";
import { resolveImportLabels } from "./resolve-import-labels";

const rec = (type: string, view = "Patient"): TAlpacaSeed => ({
  topic: "Cardiology",
  view,
  type,
  instruction: "x",
  input: "",
  difficulty: 1,
});

describe("resolveImportLabels", () => {
  const lookup = createLabelLookup([
    { id: "t1", kind: "TYPE", label: "Multiple-choice Q&A", aliases: [] },
    { id: "t2", kind: "TYPE", label: "Classification", aliases: ["Classifications"] },
    { id: "v1", kind: "VIEW", label: "Patient", aliases: [] },
    { id: "c1", kind: "TOPIC", label: "Cardiology", aliases: [] },
  ]);

  it("maps spelling variants and aliases, and groups unknown variants with their record numbers", () => {
    const r = resolveImportLabels(
      [
        rec("Multiple Choice Q&A"),
        rec("Classifications"),
        rec("Multiple-hop Reasoning"),
        rec("Multiple-Hop Reasoning", "patient"),
      ],
      lookup,
    );
    expect(r.mapped).toEqual([
      { kind: "TYPE", from: "Multiple Choice Q&A", to: "Multiple-choice Q&A" },
      { kind: "TYPE", from: "Classifications", to: "Classification" },
      { kind: "VIEW", from: "patient", to: "Patient" },
    ]);
    expect(r.unknown).toEqual([
      {
        kind: "TYPE",
        label: "Multiple-hop Reasoning",
        spellings: ["Multiple-hop Reasoning", "Multiple-Hop Reasoning"],
        records: [3, 4],
      },
    ]);
  });
});

describe("resolveImportLabels with retired terms", () => {
  const live = createLabelLookup([
    { id: "t1", kind: "TYPE", label: "Rewrite", aliases: ["Paraphrase"] },
    { id: "v1", kind: "VIEW", label: "Patient", aliases: [] },
    { id: "c1", kind: "TOPIC", label: "Cardiology", aliases: [] },
  ]);
  const retired = createLabelLookup([
    { id: "t2", kind: "TYPE", label: "Paraphrase", aliases: [] },
    { id: "t3", kind: "TYPE", label: "Banter", aliases: [] },
  ]);

  it("never matches a retired term, and says which retired term a label belonged to", () => {
    const r = resolveImportLabels([rec("paraphrase"), rec("Banter")], live, retired);
    expect(r.mapped).toEqual([
      { kind: "TYPE", from: "paraphrase", to: "Rewrite", retiredTerm: "Paraphrase" },
    ]);
    expect(r.unknown).toEqual([
      { kind: "TYPE", label: "Banter", spellings: ["Banter"], records: [2], retiredTerm: "Banter" },
    ]);
  });
});
