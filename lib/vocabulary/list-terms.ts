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

/** Retired terms: still on the seeds that had them, never offered or matched for new ones. */
export async function listRetiredTerms(tx: TTx = db()): Promise<(TTermRef & { retiredAt: Date })[]> {
  const rows = await tx.vocabularyTerm.findMany({
    where: { retiredAt: { not: null } },
    select: { id: true, kind: true, label: true, aliases: true, retiredAt: true },
    orderBy: [{ kind: "asc" }, { label: "asc" }],
  });
  return rows.map((r) => ({ ...r, retiredAt: r.retiredAt ?? new Date(0) }));
}
