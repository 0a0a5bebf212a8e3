// The vocabulary's plain constants, apart from schemas.ts: client components import them, and
// importing schemas.ts there shipped all of zod (112 KB of JavaScript) to the vocabulary page.
// A unit test keeps this file free of imports.

export const VOCABULARY_KINDS = ["TOPIC", "VIEW", "TYPE"] as const;
export type TVocabularyKind = (typeof VOCABULARY_KINDS)[number];

export const VOCABULARY_KIND_LABEL: Record<TVocabularyKind, string> = {
  TOPIC: "Topic",
  VIEW: "View",
  TYPE: "Type",
};

/** Terms per page of the vocabulary page (server render and API alike). */
export const TERMS_PAGE_SIZE = 50;
