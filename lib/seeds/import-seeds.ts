import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { hasPermission } from "@/lib/auth/permissions";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { withoutStatementTimeout } from "@/lib/db/statement-timeout";
import { AppError, forbidden } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { insertTerm } from "@/lib/vocabulary/add-term";
import { createLabelLookup } from "@/lib/vocabulary/label-lookup";
import { listRetiredTerms, listTerms } from "@/lib/vocabulary/list-terms";
import { lockVocabulary } from "@/lib/vocabulary/lock-vocabulary";
import { findIdempotentReplay, storeIdempotentResult } from "@/lib/http/idempotency";
import { clusterNewTerms } from "./cluster-new-terms";
import { findImportDuplicates, type TNearDuplicate } from "./import-duplicates";
import type { TImportOptions } from "./import-schemas";
import { insertImportedSeeds } from "./insert-imported-seeds";
import { parseSeedFile } from "./parse-seed-file";
import { seedPhiFindings } from "./phi-findings";
import { suggestImportLabels } from "./suggest-import-labels";
import { resolveImportLabels, type TLabelMapping, type TUnknownLabel } from "./resolve-import-labels";

export type { TNearDuplicate } from "./import-duplicates";

export type TImportResult = {
  dryRun: boolean;
  batchId: string | null;
  count: number;
  /** Seeds stored as approved (a dry run: that would be; 0 for a submitted import). */
  approved: number;
  mapped: TLabelMapping[];
  unknownLabels: TUnknownLabel[];
  nearDuplicates: TNearDuplicate[];
  phiWarnings: { record: number; field: string; kind: string }[];
  /** Records with possible identifiers: stored as submitted even in an approved import (seedId once stored). */
  heldForReview: { record: number; seedId?: string }[];
  /** New terms for unknown labels (a dry run: that would be added). */
  addedTerms: { kind: string; label: string }[];
  /** How long each step took on the server, in order, for the screen's result summary. */
  phases?: { phase: TImportPhase; ms: number }[];
};
export type TImportPhase = "parse" | "labels" | "duplicates" | "identifiers" | "store";
export type TImportOutcome = { status: 200 | 201; body: TImportResult; replayed: boolean };

const STATUS_CODE = { 400: "BAD_REQUEST", 413: "PAYLOAD_TOO_LARGE", 422: "VALIDATION" } as const;
const IDEMPOTENCY_SCOPE = "seeds-import";
const EMPTY_TEXT = {
  referenceAnswer: "",
  authorNotes: "",
  duplicateReason: "",
  specialtyTags: [] as string[],
};

/**
 * All or nothing: any bad record, unknown label (when refused) or exact duplicate leaves the database
 * unchanged. An approved import never approves a record with possible patient identifiers: such a
 * record is stored as submitted, so the approval check (fix it or have a reviewer rule each finding
 * a false positive) applies to it like to any authored seed. With an idempotency key a retry answers
 * the first import's result instead of importing again.
 */
export async function importSeeds(
  user: TCurrentUser,
  text: string,
  opts: TImportOptions,
  ctx: TRequestContext,
  idempotencyKey: string | null = null,
): Promise<TImportOutcome> {
  if (opts.status === "approved" && user.role !== "ADMIN")
    throw forbidden("Only an admin can import seeds as approved");
  if (opts.unknownLabels === "add" && !hasPermission(user.role, "vocab:manage")) {
    throw forbidden("Only vocabulary managers can add new labels");
  }
  const sha256 = createHash("sha256").update(text).digest("hex");
  const fingerprint = createHash("sha256")
    .update(JSON.stringify([opts.status, opts.unknownLabels, sha256]))
    .digest("hex");

  return db().$transaction(
    async (tx) => {
      await withoutStatementTimeout(tx, "seed-import");
      // The vocabulary lock also serialises imports, so a retry racing its original waits and then replays.
      await lockVocabulary(tx);
      const key = opts.dryRun ? null : idempotencyKey;
      if (key) {
        const replay = await findIdempotentReplay(tx, user.id, IDEMPOTENCY_SCOPE, key, fingerprint);
        if (replay)
          return {
            status: replay.status === 200 ? 200 : 201,
            body: replay.body as TImportResult,
            replayed: true,
          };
      }

      let mark = Date.now();
      const phases: { phase: TImportPhase; ms: number }[] = [];
      const done = (phase: TImportPhase) => {
        const now = Date.now();
        phases.push({ phase, ms: now - mark });
        mark = now;
      };
      const parsed = parseSeedFile(text);
      if (!parsed.ok)
        throw new AppError(STATUS_CODE[parsed.status], parsed.message, {
          extra: { recordErrors: parsed.errors },
        });
      const records = parsed.records;
      done("parse");

      const live = await listTerms(tx);
      let lookup = createLabelLookup(live);
      const { unknown, mapped } = resolveImportLabels(
        records,
        lookup,
        createLabelLookup(await listRetiredTerms(tx)),
      );
      const retiredLabels = unknown.filter((u) => u.retiredTerm);
      if (unknown.length && (opts.unknownLabels === "reject" || retiredLabels.length)) {
        // Adding a retired term's label as new would quietly undo the retirement: the admin decides.
        const why = retiredLabels.length
          ? ` (${retiredLabels.length} belong to retired terms: map them to a live term or restore the term)`
          : "";
        throw new AppError(
          "VALIDATION",
          `${unknown.length} labels are not in the vocabularies: map or add them first${why}`,
          { extra: { unknownLabels: suggestImportLabels(unknown, live) } },
        );
      }

      done("labels");
      const existing = await tx.seed.findMany({
        where: { status: { not: "RETIRED" } },
        select: { id: true, instruction: true, input: true },
      });
      const { recordErrors, nearDuplicates } = findImportDuplicates(existing, records);
      if (recordErrors.length) {
        throw new AppError("VALIDATION", "Some records duplicate existing seeds or each other", {
          extra: { recordErrors },
        });
      }
      done("duplicates");
      // An AlpaCare record carries only instruction and input as free text.
      const phiWarnings = records.flatMap((r, i) =>
        seedPhiFindings({ ...EMPTY_TEXT, instruction: r.instruction, input: r.input }, []).map((f) => ({
          record: i + 1,
          field: f.field,
          kind: f.kind,
        })),
      );
      done("identifiers");
      const flagged = new Set(phiWarnings.map((w) => w.record - 1));
      const approve = (i: number) => opts.status === "approved" && !flagged.has(i);
      const held = opts.status === "approved" ? [...flagged].sort((a, b) => a - b) : [];
      const summary = { count: records.length, mapped, unknownLabels: unknown, nearDuplicates, phiWarnings };
      if (opts.dryRun) {
        // The preview of exactly this import: what it would approve, hold and add (only ids are missing).
        const approved = records.filter((_, i) => approve(i)).length;
        const addedTerms = clusterNewTerms(unknown).map((t) => ({ kind: t.kind, label: t.label }));
        return {
          status: 200,
          body: {
            dryRun: true,
            batchId: null,
            ...summary,
            approved,
            heldForReview: held.map((i) => ({ record: i + 1 })),
            addedTerms,
            phases,
          },
          replayed: false,
        };
      }

      const addedTerms: { kind: string; label: string }[] = [];
      // One term per suggested cluster, its other spellings aliases; in this transaction, so all or nothing.
      for (const t of clusterNewTerms(unknown)) {
        await insertTerm(tx, user, t, ctx);
        addedTerms.push({ kind: t.kind, label: t.label });
      }
      if (addedTerms.length) lookup = createLabelLookup(await listTerms(tx));

      const batchId = randomUUID();
      const seeds = await insertImportedSeeds(tx, {
        userId: user.id,
        batchId,
        records,
        lookup,
        statusOf: (i) => (approve(i) ? "APPROVED" : "SUBMITTED"),
      });
      done("store");
      const body: TImportResult = {
        dryRun: false,
        batchId,
        ...summary,
        approved: seeds.filter((s) => s.status === "APPROVED").length,
        heldForReview: held.map((i) => ({ record: i + 1, seedId: seeds[i]?.id ?? "" })),
        addedTerms,
        phases,
      };
      await recordAudit(tx, ctx, {
        actorId: user.id,
        action: "seed.import",
        entityType: "seed_import",
        entityId: batchId,
        after: {
          count: records.length,
          status: opts.status,
          approved: body.approved,
          heldForReview: held.length,
          sha256,
          idempotencyKey: key,
          addedTerms,
          mapped,
          nearDuplicates: nearDuplicates.length,
          phiWarnings: phiWarnings.length,
        },
      });
      if (key) {
        await storeIdempotentResult(tx, user.id, IDEMPOTENCY_SCOPE, key, {
          request: fingerprint,
          status: 201,
          body,
        });
      }
      return { status: 201, body, replayed: false };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
