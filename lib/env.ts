import "server-only";
import { z } from "zod";
import { readFileSync } from "node:fs";
import { queryTimeoutCoversStatement } from "@/lib/db/timeout-options";
import { parseAllowedHosts } from "@/lib/webhooks/allowed-hosts";

/** A yes/no setting: 1/true/on or 0/false/off (any case); unset or empty takes the default. */
export function zBoolFlag(byDefault: boolean) {
  return z
    .string()
    .optional()
    .transform((raw, c) => {
      const v = raw?.trim().toLowerCase() ?? "";
      if (v === "") return byDefault;
      if (["1", "true", "on"].includes(v)) return true;
      if (["0", "false", "off"].includes(v)) return false;
      c.addIssue({ code: "custom", message: "expected 1/0, true/false or on/off" });
      return z.NEVER;
    });
}
const ZBoolFlag = zBoolFlag(false);

const ZWorkers = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z.coerce.number().int().min(1).max(64).optional(),
);

// MB; 0 leaves V8's own (16 MB on 64-bit Node 20). See serverNodeOptions.
const ZSemiSpace = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z.coerce.number().int().min(0).max(256).optional(),
);

const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().min(1, "DATABASE_URL is required"),
    // Per server process: `npm start` runs APP_WORKERS of them (appWorkers below), each with its own pool.
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    APP_WORKERS: ZWorkers,
    // V8's young generation per `next start` process (serverNodeOptions below).
    APP_SEMI_SPACE_MB: ZSemiSpace,
    // Database timeouts (lib/db/timeout-options.ts): waiting for a connection, the server-side
    // statement_timeout and the client-side wait for any answer (0 turns either of the last two off).
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(4_000),
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(10_000),
    DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(12_000),
    NEXTAUTH_SECRET: z.string().min(1, "NEXTAUTH_SECRET is required"),
    NEXTAUTH_URL: z.url().optional(),
    // The HMAC key of PHI fingerprints (lib/phi-guard/fingerprint.ts); derived from NEXTAUTH_SECRET
    // when unset. Changing it makes earlier "not PHI" rulings match nothing (asked again).
    PHI_FINGERPRINT_KEY: z.string().min(32, "must be at least 32 characters").optional(),
    // Set by `npm start` when it runs the embedded demo database.
    CLINREVIEW_EMBEDDED: ZBoolFlag,
    // The hot path's statements as named prepared statements (lib/db/prepared-name.ts): "0" turns
    // them off, e.g. behind PgBouncer in transaction mode unless it runs 1.21+ with
    // max_prepared_statements > 0. Never with the embedded demo.
    DATABASE_PREPARED_STATEMENTS: zBoolFlag(true),
    // A per-process cache of API tokens kept true by LISTEN/NOTIFY (lib/auth/token-cache-process.ts):
    // "0" turns it off, needed behind a transaction-mode pooler (PgBouncer), where LISTEN is not
    // reliable. Never with the embedded demo.
    AUTH_TOKEN_CACHE: zBoolFlag(true),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    SESSION_MAX_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    // Sign-in throttling (lib/auth/login-throttle.ts): an account and address pair is refused, an
    // address is refused, an account as a whole is only slowed down.
    LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: z.coerce.number().int().min(1).default(5),
    LOGIN_SLOW_AFTER_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(20),
    LOGIN_MAX_DELAY_MS: z.coerce.number().int().min(0).max(30_000).default(3_000),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
    LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
    INVITE_TTL_HOURS: z.coerce.number().int().min(1).default(72),
    RESET_TTL_HOURS: z.coerce.number().int().min(1).default(24),
    SMTP_URL: z.string().optional(),
    SMTP_FROM: z.string().optional(),
    OIDC_ISSUER: z.url().optional(),
    OIDC_CLIENT_ID: z.string().optional(),
    OIDC_CLIENT_SECRET: z.string().optional(),
    OIDC_DISPLAY_NAME: z.string().default("Hospital sign-in"),
    TRUST_PROXY: ZBoolFlag,
    // Where webhooks may be sent (lib/webhooks/allowed-hosts.ts): comma-separated host[:port] or
    // host:*; empty allows none, and the delivery worker does not start.
    WEBHOOK_ALLOWED_HOSTS: z
      .string()
      .optional()
      .transform((raw, c) => {
        try {
          return parseAllowedHosts(raw);
        } catch (e) {
          c.addIssue({ code: "custom", message: e instanceof Error ? e.message : String(e) });
          return z.NEVER;
        }
      }),
    // Finished webhook deliveries (delivered or failed for good) and their attempt log are pruned
    // after this many days (lib/webhooks/prune-deliveries.ts); each endpoint's newest stay shown.
    WEBHOOK_DELIVERY_RETENTION_DAYS: z.coerce
      .number()
      .int()
      .min(1)
      .max(10 * 365)
      .default(30),
    // Stored exports (lib/exports/sweep-exports.ts): a completed export's file is deleted this many
    // days after it was made (its manifest and audit rows stay); unset keeps every export.
    EXPORT_RETENTION_DAYS: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.coerce.number().int().min(1).max(36_500).optional(),
    ),
    // How export chunks are stored (lib/exports/chunk-codec.ts): as they are, or deflated (a
    // quarter of the bytes to keep, for CPU at build time: the first download measured ×2 slower
    // on the loaded 2-core bench machine, BENCHMARKS.md).
    EXPORT_CHUNK_COMPRESSION: z.enum(["deflate", "none"]).default("none"),
    // A build still incomplete this long after it began is taken as abandoned by a dead process.
    EXPORT_BUILD_TIMEOUT_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(24 * 60)
      .default(60),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    // The commit the app was built from, for export manifests (else read from BUILD_COMMIT_FILE).
    APP_COMMIT: z.string().trim().max(64).optional(),
  })
  .refine((e) => queryTimeoutCoversStatement(e.DATABASE_QUERY_TIMEOUT_MS, e.DATABASE_STATEMENT_TIMEOUT_MS), {
    path: ["DATABASE_QUERY_TIMEOUT_MS"],
    message:
      "must be 0 or longer than DATABASE_STATEMENT_TIMEOUT_MS (a live server cancels a slow statement itself, cleanly, before the client gives up on it)",
  });

export type TEnv = z.infer<typeof ZEnv> & { appVersion: string; appCommit: string; secureCookies: boolean };

/** Written at build time by whoever builds from a checkout (`git rev-parse HEAD > .build-commit`). */
export const BUILD_COMMIT_FILE = ".build-commit";

let cached: TEnv | undefined;

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(`${process.cwd()}/package.json`, "utf8")) as { version?: string };
    return pkg.version ?? "unknown";
  } catch {
    return "unknown";
  }
}

function readCommit(fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  try {
    const text = readFileSync(`${process.cwd()}/${BUILD_COMMIT_FILE}`, "utf8").trim();
    return /^[0-9a-f]{7,64}$/i.test(text) ? text : "unknown";
  } catch {
    return "unknown";
  }
}

/** The only reader of process.env in the app: parsed lazily so `next build` needs no secrets. */
export function env(): TEnv {
  if (cached) return cached;
  const parsed = ZEnv.safeParse(process.env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${fields}`);
  }
  cached = {
    ...parsed.data,
    appVersion: readVersion(),
    appCommit: readCommit(parsed.data.APP_COMMIT),
    secureCookies: parsed.data.NEXTAUTH_URL?.startsWith("https://") ?? false,
  };
  return cached;
}

export function oidcConfigured(): boolean {
  const e = env();
  return Boolean(e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET);
}

/** The default number of `next start` processes: one per core, at most this many. */
export const MAX_DEFAULT_WORKERS = 4;

/**
 * How many `next start` processes `npm start` runs on one port (scripts/start.ts): APP_WORKERS, or
 * one per core up to MAX_DEFAULT_WORKERS. One Node process serves requests on one core, and the app
 * keeps no shared state in process memory (leases, idempotency keys, rate limits and login slots are
 * rows), so several behave as one. Read on its own: the launcher needs no database settings.
 */
export function appWorkers(cpus: number, raw: string | undefined = process.env.APP_WORKERS): number {
  const parsed = ZWorkers.safeParse(raw);
  if (!parsed.success)
    throw new Error(`Invalid configuration: APP_WORKERS: ${parsed.error.issues[0]?.message}`);
  return parsed.data ?? Math.max(1, Math.min(cpus, MAX_DEFAULT_WORKERS));
}

/**
 * The semi-space size `npm start` gives each `next start` process unless APP_SEMI_SPACE_MB says
 * otherwise: 0, V8's own. 32 and 64 MB cut the workers' scavenges by half or more and their GC
 * pauses by a few points of their CPU, but not the CPU per request measurably on a shared 2-core
 * machine, for 30–100 MB more resident memory per process (BENCHMARKS.md, "Claim cost and capacity").
 */
export const DEFAULT_SEMI_SPACE_MB = 0;

/**
 * NODE_OPTIONS for the `next start` processes (scripts/start.ts): `existing` plus
 * `--max-semi-space-size` when APP_SEMI_SPACE_MB (or the default) asks for one. Every API request
 * leaves short-lived garbage (web streams around the bodies, headers, JSON, pg rows), and under
 * saturation much of it outlives a scavenge (50 requests in flight). Read on its own, like appWorkers.
 */
export function serverNodeOptions(
  existing: string | undefined,
  raw: string | undefined = process.env.APP_SEMI_SPACE_MB,
): string {
  const parsed = ZSemiSpace.safeParse(raw);
  if (!parsed.success)
    throw new Error(`Invalid configuration: APP_SEMI_SPACE_MB: ${parsed.error.issues[0]?.message}`);
  const mb = parsed.data ?? DEFAULT_SEMI_SPACE_MB;
  const kept = (existing ?? "").trim();
  // An explicit flag already in NODE_OPTIONS wins: the operator chose it.
  if (mb === 0 || /--max-semi-space-size/.test(kept)) return kept;
  return `${kept} --max-semi-space-size=${mb}`.trim();
}
