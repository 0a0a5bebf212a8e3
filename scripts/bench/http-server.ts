// The system under test for the HTTP benchmarks: a database of its own (on DATABASE_URL's server,
// else a throwaway cluster), migrated; the production build (built if stale); the app started as
// the README starts it (`npm start`'s scripts/start.ts: APP_WORKERS `next start` processes); an
// admin and N clinicians, each with an API token created in-process by the same services the CLI
// uses.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { closeSync, openSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { applyMigrations } from "../support/schema-engine";
import {
  createDatabase,
  dropDatabase,
  findFreePort,
  startPgCluster,
  stopPgCluster,
  type PgCluster,
} from "../../tests/support/pg-cluster";
import os from "node:os";
import { buildIfStale, distDir } from "../support/build-if-stale";
import { appWorkers, env } from "../../lib/env";

export type TReviewer = { userId: string; token: string };

export type TBenchServer = {
  baseUrl: string;
  /** scripts/start.ts's process: its tree holds every `next start` worker. */
  pid: number;
  /** How many `next start` processes serve, and the database connections they may hold in all. */
  workers: number;
  connections: number;
  /** The app's database; `serverUrl` is its server, for creating a baseline database beside it. */
  databaseUrl: string;
  serverUrl: string;
  adminToken: string;
  adminId: string;
  reviewers: TReviewer[];
  /** The end of the server's output, for reporting a failure. */
  logTail: () => string;
  stop: () => Promise<void>;
};

/** `next build` adds a non-default dist dir's types to tsconfig.json: put the file back as it was. */
function build(): void {
  const before = readFileSync("tsconfig.json", "utf8");
  try {
    const status = buildIfStale(`  · building the production app into ${distDir()} (a few minutes)…`);
    if (status !== 0) throw new Error(`next build failed (exit ${status})`);
  } finally {
    if (readFileSync("tsconfig.json", "utf8") !== before) writeFileSync("tsconfig.json", before);
  }
}

async function createAccounts(reviewers: number): Promise<{ admin: TReviewer; reviewers: TReviewer[] }> {
  const { db } = await import("../../lib/db/prisma");
  const { createUserWithPassword } = await import("../../lib/users/create-user");
  const { insertApiToken } = await import("../../lib/auth/api-tokens");
  const make = (email: string, role: "ADMIN" | "CLINICIAN") =>
    db().$transaction(async (tx) => {
      const u = await createUserWithPassword(tx, {
        email,
        name: email.split("@")[0] ?? email,
        role,
        password: randomBytes(18).toString("base64url"),
      });
      const t = await insertApiToken(tx, u.id, "bench", null);
      return { userId: u.id, token: t.token };
    });
  const admin = await make("bench-admin@example.org", "ADMIN");
  const list: TReviewer[] = [];
  for (let i = 1; i <= reviewers; i++) list.push(await make(`bench-reviewer-${i}@example.org`, "CLINICIAN"));
  return { admin, reviewers: list };
}

async function waitHealthy(baseUrl: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not become healthy:\n${readFileSync(logFile, "utf8").slice(-3000)}`);
}

export async function startBenchServer(input: { reviewers: number; workDir: string }): Promise<TBenchServer> {
  let cluster: PgCluster | null = null;
  let databaseUrl: string | null = null;
  let child: ChildProcess | null = null;
  const given = process.env.DATABASE_URL;
  const profileDir = process.env.BENCH_CPU_PROFILE;
  const stop = async () => {
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await once(child, "exit");
    }
    const { db } = await import("../../lib/db/prisma");
    await db().$disconnect();
    if (databaseUrl && !cluster) await dropDatabase(databaseUrl).catch(() => undefined);
    if (cluster) await stopPgCluster(cluster);
  };
  try {
    console.log("  · preparing PostgreSQL…");
    const serverUrl = given ?? (cluster = await startPgCluster()).adminUrl;
    databaseUrl = await createDatabase(serverUrl, "clinreview_bench");
    await applyMigrations(databaseUrl);
    build();

    // The in-process services (accounts, tokens) read the same configuration as the server.
    process.env.DATABASE_URL = databaseUrl;
    process.env.NEXTAUTH_SECRET = randomBytes(32).toString("hex");
    process.env.LOG_LEVEL = "warn";
    console.log(`  · creating an admin and ${input.reviewers} clinicians with API tokens…`);
    const accounts = await createAccounts(input.reviewers);

    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const logFile = path.join(input.workDir, "next-start.log");
    const log = openSync(logFile, "w");
    const workers = appWorkers(os.availableParallelism());
    child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
      stdio: ["ignore", log, log],
      env: {
        ...process.env,
        PORT: String(port),
        HOSTNAME: "127.0.0.1",
        DATABASE_URL: databaseUrl,
        NEXTAUTH_URL: baseUrl,
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        NEXT_TELEMETRY_DISABLED: "1",
        // BENCH_CPU_PROFILE=dir: every server process writes a V8 CPU profile there when it exits
        // (cpu-profile-preload.mjs; summarised by scripts/bench/cpu-profile-summary.ts).
        ...(profileDir
          ? {
              NODE_OPTIONS:
                `${process.env.NODE_OPTIONS ?? ""} --import ${path.resolve("scripts/bench/cpu-profile-preload.mjs")}`.trim(),
            }
          : {}),
      },
    });
    closeSync(log);
    await waitHealthy(baseUrl, child, logFile);
    if (!child.pid) throw new Error("next start has no pid");
    console.log(
      `  · npm start is up at ${baseUrl} (pid ${child.pid}, ${workers} next start process(es), serving ${distDir()})`,
    );
    return {
      baseUrl,
      pid: child.pid,
      workers,
      connections: workers * env().DATABASE_POOL_SIZE,
      databaseUrl,
      serverUrl,
      adminToken: accounts.admin.token,
      adminId: accounts.admin.userId,
      reviewers: accounts.reviewers,
      logTail: () => readFileSync(logFile, "utf8").slice(-4000),
      stop,
    };
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
}
