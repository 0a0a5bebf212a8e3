import "server-only";
import { env } from "@/lib/env";
import { checkProductionBoot } from "@/lib/boot/check-production";
import { runBootChecks } from "@/lib/boot/boot-gate";
import { installPeerAddressStamp } from "@/lib/http/peer-address";
import { setBodyLimitRules, setHsts, setPublicUrl } from "@/lib/http/request-guards";
import { hstsHeader } from "@/lib/security/headers";
import { bodyLimitRules } from "@/lib/http/body-limits";
import { API_ROUTES } from "@/lib/api/registry";
import { describeError, log } from "@/lib/log/logger";
import { startWebhookDelivery } from "@/lib/webhooks/start-webhook-delivery";
import { startExportSweeper } from "@/lib/exports/start-export-sweeper";

const RETRY_MS = 5_000;

/** Start-up checks of a Node server process; exits rather than serve a misconfigured app. */
export async function registerNode(): Promise<void> {
  // First, so no request is served with a client-chosen address (lib/http/request-context.ts)
  // and no body is buffered past its route's limit.
  setBodyLimitRules(bodyLimitRules(API_ROUTES));
  installPeerAddressStamp();
  try {
    setPublicUrl(env().NEXTAUTH_URL);
    setHsts(hstsHeader({ production: env().NODE_ENV === "production", https: env().secureCookies }));
  } catch (err) {
    log.error("refusing to start: invalid configuration", describeError(err));
    process.exit(1);
  }
  const result = await runBootChecks({
    check: () => checkProductionBoot(),
    refuse: (reasons) => {
      for (const r of reasons) log.error("refusing to start", { reason: r });
      process.exit(1);
    },
    retryMs: RETRY_MS,
    onPassed: () => log.info("database reachable: start-up checks passed"),
  });
  if (result.outcome === "unreachable") {
    // Serve, so /api/health answers 503, but nobody signs in until the checks have passed.
    log.warn(
      `database not reachable at start: start-up checks retried every ${RETRY_MS / 1000} s; sign-in is refused until they pass`,
      describeError(result.error),
    );
  }
  // Every process delivers webhooks; the outbox's leases keep them from sending a row twice. Its
  // loop waits out an unreachable database like the checks above.
  startWebhookDelivery();
  // Abandoned export builds, and exports past EXPORT_RETENTION_DAYS (lib/exports/sweep-exports.ts).
  startExportSweeper();
}
