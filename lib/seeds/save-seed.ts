import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { AppError, conflict, notFound } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { checkTerms } from "./check-terms";
import { changesJson, diffSnapshots } from "./diff-snapshots";
import { loadSeedForUpdate } from "./load-seed";
import { seedPhiFindings } from "./phi-findings";
import type { TSaveSeed } from "./schemas";
import { seedData } from "./seed-data";
import { snapshotJson } from "./seed-snapshot";
import { seedToSnapshot } from "./seed-to-snapshot";

const EDITABLE = new Set(["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"]);

/**
 * Optimistic concurrency: the save names the version it was based on; if someone saved since, the
 * caller gets 409 with both versions and nothing is overwritten. PHI findings are returned as warnings.
 */
export async function saveSeed(user: TCurrentUser, id: string, input: TSaveSeed, ctx: TRequestContext) {
  const { baseVersion, ...fields } = input;
  return db().$transaction(async (tx) => {
    const seed = await loadSeedForUpdate(tx, user, id);
    if (seed.authorId !== user.id) throw notFound("Seed");
    if (!EDITABLE.has(seed.status)) throw new AppError("CONFLICT", `A ${seed.status.toLowerCase()} seed cannot be edited`);
    if (seed.version !== baseVersion) {
      const latest = await tx.seedVersion.findUniqueOrThrow({ where: { seedId_version: { seedId: id, version: seed.version } } });
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
    const before = seedToSnapshot(seed);
    const version = seed.version + 1;
    const updated = await tx.seed.update({
      where: { id },
      data: { ...seedData(fields), version },
      include: { topic: true, view: true, type: true },
    });
    const after = seedToSnapshot(updated);
    await tx.seedVersion.create({ data: { seedId: id, version, snapshot: snapshotJson(after), savedById: user.id, status: updated.status } });
    await tx.seedDraft.deleteMany({ where: { seedId: id, userId: user.id } });
    const changes = diffSnapshots(before, after);
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "seed.save",
      entityType: "seed",
      entityId: id,
      before: changesJson(changes, "before"),
      after: { ...changesJson(changes, "after"), version },
    });
    const phi = seedPhiFindings(after).map((f) => ({ field: f.field, kind: f.kind, text: f.text, fingerprint: f.fingerprint }));
    return { id, version, changes: changes.map((c) => c.field), phiWarnings: phi };
  });
}
