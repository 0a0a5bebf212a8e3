import "server-only";
import type { TTx } from "@/lib/db/prisma";
import { createLabelLookup, type TTermRef } from "./label-lookup";
import { listRetiredTerms, listTerms } from "./list-terms";
import type { TVocabularyKind } from "./schemas";

export type TSpellingOwners = {
  live(kind: TVocabularyKind, spelling: string): TTermRef | undefined;
  retired(kind: TVocabularyKind, spelling: string): TTermRef | undefined;
};

/** Who already answers to a spelling: a live term (it would be matched) or a retired one (it used to be). */
export async function spellingOwners(tx: TTx): Promise<TSpellingOwners> {
  // One after the other: a transaction's single connection cannot run two queries at once.
  const live = await listTerms(tx);
  const retired = await listRetiredTerms(tx);
  const liveLookup = createLabelLookup(live);
  const retiredLookup = createLabelLookup(retired);
  return { live: (k, s) => liveLookup.find(k, s), retired: (k, s) => retiredLookup.find(k, s) };
}
