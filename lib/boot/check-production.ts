import "server-only";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { productionRefusals } from "@/lib/boot/production-guards";

export async function checkProductionBoot(): Promise<string[]> {
  const e = env();
  const secretProblems = productionRefusals({ embedded: e.CLINREVIEW_EMBEDDED, secret: e.NEXTAUTH_SECRET, demoAccounts: 0 });
  if (secretProblems.length > 0) return secretProblems;
  const demoAccounts = e.CLINREVIEW_EMBEDDED ? 0 : await db().user.count({ where: { isDemo: true } });
  return productionRefusals({ embedded: e.CLINREVIEW_EMBEDDED, secret: e.NEXTAUTH_SECRET, demoAccounts });
}
