import type { TSeedSnapshot } from "./seed-snapshot";

type TSeedRow = {
  topicId: string | null;
  viewId: string | null;
  typeId: string | null;
  topic: { label: string } | null;
  view: { label: string } | null;
  type: { label: string } | null;
  instruction: string;
  input: string | null;
  difficulty: number | null;
  referenceAnswer: string | null;
  specialtyTags: string[];
  authorNotes: string | null;
  duplicateReason: string | null;
};

export function seedToSnapshot(s: TSeedRow): TSeedSnapshot {
  return {
    topicId: s.topicId,
    topic: s.topic?.label ?? null,
    viewId: s.viewId,
    view: s.view?.label ?? null,
    typeId: s.typeId,
    type: s.type?.label ?? null,
    instruction: s.instruction,
    input: s.input ?? "",
    difficulty: s.difficulty,
    referenceAnswer: s.referenceAnswer ?? "",
    specialtyTags: s.specialtyTags,
    authorNotes: s.authorNotes ?? "",
    duplicateReason: s.duplicateReason ?? "",
  };
}
