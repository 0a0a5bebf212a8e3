import "server-only";
import { db } from "@/lib/db/prisma";
import type { TTx } from "@/lib/db/prisma";
import type { TTermRef } from "./label-lookup";

/** Live (not retired) terms of every kind, alphabetical per kind. */
export async function listTerms(tx: TTx = db()): Promise<TTermRef[]> {
  return tx.vocabularyTerm.findMany({
    where: { retiredAt: null },
    select: { id: true, kind: true, label: true, aliases: true },
    orderBy: [{ kind: "asc" }, { label: "asc" }],
  });
}
