import "server-only";
import { env } from "@/lib/env";
import { describeError, log } from "@/lib/log/logger";
import { sweepExports, type TSweepPolicy } from "./sweep-exports";

/** Between sweeps: retention is counted in days and abandoned builds in an hour, so minutes do. */
const SWEEP_EVERY_MS = 10 * 60_000;

let started = false;

/** The policy from the environment (EXPORT_RETENTION_DAYS, EXPORT_BUILD_TIMEOUT_MINUTES). */
export function sweepPolicyFromEnv(): TSweepPolicy {
  const e = env();
  return {
    buildTimeoutMs: e.EXPORT_BUILD_TIMEOUT_MINUTES * 60_000,
    retentionMs: e.EXPORT_RETENTION_DAYS ? e.EXPORT_RETENTION_DAYS * 24 * 3_600_000 : null,
  };
}

/**
 * Called once per server process at boot, as the webhook worker is: every process sweeps, and
 * their row locks (SKIP LOCKED, sweep-exports.ts) keep them from fighting over the same export.
 * The first sweep waits a random part of the period, so processes started together spread out.
 */
export function startExportSweeper(): void {
  if (started) return;
  started = true;
  const round = async () => {
    try {
      const r = await sweepExports(sweepPolicyFromEnv());
      if (r.discarded || r.expired || r.purged) log.info("export sweep", r);
    } catch (err) {
      // The database may be away (boot checks retry it): the next round tries again.
      log.warn("export sweep failed", describeError(err));
    }
    setTimeout(() => void round(), SWEEP_EVERY_MS).unref?.();
  };
  setTimeout(() => void round(), Math.round(Math.random() * SWEEP_EVERY_MS)).unref?.();
}
