import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { conflictRows } from "./conflict-rows";
import { SeedConflict } from "./seed-conflict";
import type { TEditorFields } from "./seed-editor";

const terms = [
  { id: "t-topic", label: "Cardiology" },
  { id: "t-view", label: "Patient" },
  { id: "t-student", label: "Student" },
  { id: "t-type", label: "Open Q&A" },
];
const theirs = {
  topicId: "t-topic",
  topic: "Cardiology",
  viewId: "t-view",
  view: "Patient",
  typeId: "t-type",
  type: "Open Q&A",
  instruction: "Explain stable angina to a patient.",
  input: "",
  difficulty: 2,
  referenceAnswer: "",
  specialtyTags: ["cardiology"],
  authorNotes: "",
  duplicateReason: "",
};
const yours: TEditorFields = {
  topicId: "t-topic",
  viewId: "t-student",
  typeId: "t-type",
  instruction: "Explain stable angina to a medical student.",
  input: "",
  difficulty: "2",
  referenceAnswer: "",
  specialtyTags: " cardiology ",
  authorNotes: "",
  duplicateReason: "",
};

describe("the edit-conflict view", () => {
  it("lists only the fields that differ, with their value and yours, and what taking theirs sets", () => {
    const rows = conflictRows(theirs, yours, terms);
    expect(rows).toEqual([
      { field: "viewId", label: "View", theirs: "Patient", yours: "Student", theirsValue: "t-view" },
      {
        field: "instruction",
        label: "Instruction",
        theirs: theirs.instruction,
        yours: yours.instruction,
        theirsValue: theirs.instruction,
      },
    ]);
  });

  it("renders both versions side by side with a way to take theirs or save yours on top", () => {
    const html = renderToStaticMarkup(
      createElement(SeedConflict, {
        currentVersion: 4,
        savedBy: "Dr Ada",
        rows: conflictRows(theirs, yours, terms),
        busy: false,
        onTake: () => undefined,
        onTakeAll: () => undefined,
        onSaveMine: () => undefined,
      }),
    );
    expect(html).toContain("Version 4 was saved by Dr Ada while you were editing. Nothing was overwritten.");
    expect(html).toContain("Theirs (version 4)");
    expect(html).toContain("Yours (not saved)");
    expect(html).toMatch(/data-side="theirs">Explain stable angina to a patient\.</);
    expect(html).toMatch(/data-side="yours">Explain stable angina to a medical student\.</);
    expect(html).toContain('aria-label="Use their instruction"');
    expect(html).toContain("Save mine as version 5");
    expect(html).toContain("Discard mine and take theirs");
  });
});
