import "server-only";
import { runDemoArea, type TDemoArea } from "./demo-area";
import { demoAuditArea } from "./demo-audit";
import { createDemoAccounts, hasRealUsers, loadDemoPeople } from "./demo-people";
import { demoSeedsArea } from "./demo-seeds";
import { demoStudyArea } from "./demo-study";

export const DEMO_AREAS: readonly TDemoArea[] = [demoSeedsArea, demoAuditArea, demoStudyArea];

/**
 * Fills an embedded database with the demo accounts and demo data, through the real services
 * (validated and audited like any user's work). Never touches a database that has any account
 * besides the demo ones. Idempotent: each area is written once, all or nothing (lib/demo/demo-area.ts).
 */
export async function seedDemo(): Promise<{ created: number; areas: string[] }> {
  if (await hasRealUsers()) return { created: 0, areas: [] };
  const created = await createDemoAccounts();
  const people = await loadDemoPeople();
  const areas: string[] = [];
  for (const area of DEMO_AREAS) if (await runDemoArea(area, people)) areas.push(area.key);
  return { created, areas };
}
