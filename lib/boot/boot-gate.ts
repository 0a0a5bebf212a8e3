import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/errors/database-unavailable";

/**
 * The production start-up checks (lib/boot/check-production.ts) need the database. When it is
 * unreachable at boot the process still serves, so /api/health can answer 503, but the checks
 * are retried in the background and, until they pass, every sign-in and every session or token
 * check runs them first and fails the request otherwise. So a database that comes back with demo
 * accounts in it is refused before anyone can use one.
 */
export type TBootCheckDeps = {
  /** The refusal reasons (empty: may serve); throws when the database cannot be reached. */
  check: () => Promise<string[]>;
  /** Logs the reasons and exits the process (tests pass a recorder). */
  refuse: (reasons: string[]) => void;
  retryMs: number;
  onPassed?: () => void;
};

export type TBootOutcome = { outcome: "passed" | "refused" } | { outcome: "unreachable"; error: unknown };

type TGate = {
  deps: TBootCheckDeps;
  pending: boolean;
  inflight: Promise<void> | null;
  timer: NodeJS.Timeout | null;
};

// On globalThis: register() runs in the instrumentation bundle, the auth code in the app bundles.
const KEY = Symbol.for("clinreview.bootGate");
const g = globalThis as unknown as Record<symbol, TGate | undefined>;

async function attempt(deps: TBootCheckDeps): Promise<TBootOutcome> {
  let reasons: string[];
  try {
    reasons = await deps.check();
  } catch (error) {
    return { outcome: "unreachable", error };
  }
  if (reasons.length > 0) {
    deps.refuse(reasons);
    return { outcome: "refused" };
  }
  return { outcome: "passed" };
}

/** Runs the checks at boot; when they cannot be made, arms the gate and retries every retryMs. */
export async function runBootChecks(deps: TBootCheckDeps): Promise<TBootOutcome> {
  const first = await attempt(deps);
  if (first.outcome !== "unreachable") return first;
  const gate: TGate = { deps, pending: true, inflight: null, timer: null };
  g[KEY] = gate;
  gate.timer = setInterval(() => {
    ensureBootChecked().catch(() => undefined);
  }, deps.retryMs);
  gate.timer.unref();
  return first;
}

/**
 * Awaited before anyone is authenticated. A no-op once the checks passed, and where they never
 * ran (tests, CLI scripts); while they are pending it runs them (one attempt at a time) and throws
 * unless they pass.
 */
export async function ensureBootChecked(): Promise<void> {
  const gate = g[KEY];
  if (!gate?.pending) return;
  gate.inflight ??= attempt(gate.deps)
    .then((r) => {
      if (r.outcome !== "passed") return;
      gate.pending = false;
      if (gate.timer) clearInterval(gate.timer);
      gate.deps.onPassed?.();
    })
    .finally(() => {
      gate.inflight = null;
    });
  await gate.inflight;
  // A 503 (with Retry-After) to API callers: the instance will serve once the checks pass.
  // The digest lets a page's error screen say "database unavailable" (app/error.tsx).
  if (gate.pending) {
    const err = new AppError(
      "UNAVAILABLE",
      "ClinReview's start-up checks have not passed yet (database unreachable, or the instance is refusing to start)",
    );
    throw Object.assign(err, { digest: DATABASE_UNAVAILABLE_DIGEST });
  }
}

/** For tests: forget any armed gate. */
export function resetBootGate(): void {
  const gate = g[KEY];
  if (gate?.timer) clearInterval(gate.timer);
  g[KEY] = undefined;
}
