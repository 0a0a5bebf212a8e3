import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TTx } from "@/lib/db/prisma";

/**
 * The rules migration …_integrity_constraints enforces, as data: its pre-check refuses a database
 * breaking any of them, and `npm run cli -- db:repair` reports and repairs against the same list.
 * Raw SQL on purpose: the repair runs on a database the migration refused, where these columns are
 * still text and may hold spellings the generated enum types cannot represent.
 */
export const USER_REFERENCES = [
  ["IdempotencyKey", "userId"],
  ["Seed", "authorId"],
  ["Seed", "importedById"],
  ["Seed", "approvedById"],
  ["SeedVersion", "savedById"],
  ["SeedDraft", "userId"],
  ["SeedReview", "reviewerId"],
  ["SeedPhiDecision", "decidedById"],
  ["PhiConfirmation", "confirmedById"],
  ["PhiConfirmation", "redactedById"],
  ["Dataset", "createdById"],
  ["AuditCampaign", "createdById"],
  ["AuditItem", "adjudicatedById"],
  ["AuditReview", "reviewerId"],
  ["QueueItem", "onlyForUserId"],
  ["QueueAssignment", "userId"],
  ["Study", "createdById"],
  ["StudyRater", "userId"],
  ["StudyJudgement", "raterId"],
] as const;

/** References to entities other than users: [table, column, referenced table]. */
export const ENTITY_REFERENCES = [
  ["AuditReview", "assignmentId", "QueueAssignment"],
  ["StudyJudgement", "assignmentId", "QueueAssignment"],
  ["StudyComparison", "promptId", "StudyPrompt"],
  ["StudyComparison", "repeatOfId", "StudyComparison"],
  ["StudyJudgeVote", "promptId", "StudyPrompt"],
] as const;

const VERDICT = ["accept", "reject", "revise"] as const;
const CHOICE = ["A", "B", "tie", "both_bad"] as const;
const SIDE = ["A", "B"] as const;
/** Columns that became enums, with the stored spellings they allow. */
export const ENUM_COLUMNS = [
  ["AuditReview", "verdict", VERDICT],
  ["AuditItem", "goldVerdict", VERDICT],
  ["AuditItem", "finalVerdict", VERDICT],
  ["SeedPhiDecision", "decision", ["false_positive", "fixed"]],
  ["Study", "design", ["all_pairs", "vs_reference"]],
  ["StudyComparison", "kind", ["regular", "attention", "repeat"]],
  ["StudyJudgement", "choice", CHOICE],
  ["StudyJudgeVote", "choice", CHOICE],
  ["StudyJudgement", "shownLeft", SIDE],
  ["StudyAssignmentSides", "shownLeft", SIDE],
] as const;

export type TTable =
  (typeof USER_REFERENCES)[number][0] | (typeof ENUM_COLUMNS)[number][0] | "StudyComparison";

/** How a row of each table is named in reports (tables keyed by more than an id). */
const ROW_KEY: Partial<Record<TTable, string>> = {
  IdempotencyKey: `concat_ws('/', t."userId", t.scope, t.key)`,
  SeedDraft: `concat_ws('/', t."seedId", t."userId")`,
  StudyRater: `concat_ws('/', t."studyId", t."userId")`,
  StudyAssignmentSides: `t."assignmentId"::text`,
};

export type TProblemRow = { rowKey: string; value: string | null };
export type TProblem = { check: string; table: TTable; column: string; rows: TProblemRow[] };

const ident = (name: string) => Prisma.raw(`"${name}"`);
const rowKey = (table: TTable) => Prisma.raw(ROW_KEY[table] ?? "t.id::text");

async function rowsOf(tx: TTx, query: Prisma.Sql): Promise<TProblemRow[]> {
  return tx.$queryRaw<TProblemRow[]>(query);
}

/** Every row the migration's pre-check would refuse, grouped by check; [] when it would pass. */
export async function findIntegrityProblems(tx: TTx): Promise<TProblem[]> {
  const problems: TProblem[] = [];
  const add = (check: string, table: TTable, column: string, rows: TProblemRow[]) => {
    if (rows.length) problems.push({ check, table, column, rows });
  };
  for (const [table, column] of USER_REFERENCES) {
    add(
      `${table}.${column}: no such user`,
      table,
      column,
      await rowsOf(
        tx,
        Prisma.sql`
      SELECT ${rowKey(table)} AS "rowKey", t.${ident(column)}::text AS value FROM ${ident(table)} t
       WHERE t.${ident(column)} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = t.${ident(column)})
       ORDER BY 1`,
      ),
    );
  }
  for (const [table, column, target] of ENTITY_REFERENCES) {
    add(
      `${table}.${column}: no such ${target}`,
      table,
      column,
      await rowsOf(
        tx,
        Prisma.sql`
      SELECT ${rowKey(table)} AS "rowKey", t.${ident(column)}::text AS value FROM ${ident(table)} t
       WHERE t.${ident(column)} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${ident(target)} r WHERE r.id = t.${ident(column)})
       ORDER BY 1`,
      ),
    );
  }
  for (const [table, column, allowed] of ENUM_COLUMNS) {
    add(
      `${table}.${column}: unknown spelling`,
      table,
      column,
      await rowsOf(
        tx,
        Prisma.sql`
      SELECT ${rowKey(table)} AS "rowKey", t.${ident(column)}::text AS value FROM ${ident(table)} t
       WHERE t.${ident(column)} IS NOT NULL AND t.${ident(column)}::text <> ALL (${[...allowed]}::text[])
       ORDER BY 1`,
      ),
    );
  }
  add(
    "QueueItem slots: not 0 <= claimedSlots <= capacity and 0 <= completedSlots <= claimedSlots",
    "QueueItem",
    "claimedSlots",
    await rowsOf(
      tx,
      Prisma.sql`
    SELECT t.id::text AS "rowKey", concat(t."completedSlots", '/', t."claimedSlots", '/', t.capacity) AS value FROM "QueueItem" t
     WHERE t."claimedSlots" < 0 OR t."claimedSlots" > t.capacity OR t."completedSlots" < 0 OR t."completedSlots" > t."claimedSlots"
     ORDER BY 1`,
    ),
  );
  return problems;
}
