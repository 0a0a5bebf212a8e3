import type { TSeedFields } from "./schemas";

/** The Seed columns written from the editable fields (empty text stored as null). */
export function seedData(f: TSeedFields) {
  return {
    topicId: f.topicId,
    viewId: f.viewId,
    typeId: f.typeId,
    instruction: f.instruction,
    input: f.input || null,
    difficulty: f.difficulty,
    referenceAnswer: f.referenceAnswer || null,
    specialtyTags: f.specialtyTags,
    authorNotes: f.authorNotes || null,
    duplicateReason: f.duplicateReason || null,
  };
}
