import { diffSnapshots } from "@/lib/seeds/diff-snapshots";
import { readSnapshot, type TSeedSnapshot } from "@/lib/seeds/seed-snapshot";
import type { TEditorFields } from "./seed-editor";

type TTerm = { id: string; label: string };

export type TConflictRow = {
  field: keyof TEditorFields;
  label: string;
  theirs: string;
  yours: string;
  /** What the editor field becomes when the user takes their value. */
  theirsValue: string;
};

const LABELS: Record<string, { field: keyof TEditorFields; label: string }> = {
  topic: { field: "topicId", label: "Topic" },
  view: { field: "viewId", label: "View" },
  type: { field: "typeId", label: "Type" },
  instruction: { field: "instruction", label: "Instruction" },
  input: { field: "input", label: "Input" },
  difficulty: { field: "difficulty", label: "Difficulty" },
  referenceAnswer: { field: "referenceAnswer", label: "Reference answer" },
  specialtyTags: { field: "specialtyTags", label: "Specialty tags" },
  authorNotes: { field: "authorNotes", label: "Notes for reviewers" },
  duplicateReason: { field: "duplicateReason", label: "Reason despite a similar seed" },
};

/** The editor's unsaved fields in the shape the server stores, so both sides diff field by field. */
export function editorSnapshot(f: TEditorFields, terms: readonly TTerm[]): TSeedSnapshot {
  const label = (id: string) => (id ? (terms.find((t) => t.id === id)?.label ?? null) : null);
  return {
    topicId: f.topicId || null,
    topic: label(f.topicId),
    viewId: f.viewId || null,
    view: label(f.viewId),
    typeId: f.typeId || null,
    type: label(f.typeId),
    instruction: f.instruction.trim(),
    input: f.input.trim(),
    difficulty: f.difficulty ? Number(f.difficulty) : null,
    referenceAnswer: f.referenceAnswer.trim(),
    specialtyTags: [
      ...new Set(
        f.specialtyTags
          .split(",")
          .map((t) => t.trim())
          .filter(Boolean),
      ),
    ],
    authorNotes: f.authorNotes.trim(),
    duplicateReason: f.duplicateReason.trim(),
  };
}

/** The editor fields holding the saved version, for "take theirs". */
export function snapshotToEditor(s: TSeedSnapshot): TEditorFields {
  return {
    topicId: s.topicId ?? "",
    viewId: s.viewId ?? "",
    typeId: s.typeId ?? "",
    instruction: s.instruction,
    input: s.input,
    difficulty: s.difficulty === null ? "" : String(s.difficulty),
    referenceAnswer: s.referenceAnswer,
    specialtyTags: s.specialtyTags.join(", "),
    authorNotes: s.authorNotes,
    duplicateReason: s.duplicateReason,
  };
}

// Snapshot values are strings, numbers, null or string arrays (specialty tags).
function show(v: unknown): string {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string").join(", ");
  return typeof v === "string" || typeof v === "number" ? String(v) : "";
}

/** One row per field that differs between the latest saved version and the user's unsaved text. */
export function conflictRows(
  current: unknown,
  yours: TEditorFields,
  terms: readonly TTerm[],
): TConflictRow[] {
  const theirs = readSnapshot(current as Parameters<typeof readSnapshot>[0]);
  const theirsEditor = snapshotToEditor(theirs);
  return diffSnapshots(theirs, editorSnapshot(yours, terms)).flatMap((c) => {
    const meta = LABELS[c.field];
    if (!meta) return [];
    return [
      {
        field: meta.field,
        label: meta.label,
        theirs: show(c.before),
        yours: show(c.after),
        theirsValue: theirsEditor[meta.field],
      },
    ];
  });
}
