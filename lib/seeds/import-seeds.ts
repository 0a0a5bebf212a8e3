import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { hasPermission } from "@/lib/auth/permissions";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { AppError, forbidden } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { createSimilarityIndex, NEAR_DUPLICATE_THRESHOLD } from "@/lib/similarity";
import { insertTerm } from "@/lib/vocabulary/add-term";
import { createLabelLookup } from "@/lib/vocabulary/label-lookup";
import { listTerms } from "@/lib/vocabulary/list-terms";
import { lockVocabulary } from "@/lib/vocabulary/lock-vocabulary";
import { exactDuplicateKey } from "./duplicate-key";
import type { TImportOptions } from "./import-schemas";
import { parseSeedFile, type TRecordError } from "./parse-seed-file";
import { seedPhiFindings } from "./phi-findings";
import { resolveImportLabels, termsFor } from "./resolve-import-labels";
import { snapshotJson } from "./seed-snapshot";

export type TNearDuplicate = { record: number; score: number; similarSeedId?: string; similarRecord?: number };

const STATUS_CODE = { 400: "BAD_REQUEST", 413: "PAYLOAD_TOO_LARGE", 422: "VALIDATION" } as const;

/** All or nothing: any bad record, unknown label (when refused) or exact duplicate leaves the database unchanged. */
export async function importSeeds(user: TCurrentUser, text: string, opts: TImportOptions, ctx: TRequestContext) {
  if (opts.status === "approved" && user.role !== "ADMIN") throw forbidden("Only an admin can import seeds as approved");
  if (opts.unknownLabels === "add" && !hasPermission(user.role, "vocab:manage")) {
    throw forbidden("Only vocabulary managers can add new labels");
  }
  const parsed = parseSeedFile(text);
  if (!parsed.ok) throw new AppError(STATUS_CODE[parsed.status], parsed.message, { extra: { recordErrors: parsed.errors } });
  const records = parsed.records;

  return db().$transaction(
    async (tx) => {
      await lockVocabulary(tx);
      let lookup = createLabelLookup(await listTerms(tx));
      const { unknown, mapped } = resolveImportLabels(records, lookup);
      if (unknown.length && opts.unknownLabels === "reject") {
        throw new AppError("VALIDATION", `${unknown.length} labels are not in the vocabularies: map or add them first`, {
          extra: { unknownLabels: unknown },
        });
      }

      const existing = await tx.seed.findMany({
        where: { status: { not: "RETIRED" } },
        select: { id: true, instruction: true, input: true },
      });
      const recordErrors: TRecordError[] = [];
      const seen = new Map<string, string>(existing.map((s) => [exactDuplicateKey(s.instruction, s.input), `seed ${s.id}`]));
      const index = createSimilarityIndex(existing.map((s) => ({ id: s.id, text: s.instruction })));
      const nearDuplicates: TNearDuplicate[] = [];
      records.forEach((r, i) => {
        const key = exactDuplicateKey(r.instruction, r.input);
        const twin = seen.get(key);
        if (twin) recordErrors.push({ record: i + 1, field: "instruction", message: `Exact duplicate of ${twin}` });
        else seen.set(key, `record ${i + 1}`);
        const best = index.query(r.instruction, 1)[0];
        if (best && best.score > NEAR_DUPLICATE_THRESHOLD) {
          const similar = best.id.startsWith("record:") ? { similarRecord: Number(best.id.slice(7)) } : { similarSeedId: best.id };
          nearDuplicates.push({ record: i + 1, score: Math.round(best.score * 1000) / 1000, ...similar });
        }
        index.add({ id: `record:${i + 1}`, text: r.instruction });
      });
      if (recordErrors.length) {
        throw new AppError("VALIDATION", "Some records duplicate existing seeds or each other", { extra: { recordErrors } });
      }
      // Warnings only: the importer decides, and seeds imported as submitted still meet the approval check.
      const phiWarnings = records.flatMap((r, i) =>
        seedPhiFindings({ instruction: r.instruction, input: r.input, referenceAnswer: "", authorNotes: "" }).map((f) => ({
          record: i + 1,
          field: f.field,
          kind: f.kind,
        })),
      );
      const summary = { count: records.length, mapped, unknownLabels: unknown, nearDuplicates, phiWarnings };
      if (opts.dryRun) return { dryRun: true, batchId: null, ...summary };

      const addedTerms: { kind: string; label: string }[] = [];
      for (const u of unknown) {
        const aliases = u.spellings.filter((s) => s !== u.label);
        await insertTerm(tx, user, { kind: u.kind, label: u.label, aliases }, ctx);
        addedTerms.push({ kind: u.kind, label: u.label });
      }
      if (addedTerms.length) lookup = createLabelLookup(await listTerms(tx));

      const batchId = randomUUID();
      const now = Date.now();
      const approved = opts.status === "approved";
      const rows = records.map((r, i) => {
        const t = termsFor(r, lookup);
        const snapshot = {
          topicId: t.topic.id,
          topic: t.topic.label,
          viewId: t.view.id,
          view: t.view.label,
          typeId: t.type.id,
          type: t.type.label,
          instruction: r.instruction,
          input: r.input,
          difficulty: r.difficulty,
          referenceAnswer: "",
          specialtyTags: [],
          authorNotes: "",
          duplicateReason: "",
        };
        // createdAt steps by 1 ms so the export keeps the file's order.
        const at = new Date(now + i);
        return { id: randomUUID(), at, snapshot };
      });
      await tx.seed.createMany({
        data: rows.map(({ id, at, snapshot: s }) => ({
          id,
          status: approved ? ("APPROVED" as const) : ("SUBMITTED" as const),
          version: 1,
          authorId: user.id,
          topicId: s.topicId,
          viewId: s.viewId,
          typeId: s.typeId,
          instruction: s.instruction,
          input: s.input === "" ? null : s.input,
          difficulty: s.difficulty,
          importedById: user.id,
          importBatchId: batchId,
          createdAt: at,
          submittedAt: at,
          approvedAt: approved ? at : null,
          approvedById: approved ? user.id : null,
        })),
      });
      await tx.seedVersion.createMany({
        data: rows.map(({ id, snapshot }) => ({
          seedId: id,
          version: 1,
          snapshot: snapshotJson(snapshot),
          savedById: user.id,
          status: approved ? ("APPROVED" as const) : ("SUBMITTED" as const),
        })),
      });
      await recordAudit(tx, ctx, {
        actorId: user.id,
        action: "seeds.import",
        entityType: "seed_import",
        entityId: batchId,
        after: {
          count: records.length,
          status: opts.status,
          sha256: createHash("sha256").update(text).digest("hex"),
          addedTerms,
          mapped,
          nearDuplicates: nearDuplicates.length,
          phiWarnings: phiWarnings.length,
        },
      });
      return { dryRun: false, batchId, ...summary, addedTerms };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
