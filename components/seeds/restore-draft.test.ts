import { describe, expect, it } from "vitest";
import { restoreDraft } from "./restore-draft";
import type { TEditorFields } from "./seed-editor";

const saved: TEditorFields = {
  topicId: "t-topic",
  viewId: "t-view",
  typeId: "t-type",
  instruction: "Explain stable angina to a patient.",
  input: "",
  difficulty: "2",
  referenceAnswer: "",
  specialtyTags: "cardiology",
  authorNotes: "",
  duplicateReason: "",
};
const current = {
  ...saved,
  topic: "Cardiology",
  view: "Patient",
  type: "Open Q&A",
  difficulty: 2,
  specialtyTags: ["cardiology"],
};

describe("restoreDraft", () => {
  it("opens the saved version, clean, when there is no autosave", () => {
    expect(restoreDraft({ version: 3, fields: saved, current, draft: null })).toEqual({
      initial: saved,
      initialVersion: 3,
      dirty: false,
      conflict: null,
      restored: "none",
    });
  });

  it("restores a draft of the current version as unsaved (dirty) text, so submitting saves it first", () => {
    const r = restoreDraft({
      version: 3,
      fields: saved,
      current,
      draft: { baseVersion: 3, payload: { instruction: "Explain unstable angina." } },
    });
    expect(r).toMatchObject({ initialVersion: 3, dirty: true, conflict: null, restored: "current" });
    expect(r.initial).toEqual({ ...saved, instruction: "Explain unstable angina." });
  });

  it("restores a draft of an older version as a conflict against the newer one instead of dropping it", () => {
    const r = restoreDraft({
      version: 4,
      fields: saved,
      current,
      savedBy: "Dr Other",
      draft: { baseVersion: 3, payload: { instruction: "My unsaved text.", difficulty: 4 } },
    });
    expect(r.restored).toBe("stale");
    expect(r.dirty).toBe(true);
    expect(r.initial).toMatchObject({ instruction: "My unsaved text.", difficulty: "4" });
    // Saved on top of the draft's base: a plain save gets the 409, "Save mine" records it as version 5.
    expect(r.initialVersion).toBe(3);
    expect(r.conflict).toEqual({ currentVersion: 4, current, savedBy: "Dr Other" });
  });

  it("restores nothing when the autosave holds the saved text", () => {
    const r = restoreDraft({
      version: 4,
      fields: saved,
      current,
      draft: { baseVersion: 3, payload: { ...saved, instruction: ` ${saved.instruction}` } },
    });
    expect(r).toMatchObject({
      initial: saved,
      initialVersion: 4,
      dirty: false,
      conflict: null,
      restored: "none",
    });
  });

  it("ignores what is not an editor field in the stored JSON", () => {
    const r = restoreDraft({
      version: 1,
      fields: saved,
      current,
      draft: { baseVersion: 1, payload: { instruction: 42, nonsense: "x", input: "Context." } },
    });
    expect(r.initial).toEqual({ ...saved, input: "Context." });
  });
});
