import type { Prisma } from "@/lib/generated/prisma/client";

/** The editable fields of a seed, as stored in every SeedVersion (labels kept for readable history). */
export type TSeedSnapshot = {
  topicId: string | null;
  topic: string | null;
  viewId: string | null;
  view: string | null;
  typeId: string | null;
  type: string | null;
  instruction: string;
  input: string;
  difficulty: number | null;
  referenceAnswer: string;
  specialtyTags: string[];
  authorNotes: string;
  duplicateReason: string;
};

export const SNAPSHOT_FIELDS = [
  "topic",
  "view",
  "type",
  "instruction",
  "input",
  "difficulty",
  "referenceAnswer",
  "specialtyTags",
  "authorNotes",
  "duplicateReason",
] as const;

export function snapshotJson(s: TSeedSnapshot): Prisma.InputJsonObject {
  return { ...s };
}

/** Missing keys in an old snapshot read as empty, so history survives new fields. */
export function readSnapshot(value: Prisma.JsonValue): TSeedSnapshot {
  const o = (value && typeof value === "object" && !Array.isArray(value) ? value : {}) as Record<
    string,
    unknown
  >;
  const str = (k: string) => (typeof o[k] === "string" ? o[k] : "");
  const strOrNull = (k: string) => (typeof o[k] === "string" ? o[k] : null);
  return {
    topicId: strOrNull("topicId"),
    topic: strOrNull("topic"),
    viewId: strOrNull("viewId"),
    view: strOrNull("view"),
    typeId: strOrNull("typeId"),
    type: strOrNull("type"),
    instruction: str("instruction"),
    input: str("input"),
    difficulty: typeof o.difficulty === "number" ? o.difficulty : null,
    referenceAnswer: str("referenceAnswer"),
    specialtyTags: Array.isArray(o.specialtyTags)
      ? o.specialtyTags.filter((t): t is string => typeof t === "string")
      : [],
    authorNotes: str("authorNotes"),
    duplicateReason: str("duplicateReason"),
  };
}
