// `npm start`. Without DATABASE_URL: the embedded demo (PGlite over the Postgres wire protocol,
// data kept in .data/), migrated and seeded with demo accounts and demo data (lib/demo, written once
// on an empty database). With DATABASE_URL: production mode.
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";
import { appWorkers, serverNodeOptions } from "../lib/env";
import { applyMigrations } from "./support/schema-engine";
import { startEmbeddedPostgres } from "./support/embedded-postgres";
import { DEMO_ACCOUNTS } from "../lib/demo/demo-accounts";
import { buildIfStale } from "./support/build-if-stale";
import { clearRunning, embeddedSecret, PGLITE_DIR, recordRunning } from "./support/data-dir";
import { keepAliveArgs } from "./support/keep-alive";

const NEXT = "node_modules/next/dist/bin/next";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOSTNAME ?? "0.0.0.0";

/** Builds on first start, and again when sources changed since the last build. */
function ensureBuild(): void {
  const status = buildIfStale("Building ClinReview (first start or changed sources; about a minute)…");
  if (status !== 0) process.exit(status);
}

function banner(lines: string[]): void {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  console.log(`\n${"=".repeat(width)}\n${lines.map((l) => `  ${l}`).join("\n")}\n${"=".repeat(width)}\n`);
}

/**
 * `next start`, or with several workers their cluster primary (scripts/support/next-cluster.ts):
 * one Node process serves on one core, so production runs one per core (APP_WORKERS, lib/env.ts).
 */
function serve(env: NodeJS.ProcessEnv, workers: number, onExit: () => Promise<void>): void {
  const args = ["-p", String(port), "-H", host, ...keepAliveArgs];
  const child =
    workers > 1
      ? spawn(
          process.execPath,
          ["--import", "tsx", "scripts/support/next-cluster.ts", String(workers), ...args],
          {
            stdio: "inherit",
            env,
          },
        )
      : spawn(process.execPath, [NEXT, "start", ...args], { stdio: "inherit", env });
  const stop = (signal: NodeJS.Signals) => {
    child.kill(signal);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", (code) => {
    void onExit().finally(() => process.exit(code ?? 0));
  });
}

async function startEmbedded(): Promise<void> {
  const secret = embeddedSecret();
  const pg = await startEmbeddedPostgres({
    dataDir: PGLITE_DIR,
    port: Number(process.env.EMBEDDED_DB_PORT ?? 0) || undefined,
  });
  recordRunning(Number(new URL(pg.url).port));
  const shutdown = async (code: number) => {
    clearRunning();
    await pg.stop();
    process.exit(code);
  };
  // Until `next start` runs, a stop (while migrating, seeding or building) still stops the database.
  let seeding: ChildProcess | null = null;
  const early = () => (seeding ? void seeding.kill("SIGTERM") : void shutdown(0));
  process.on("SIGINT", early);
  process.on("SIGTERM", early);
  const applied = await applyMigrations(pg.url);
  if (applied.length) console.log(`Applied ${applied.length} migration(s) to the embedded database.`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: pg.url,
    DATABASE_POOL_SIZE: "4",
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    CLINREVIEW_EMBEDDED: "1",
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  // Asynchronous on purpose: the embedded database is served from this process's event loop.
  const seeded = await new Promise<number>((resolve) => {
    seeding = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/seed-demo.ts"],
      { stdio: "inherit", env },
    );
    seeding.on("exit", (code) => resolve(code ?? 1));
  });
  seeding = null;
  if (seeded !== 0) return shutdown(seeded);
  const built = buildIfStale("Building ClinReview (first start or changed sources; about a minute)…");
  if (built !== 0) return shutdown(built);
  process.off("SIGINT", early);
  process.off("SIGTERM", early);
  banner([
    "ClinReview DEMO MODE: embedded database in .data/ (for trying the app, not for real data).",
    "For real work set DATABASE_URL to a PostgreSQL server and NEXTAUTH_SECRET (see README).",
    "Demo data: seed tasks in every state, an audit campaign on a generated dataset and a blinded study.",
    `Open http://localhost:${port} and sign in with a demo account:`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(10)} ${a.email} / ${a.password}`),
  ]);
  // One worker: the embedded database is served from this process, and a demo needs no more.
  serve(env, 1, async () => {
    clearRunning();
    await pg.stop();
  });
}

function startProduction(): void {
  let workers: number;
  let nodeOptions: string;
  try {
    workers = appWorkers(os.availableParallelism());
    nodeOptions = serverNodeOptions(process.env.NODE_OPTIONS);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
  ensureBuild();
  console.log(`Starting ${workers} server process${workers > 1 ? "es" : ""} on port ${port} (APP_WORKERS).`);
  // NODE_OPTIONS reaches every worker (and the cluster primary, which hardly allocates).
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_OPTIONS: nodeOptions,
  };
  serve(env, workers, () => Promise.resolve());
}

if (process.env.DATABASE_URL) startProduction();
else
  startEmbedded().catch((err: unknown) => {
    console.error("Could not start the embedded database:", err instanceof Error ? err.message : err);
    process.exit(1);
  });
