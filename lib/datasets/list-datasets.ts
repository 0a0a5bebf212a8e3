import "server-only";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";
import type { TConversationShape } from "@/lib/conversations/types";

const SUMMARY = {
  id: true,
  name: true,
  count: true,
  duplicates: true,
  fields: true,
  conversationShape: true,
  createdAt: true,
  sha256: true,
  licence: true,
} as const;

export type TDatasetSummary = {
  id: string;
  name: string;
  count: number;
  duplicates: number;
  fields: string[];
  /** Chat records: the shape they came in (and go back out in); null for single-text records. */
  conversationShape: TConversationShape | null;
  createdAt: Date;
  /** null: imported before files were hashed. */
  sha256: string | null;
  licence: string | null;
};

/** Published datasets only: a STAGING import is invisible until it completes. */
export function listDatasets(): Promise<TDatasetSummary[]> {
  return db().dataset.findMany({
    where: { status: "READY" },
    orderBy: { createdAt: "desc" },
    select: SUMMARY,
    take: 500,
  });
}

export async function getDataset(id: string): Promise<TDatasetSummary> {
  const d = await db().dataset.findFirst({ where: { id, status: "READY" }, select: SUMMARY });
  if (!d) throw notFound("Dataset");
  return d;
}

export function datasetJson(d: TDatasetSummary) {
  return { ...d, createdAt: d.createdAt.toISOString() };
}
