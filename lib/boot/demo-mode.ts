import "server-only";
import { db } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { isEmbeddedDatabase } from "@/lib/boot/check-production";

// On globalThis: the auth code runs in several bundles of one process.
const KEY = Symbol.for("clinreview.demoMode");
const g = globalThis as unknown as Record<symbol, Promise<boolean> | undefined>;

/**
 * Whether demo accounts may be used: only on the verified embedded demo database, the same test
 * the production boot check makes (CLINREVIEW_EMBEDDED=1 alone proves nothing). The boot check
 * refuses demo accounts present at start; this refuses one added while the app runs, at every
 * sign-in, session and token check. Asked only for demo accounts, answered once per process.
 */
export function isDemoMode(): Promise<boolean> {
  const e = env();
  if (!e.CLINREVIEW_EMBEDDED) return Promise.resolve(false);
  g[KEY] ??= isEmbeddedDatabase(e.DATABASE_URL, db()).catch((err: unknown) => {
    // Not cached: a database that was down is asked again next time.
    g[KEY] = undefined;
    throw err;
  });
  return g[KEY];
}

/** True when this user may not be used here: a demo account outside demo mode. */
export async function isRefusedDemoAccount(user: { isDemo: boolean } | null | undefined): Promise<boolean> {
  return Boolean(user?.isDemo) && !(await isDemoMode());
}
