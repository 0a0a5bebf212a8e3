// `npm run cli -- db:repair [--apply]`: repairs the rows migration …_integrity_constraints refuses
// (lib/db/integrity/repair-integrity.ts says what each repair is). A dry run by default.
import { parseArgs } from "node:util";

export const INTEGRITY_MIGRATION = "integrity_constraints";

export async function dbRepairCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { apply: { type: "boolean" } } });
  const { applyIntegrityRepairs, planIntegrityRepairs } =
    await import("../../lib/db/integrity/repair-integrity");
  const result = values.apply ? await applyIntegrityRepairs() : await planIntegrityRepairs();
  const verb = values.apply ? "Repaired" : "Would repair (dry run; --apply to do it)";
  console.log(result.repairs.length ? `${verb}: ${result.repairs.length}` : "Nothing to repair.");
  for (const r of result.repairs) console.log(`  ${r.action}  ${r.target}: ${r.change}`);
  if (result.unresolved.length) {
    console.log("Left for a person to decide (the migration stays refused until they are fixed):");
    for (const p of result.unresolved)
      console.log(`  ${p.check}: ${p.rows.map((r) => `${r.rowKey} -> ${r.value ?? "null"}`).join(", ")}`);
  }
  if (values.apply && !result.unresolved.length) {
    const { db } = await import("../../lib/db/prisma");
    // What `prisma migrate resolve --rolled-back` does: the refused attempt stops blocking the next one.
    const cleared = await db().$executeRaw`
      UPDATE _prisma_migrations SET rolled_back_at = now()
       WHERE migration_name LIKE ${`%_${INTEGRITY_MIGRATION}`} AND finished_at IS NULL AND rolled_back_at IS NULL`;
    if (cleared)
      console.log(
        `Marked the refused ${INTEGRITY_MIGRATION} attempt as rolled back: start the app (or npm run db:migrate) again.`,
      );
  }
  if (result.unresolved.length) process.exitCode = 2;
}
