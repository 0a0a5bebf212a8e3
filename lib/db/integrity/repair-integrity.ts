import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TAuditEntityType } from "@/lib/audit/vocabulary";
import { db, type TTx } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { newPseudonym } from "@/lib/users/pseudonym";
import { canonicalSpelling } from "./canonical-spelling";
import { ENUM_COLUMNS, findIntegrityProblems, type TProblem, type TTable } from "./integrity-checks";

/**
 * What `npm run cli -- db:repair` does about each kind of problem. Nothing is ever deleted:
 * - a reference to a user who does not exist gets a placeholder account with that very id
 *   (disabled, no password, e-mail under the reserved .invalid domain): the reviews and judgements
 *   keep their author, and one placeholder per id keeps different people apart in agreement and
 *   consistency statistics, which one shared "tombstone" user would merge;
 * - a misspelt enum value is rewritten to the one allowed spelling it evidently meant;
 * - a queue item's slot counts are recomputed from its assignments (live leases plus submissions),
 *   its capacity raised to match when more people already hold it;
 * - a repeat whose original comparison is gone loses the dangling link.
 * The rest (a review or judgement whose assignment is gone, a comparison or judge vote whose
 * prompt is gone, a spelling matching nothing) is reported for a person to decide.
 */
export type TRepair = {
  action: "placeholder_user" | "enum_spelling" | "slot_counts" | "repeat_link_cleared";
  target: string;
  change: string;
};
export type TRepairPlan = { repairs: TRepair[]; unresolved: TProblem[] };

const ENTITY_OF: Record<TTable, TAuditEntityType> = {
  IdempotencyKey: "user",
  Seed: "seed",
  SeedVersion: "seed",
  SeedDraft: "seed",
  SeedReview: "seed_review",
  SeedPhiDecision: "seed_phi_decision",
  PhiConfirmation: "user",
  Dataset: "dataset",
  AuditCampaign: "audit_campaign",
  AuditItem: "audit_item",
  AuditReview: "audit_review",
  QueueItem: "queue_item",
  QueueAssignment: "queue_assignment",
  Study: "study",
  StudyRater: "study",
  StudyJudgement: "study_judgement",
  StudyJudgeVote: "study_judge_vote",
  StudyComparison: "study_comparison",
  StudyAssignmentSides: "queue_assignment",
};
const KEY_COLUMN: Partial<Record<TTable, string>> = { StudyAssignmentSides: "assignmentId" };
const ident = (name: string) => Prisma.raw(`"${name}"`);

type TStep = TRepair & { run: (tx: TTx) => Promise<void> };

async function slotCounts(tx: TTx, itemId: string) {
  const [row] = await tx.$queryRaw<
    { capacity: number; claimed: number; completed: number; oldClaimed: number; oldCompleted: number }[]
  >`
    SELECT qi.capacity, qi."claimedSlots" AS "oldClaimed", qi."completedSlots" AS "oldCompleted",
           (SELECT count(*)::int FROM "QueueAssignment" a WHERE a."itemId" = qi.id AND a.status IN ('LEASED', 'SUBMITTED')) AS claimed,
           (SELECT count(*)::int FROM "QueueAssignment" a WHERE a."itemId" = qi.id AND a.status = 'SUBMITTED') AS completed
      FROM "QueueItem" qi WHERE qi.id = ${itemId}::uuid`;
  // Found by the plan in this transaction: gone only if something deleted it meanwhile.
  if (!row) throw notFound("Queue item");
  return row;
}

async function plan(tx: TTx): Promise<{ steps: TStep[]; unresolved: TProblem[] }> {
  const steps: TStep[] = [];
  const unresolved: TProblem[] = [];
  const missingUsers = new Map<string, string[]>();
  for (const p of await findIntegrityProblems(tx)) {
    const left: TProblem = { ...p, rows: [] };
    for (const r of p.rows) {
      const allowed = ENUM_COLUMNS.find(([t, c]) => t === p.table && c === p.column)?.[2];
      if (p.check.endsWith("no such user") && r.value) {
        missingUsers.set(r.value, [
          ...(missingUsers.get(r.value) ?? []),
          `${p.table}.${p.column} ${r.rowKey}`,
        ]);
      } else if (allowed && r.value !== null && canonicalSpelling(r.value, allowed)) {
        const to = canonicalSpelling(r.value, allowed) ?? "";
        const key = ident(KEY_COLUMN[p.table] ?? "id");
        steps.push({
          action: "enum_spelling",
          target: `${p.table} ${r.rowKey}`,
          change: `${p.column} ${JSON.stringify(r.value)} -> ${JSON.stringify(to)}`,
          run: async (t) => {
            await t.$executeRaw`UPDATE ${ident(p.table)} SET ${ident(p.column)} = ${to} WHERE ${key} = ${r.rowKey}::uuid`;
            await recordAudit(t, null, {
              actorId: null,
              action: "integrity.enum_spelling",
              entityType: ENTITY_OF[p.table],
              entityId: r.rowKey,
              before: { [p.column]: r.value },
              after: { [p.column]: to },
            });
          },
        });
      } else if (p.table === "QueueItem") {
        const s = await slotCounts(tx, r.rowKey);
        const capacity = Math.max(s.capacity, s.claimed);
        steps.push({
          action: "slot_counts",
          target: `QueueItem ${r.rowKey}`,
          change: `completed/claimed/capacity ${s.oldCompleted}/${s.oldClaimed}/${s.capacity} -> ${s.completed}/${s.claimed}/${capacity} (from its assignments)`,
          run: async (t) => {
            await t.$executeRaw`UPDATE "QueueItem" SET "claimedSlots" = ${s.claimed}, "completedSlots" = ${s.completed}, capacity = ${capacity} WHERE id = ${r.rowKey}::uuid`;
            await recordAudit(t, null, {
              actorId: null,
              action: "integrity.slot_counts",
              entityType: "queue_item",
              entityId: r.rowKey,
              before: { capacity: s.capacity, claimedSlots: s.oldClaimed, completedSlots: s.oldCompleted },
              after: { capacity, claimedSlots: s.claimed, completedSlots: s.completed },
            });
          },
        });
      } else if (p.table === "StudyComparison" && p.column === "repeatOfId") {
        steps.push({
          action: "repeat_link_cleared",
          target: `StudyComparison ${r.rowKey}`,
          change: `repeatOfId ${r.value} (no such comparison) -> null`,
          run: async (t) => {
            await t.$executeRaw`UPDATE "StudyComparison" SET "repeatOfId" = NULL WHERE id = ${r.rowKey}::uuid`;
            await recordAudit(t, null, {
              actorId: null,
              action: "integrity.repeat_link_cleared",
              entityType: "study_comparison",
              entityId: r.rowKey,
              before: { repeatOfId: r.value },
              after: { repeatOfId: null },
            });
          },
        });
      } else left.rows.push(r);
    }
    if (left.rows.length) unresolved.push(left);
  }
  for (const [id, referencedBy] of missingUsers) {
    steps.unshift({
      action: "placeholder_user",
      target: `User ${id}`,
      change: `placeholder account (disabled, no password) for ${referencedBy.length} reference(s): ${referencedBy.slice(0, 5).join(", ")}${referencedBy.length > 5 ? ", …" : ""}`,
      run: async (t) => {
        await t.user.create({
          data: {
            id,
            email: `missing-${id}@users.invalid`,
            name: "Missing user (restored by db:repair)",
            role: "CLINICIAN",
            status: "DISABLED",
            pseudonym: newPseudonym(),
          },
        });
        await recordAudit(t, null, {
          actorId: null,
          action: "integrity.placeholder_user",
          entityType: "user",
          entityId: id,
          after: { references: referencedBy.length },
        });
      },
    });
  }
  return { steps, unresolved };
}

const strip = (steps: TStep[]): TRepair[] =>
  steps.map(({ action, target, change }) => ({ action, target, change }));

/** The repairs db:repair would make, and what it cannot repair; changes nothing. */
export async function planIntegrityRepairs(): Promise<TRepairPlan> {
  const { steps, unresolved } = await plan(db());
  return { repairs: strip(steps), unresolved };
}

/** Makes every repair in one transaction, each with its audit row; answers what was done and what is left. */
export async function applyIntegrityRepairs(): Promise<TRepairPlan> {
  return db().$transaction(
    async (tx) => {
      const { steps, unresolved } = await plan(tx);
      for (const s of steps) await s.run(tx);
      return { repairs: strip(steps), unresolved };
    },
    { timeout: 300_000 },
  );
}
