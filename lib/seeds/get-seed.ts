import "server-only";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";
import { diffSnapshots } from "./diff-snapshots";
import { visibleSeedsWhere } from "./load-seed";
import { seedPhiFindings, unresolvedFindings } from "./phi-findings";
import { canStillWrite } from "./revision-right";
import { readSnapshot } from "./seed-snapshot";
import { seedToSnapshot } from "./seed-to-snapshot";

/** A seed with its history (each version with its field diff), reviews, PHI findings and the caller's autosave. */
export async function getSeed(user: TCurrentUser, id: string) {
  const seed = await db().seed.findFirst({
    where: { AND: [{ id }, visibleSeedsWhere(user)] },
    include: {
      topic: true,
      view: true,
      type: true,
      versions: { orderBy: { version: "asc" } },
      reviews: { orderBy: { createdAt: "asc" } },
      phiDecisions: true,
      drafts: { where: { userId: user.id } },
    },
  });
  if (!seed) throw notFound("Seed");
  const people = await db().user.findMany({
    where: {
      id: {
        in: [
          seed.authorId,
          ...seed.reviews.map((r) => r.reviewerId),
          ...seed.versions.map((v) => v.savedById),
        ],
      },
    },
    select: { id: true, name: true, role: true, status: true },
  });
  const nameOf = (uid: string) => people.find((p) => p.id === uid)?.name ?? "Unknown";
  const snapshots = seed.versions.map((v) => readSnapshot(v.snapshot));
  const current = seedToSnapshot(seed);
  const findings = seedPhiFindings(
    current,
    seed.reviews.map((r) => r.comment),
  );
  const open = unresolvedFindings(findings, seed.phiDecisions);
  return {
    id: seed.id,
    status: seed.status,
    version: seed.version,
    authorId: seed.authorId,
    authorName: nameOf(seed.authorId),
    // False for an importing admin or a disabled account: then a clinician may take the seed over.
    authorCanWrite: canStillWrite(people.find((p) => p.id === seed.authorId) ?? null),
    importBatchId: seed.importBatchId,
    current,
    versions: seed.versions.map((v, i) => ({
      version: v.version,
      status: v.status,
      savedBy: nameOf(v.savedById),
      createdAt: v.createdAt.toISOString(),
      changes: i === 0 ? [] : diffSnapshots(snapshots[i - 1] ?? current, snapshots[i] ?? current),
    })),
    reviews: seed.reviews.map((r) => ({
      version: r.version,
      decision: r.decision,
      comment: r.comment,
      reviewer: nameOf(r.reviewerId),
      createdAt: r.createdAt.toISOString(),
    })),
    phiFindings: findings.map((f) => ({
      field: f.field,
      kind: f.kind,
      text: f.text,
      fingerprint: f.fingerprint,
      confidence: f.confidence,
      resolved: !open.includes(f),
    })),
    draft: seed.drafts[0]
      ? {
          baseVersion: seed.drafts[0].baseVersion,
          payload: seed.drafts[0].payload,
          updatedAt: seed.drafts[0].updatedAt.toISOString(),
        }
      : null,
  };
}
export type TSeedDetail = Awaited<ReturnType<typeof getSeed>>;
