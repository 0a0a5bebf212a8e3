import "server-only";
import { env } from "@/lib/env";
import { checkProductionBoot } from "@/lib/boot/check-production";
import { describeError, log } from "@/lib/log/logger";

/** Start-up checks of a Node server process; exits rather than serve a misconfigured app. */
export async function registerNode(): Promise<void> {
  try {
    env();
  } catch (err) {
    log.error("refusing to start: invalid configuration", describeError(err));
    process.exit(1);
  }
  try {
    const refusals = await checkProductionBoot();
    if (refusals.length > 0) {
      for (const r of refusals) log.error("refusing to start", { reason: r });
      process.exit(1);
    }
  } catch (err) {
    // An unreachable database is an outage, not a misconfiguration: serve, and let /api/health say 503.
    log.warn("database not reachable at start; boot checks postponed", describeError(err));
  }
}
