import "server-only";
import type { TTx } from "@/lib/db/prisma";

/** An audit subject ("entityType"/"entityId" of AuditLog) whose rows may copy a written text. */
type TSubject = { entityType: string; entityId: string };

/** What redaction needs to know of one entity whose text a person wrote. */
export type TWrittenEntityState = {
  /** The current text of each PHI-guarded field (the names recordPhiConfirmations stored). */
  fields: Record<string, string | null>;
  /** The queue assignment whose autosaved draft may hold the same text. */
  draftAssignmentId: string | null;
  subjects: TSubject[];
};

type TWrittenEntity = {
  load(tx: TTx, id: string): Promise<TWrittenEntityState | null>;
  write(tx: TTx, id: string, field: string, text: string): Promise<void>;
};

/**
 * Every entity type recordPhiConfirmations is called with, keyed as it is called. A new guarded
 * text must be added here too, or its confirmations could never be redacted (the integration test
 * covers each type).
 */
export const WRITTEN_ENTITIES: Record<string, TWrittenEntity> = {
  // The reviewer's correction and rationale; the audit row of the review is on its item.
  audit_review: {
    async load(tx, id) {
      const r = await tx.auditReview.findUnique({
        where: { id },
        select: { correctedOutput: true, rationale: true, assignmentId: true, itemId: true },
      });
      if (!r) return null;
      return {
        fields: { correctedOutput: r.correctedOutput, rationale: r.rationale },
        draftAssignmentId: r.assignmentId,
        subjects: [
          { entityType: "audit_review", entityId: id },
          { entityType: "audit_item", entityId: r.itemId },
        ],
      };
    },
    async write(tx, id, field, text) {
      if (field === "correctedOutput")
        await tx.auditReview.update({ where: { id }, data: { correctedOutput: text } });
      if (field === "rationale") await tx.auditReview.update({ where: { id }, data: { rationale: text } });
    },
  },
  // An adjudication's final correction.
  audit_item: {
    async load(tx, id) {
      const item = await tx.auditItem.findUnique({ where: { id }, select: { finalOutput: true } });
      if (!item) return null;
      return {
        fields: { correctedOutput: item.finalOutput },
        draftAssignmentId: null,
        subjects: [{ entityType: "audit_item", entityId: id }],
      };
    },
    async write(tx, id, field, text) {
      if (field === "correctedOutput")
        await tx.auditItem.update({ where: { id }, data: { finalOutput: text } });
    },
  },
  // Keyed by the assignment: one rationale is stored on each criterion's judgement row.
  study_judgement: {
    async load(tx, id) {
      const j = await tx.studyJudgement.findFirst({
        where: { assignmentId: id },
        select: { rationale: true },
      });
      if (!j) return null;
      return {
        fields: { rationale: j.rationale },
        draftAssignmentId: id,
        subjects: [
          { entityType: "study_judgement", entityId: id },
          { entityType: "queue_assignment", entityId: id },
          // Rows written before the audit vocabulary (lib/audit/vocabulary.ts) spelled it so.
          { entityType: "QueueAssignment", entityId: id },
        ],
      };
    },
    async write(tx, id, field, text) {
      if (field === "rationale")
        await tx.studyJudgement.updateMany({ where: { assignmentId: id }, data: { rationale: text } });
    },
  },
  // A request for changes: its comment is also in the seed's audit row (seed.request_changes).
  seed_review: {
    async load(tx, id) {
      const r = await tx.seedReview.findUnique({ where: { id }, select: { comment: true, seedId: true } });
      if (!r) return null;
      return {
        fields: { comment: r.comment },
        draftAssignmentId: null,
        subjects: [
          { entityType: "seed_review", entityId: id },
          { entityType: "seed", entityId: r.seedId },
        ],
      };
    },
    async write(tx, id, field, text) {
      if (field === "comment") await tx.seedReview.update({ where: { id }, data: { comment: text } });
    },
  },
};

export const WRITTEN_ENTITY_TYPES = Object.keys(WRITTEN_ENTITIES);
