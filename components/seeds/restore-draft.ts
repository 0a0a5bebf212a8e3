import type { TEditorFields } from "./seed-editor";

/** A version saved after the one the user's text was based on: shown side by side with their text. */
export type TEditorConflict = { currentVersion: number; current: unknown; savedBy?: string };

export type TRestoredEditor = {
  initial: TEditorFields;
  /** The version the editor saves on top of: the draft's base, so a stale draft's save is a 409, never an overwrite. */
  initialVersion: number;
  /** Restored text is unsaved text: "Submit for review" saves it first. */
  dirty: boolean;
  conflict: TEditorConflict | null;
  restored: "none" | "current" | "stale";
};

const FIELDS = [
  "topicId",
  "viewId",
  "typeId",
  "instruction",
  "input",
  "difficulty",
  "referenceAnswer",
  "specialtyTags",
  "authorNotes",
  "duplicateReason",
] as const satisfies readonly (keyof TEditorFields)[];

/** The editor fields an autosave holds; anything else in the stored JSON is ignored. */
function draftFields(payload: unknown): Partial<TEditorFields> {
  if (!payload || typeof payload !== "object" || Array.isArray(payload)) return {};
  const o = payload as Record<string, unknown>;
  const out: Partial<TEditorFields> = {};
  for (const k of FIELDS) {
    const v = o[k];
    if (typeof v === "string") out[k] = v;
    else if (k === "difficulty" && typeof v === "number") out[k] = String(v);
  }
  return out;
}

/**
 * What the editor opens with, given the saved seed and the caller's server-side autosave. A draft
 * based on the current version is restored as unsaved text. A draft based on an older version
 * (someone saved since: another tab, another device, a clinician taking the seed over) is restored
 * too, never dropped, as the conflict a stale save would get: the newer version beside the text.
 */
export function restoreDraft(seed: {
  version: number;
  fields: TEditorFields;
  current: unknown;
  savedBy?: string;
  draft: { baseVersion: number; payload: unknown } | null;
}): TRestoredEditor {
  const clean: TRestoredEditor = {
    initial: seed.fields,
    initialVersion: seed.version,
    dirty: false,
    conflict: null,
    restored: "none",
  };
  if (!seed.draft) return clean;
  const initial = { ...seed.fields, ...draftFields(seed.draft.payload) };
  // The same text as the saved version (an autosave that raced a save): nothing to restore.
  if (FIELDS.every((k) => initial[k].trim() === seed.fields[k].trim())) return clean;
  if (seed.draft.baseVersion === seed.version) {
    return { initial, initialVersion: seed.version, dirty: true, conflict: null, restored: "current" };
  }
  return {
    initial,
    initialVersion: seed.draft.baseVersion,
    dirty: true,
    conflict: { currentVersion: seed.version, current: seed.current, savedBy: seed.savedBy },
    restored: "stale",
  };
}
