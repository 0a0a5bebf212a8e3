import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { AppError, conflict, notFound } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { checkSeedReady, findNearDuplicates } from "./check-seed-ready";
import { checkTerms } from "./check-terms";
import { changesJson, diffSnapshots } from "./diff-snapshots";
import type { TSimilarSeed } from "./find-similar-seeds";
import { loadSeedForUpdate } from "./load-seed";
import { findingsEditedAway, phiWarnings } from "./phi-findings";
import { redactSeedHistory } from "./redact-seed-history";
import { revisionRight } from "./revision-right";
import type { TSaveSeed } from "./schemas";
import { seedData } from "./seed-data";
import { snapshotJson } from "./seed-snapshot";
import { seedToSnapshot } from "./seed-to-snapshot";

const EDITABLE = new Set(["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"]);

/**
 * Optimistic concurrency: the save names the version it was based on; if someone saved since, the
 * caller gets 409 with both versions and nothing is overwritten. PHI findings are returned as
 * warnings; an open finding whose identifier the save removed counts as fixed, and is redacted
 * from the seed's history in the same transaction.
 */
export async function saveSeed(user: TCurrentUser, id: string, input: TSaveSeed, ctx: TRequestContext) {
  const { baseVersion, ...fields } = input;
  // A submitted seed stays in the reviewers' queue while its author edits it, so a save must keep
  // it as complete as submission required (see below). Similarity is read before the transaction,
  // as in submitSeed; the status read here only decides whether it is needed.
  const pre = await db().seed.findUnique({ where: { id }, select: { status: true } });
  const near: TSimilarSeed[] | null =
    pre?.status === "SUBMITTED" ? await findNearDuplicates(fields.instruction, id, user.id) : null;
  return db().$transaction(async (tx) => {
    const seed = await loadSeedForUpdate(tx, user, id);
    const right = await revisionRight(tx, user, seed);
    if (!right) throw notFound("Seed");
    if (!EDITABLE.has(seed.status))
      throw new AppError("CONFLICT", `A ${seed.status.toLowerCase()} seed cannot be edited`);
    if (seed.version !== baseVersion) {
      const latest = await tx.seedVersion.findUniqueOrThrow({
        where: { seedId_version: { seedId: id, version: seed.version } },
      });
      const savedBy = await tx.user.findUnique({ where: { id: latest.savedById }, select: { name: true } });
      throw conflict("Someone saved this seed after you opened it. Compare both versions and save again.", {
        currentVersion: seed.version,
        current: latest.snapshot,
        savedBy: savedBy?.name ?? null,
        savedAt: latest.createdAt.toISOString(),
        yours: { ...fields, baseVersion },
      });
    }
    await checkTerms(tx, fields, seed);
    if (seed.status === "SUBMITTED") {
      // Why check rather than send it back to draft: a reviewer may have it open right now, and a
      // draft is private to its author, so the seed would vanish from their screen and the queue
      // until the author remembered to resubmit. Keeping it submitted but never incomplete (and
      // never an unexplained near duplicate) means the reviewer always reads a finished seed, and
      // the version check on review makes them read the new version before deciding.
      if (!near) throw new AppError("CONFLICT", "The seed was submitted while you were saving. Save again.");
      checkSeedReady(
        fields,
        near,
        "A submitted seed must stay complete: fix these fields or wait for the review",
      );
    }
    const before = seedToSnapshot(seed);
    const version = seed.version + 1;
    const updated = await tx.seed.update({
      where: { id },
      data: { ...seedData(fields), version, ...(right === "take_over" ? { authorId: user.id } : {}) },
      include: { topic: true, view: true, type: true },
    });
    const after = seedToSnapshot(updated);
    await tx.seedVersion.create({
      data: {
        seedId: id,
        version,
        snapshot: snapshotJson(after),
        savedById: user.id,
        status: updated.status,
      },
    });
    await tx.seedDraft.deleteMany({ where: { seedId: id, userId: user.id } });
    if (right === "take_over") {
      await recordAudit(tx, ctx, {
        actorId: user.id,
        action: "seed.take_over",
        entityType: "seed",
        entityId: id,
        before: { authorId: seed.authorId },
        after: {
          authorId: user.id,
          reason: "The author cannot write seeds; changes were requested",
          version,
        },
      });
    }
    const changes = diffSnapshots(before, after);
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "seed.save",
      entityType: "seed",
      entityId: id,
      before: changesJson(changes, "before"),
      after: { ...changesJson(changes, "after"), version },
    });
    const decisions = await tx.seedPhiDecision.findMany({
      where: { seedId: id },
      select: { field: true, fingerprint: true, decision: true },
    });
    const fixed = findingsEditedAway(before, after, decisions);
    // After the save's own audit row, whose "before" still holds the identifier.
    if (fixed.length)
      await redactSeedHistory(tx, ctx, {
        actorId: user.id,
        seedId: id,
        findings: fixed,
        version,
        via: "save",
      });
    return { id, version, changes: changes.map((c) => c.field), phiWarnings: phiWarnings(after) };
  });
}
