// A throwaway PostgreSQL cluster built from the machine's own server binaries, for integration
// and end-to-end tests. Shared by the Vitest global setup and the Playwright setup.
import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  accessSync,
  chownSync,
  constants,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const execFileAsync = promisify(execFile);

export interface PgCluster {
  /** Superuser URL of the maintenance database `postgres`. */
  readonly adminUrl: string;
  readonly host: string;
  readonly port: number;
  /** Temp directory holding the data dir, the socket dir and the server log; removed on stop. */
  readonly baseDir: string;
  readonly dataDir: string;
  readonly logFile: string;
  readonly binDir: string;
  /** Run the server tools as this user (set when we are root, since initdb refuses root). */
  readonly runAs: string | null;
}

export interface StartPgClusterOptions {
  /** TCP port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
}

const INSTALL_HINT =
  "Install PostgreSQL (`apt-get install -y postgresql`), or set DATABASE_URL to an existing server.";

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasServerTools(dir: string): boolean {
  return ["initdb", "pg_ctl", "postgres"].every((tool) => isExecutable(path.join(dir, tool)));
}

function versionOf(dir: string): number {
  const match = /postgresql\/(\d+)\//.exec(dir);
  return match ? Number(match[1]) : 0;
}

/** Directory holding initdb, pg_ctl and postgres: PG_BIN, then PATH, then /usr/lib/postgresql/<newest>/bin. */
export function findPgBinDir(): string {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv) {
    if (hasServerTools(fromEnv)) return fromEnv;
    throw new Error(`PG_BIN=${fromEnv} does not contain initdb, pg_ctl and postgres. ${INSTALL_HINT}`);
  }
  for (const dir of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean)) {
    const initdb = path.join(dir, "initdb");
    if (!isExecutable(initdb)) continue;
    // /usr/local/bin/initdb may be a symlink; the sibling tools live next to its target.
    const realDir = path.dirname(realpathSync(initdb));
    if (hasServerTools(realDir)) return realDir;
    if (hasServerTools(dir)) return dir;
  }
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const candidates = readdirSync(root)
      .map((version) => path.join(root, version, "bin"))
      .filter(hasServerTools)
      .sort((a, b) => versionOf(b) - versionOf(a));
    if (candidates[0]) return candidates[0];
  }
  throw new Error(
    `PostgreSQL server binaries (initdb, pg_ctl, postgres) were not found on PATH or in /usr/lib/postgresql/*/bin. ${INSTALL_HINT}`,
  );
}

export async function findFreePort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, host, () => {
      const address = server.address();
      if (address === null || typeof address === "string") {
        server.close();
        reject(new Error("Could not determine a free port"));
        return;
      }
      server.close(() => resolve(address.port));
    });
  });
}

function userIds(user: string): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", user], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", user], { encoding: "utf8" }).trim());
  return { uid, gid };
}

type ToolContext = Pick<PgCluster, "binDir" | "runAs" | "baseDir">;

function toolCommand(cluster: ToolContext, tool: string, args: string[]): [string, string[]] {
  const file = path.join(cluster.binDir, tool);
  return cluster.runAs ? ["runuser", ["-u", cluster.runAs, "--", file, ...args]] : [file, args];
}

async function runTool(cluster: ToolContext, tool: string, args: string[]): Promise<string> {
  const [command, commandArgs] = toolCommand(cluster, tool, args);
  try {
    const { stdout } = await execFileAsync(command, commandArgs, {
      cwd: cluster.baseDir,
      encoding: "utf8",
      env: { ...process.env, LC_ALL: "C" },
    });
    return stdout;
  } catch (error) {
    const detail = error instanceof Error && "stderr" in error ? String(error.stderr) : String(error);
    throw new Error(`${tool} ${args.join(" ")} failed: ${detail.trim()}`);
  }
}

function readLog(logFile: string): string {
  try {
    return readFileSync(logFile, "utf8").split("\n").slice(-20).join("\n");
  } catch {
    return "(no server log)";
  }
}

// pg_ctl daemonises the server, so a test run that dies before its teardown would leave it running.
const running = new Map<string, PgCluster>();
let exitHookInstalled = false;

function stopAllSync(): void {
  for (const cluster of running.values()) {
    try {
      const [command, args] = toolCommand(cluster, "pg_ctl", [
        "-D",
        cluster.dataDir,
        "-m",
        "immediate",
        "-w",
        "stop",
      ]);
      execFileSync(command, args, { cwd: cluster.baseDir, stdio: "ignore" });
    } catch {
      // Already stopped.
    }
    rmSync(cluster.baseDir, { recursive: true, force: true });
  }
  running.clear();
}

function track(cluster: PgCluster): PgCluster {
  running.set(cluster.baseDir, cluster);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once("exit", stopAllSync);
  }
  return cluster;
}

/** initdb + pg_ctl start in a fresh temp directory; trust auth, superuser `postgres`, fsync off. */
export async function startPgCluster(options: StartPgClusterOptions = {}): Promise<PgCluster> {
  const binDir = findPgBinDir();
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const runAs = isRoot ? "postgres" : null;
  const baseDir = mkdtempSync(path.join(tmpdir(), "clinreview-pg-"));
  if (runAs) {
    let ids: { uid: number; gid: number };
    try {
      ids = userIds(runAs);
    } catch {
      rmSync(baseDir, { recursive: true, force: true });
      throw new Error(`Running as root, but there is no \`${runAs}\` user to run initdb as. ${INSTALL_HINT}`);
    }
    chownSync(baseDir, ids.uid, ids.gid);
  }
  const host = "127.0.0.1";
  const dataDir = path.join(baseDir, "data");
  const logFile = path.join(baseDir, "server.log");
  const base = { binDir, runAs, baseDir };

  try {
    await runTool(base, "initdb", [
      "-D",
      dataDir,
      "-A",
      "trust",
      "-U",
      "postgres",
      "-E",
      "UTF8",
      "--locale=C",
      "--no-sync",
    ]);
    // A throwaway cluster: durability settings off, sockets in our own directory, not /var/run.
    const serverOptions = (port: number): string =>
      [
        `-p ${port}`,
        `-c listen_addresses=${host}`,
        `-k ${baseDir}`,
        "-c fsync=off",
        "-c synchronous_commit=off",
        "-c full_page_writes=off",
        "-c max_connections=200",
      ].join(" ");

    // The free port can be taken between probing and binding, so retry with a new one.
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = options.port ?? (await findFreePort(host));
      try {
        await runTool(base, "pg_ctl", [
          "-D",
          dataDir,
          "-l",
          logFile,
          "-w",
          "-t",
          "60",
          "-o",
          serverOptions(port),
          "start",
        ]);
        return track({
          adminUrl: `postgresql://postgres@${host}:${port}/postgres`,
          host,
          port,
          baseDir,
          dataDir,
          logFile,
          binDir,
          runAs,
        });
      } catch (error) {
        lastError = error;
        if (options.port !== undefined) break;
      }
    }
    throw new Error(`PostgreSQL did not start: ${String(lastError)}\n${readLog(logFile)}`);
  } catch (error) {
    rmSync(baseDir, { recursive: true, force: true });
    throw error;
  }
}

/** Immediate shutdown (no checkpoint: the data is thrown away), then removes the temp directory. */
export async function stopPgCluster(cluster: PgCluster): Promise<void> {
  running.delete(cluster.baseDir);
  try {
    if (existsSync(path.join(cluster.dataDir, "postmaster.pid"))) {
      await runTool(cluster, "pg_ctl", ["-D", cluster.dataDir, "-m", "immediate", "-w", "stop"]);
    }
  } finally {
    rmSync(cluster.baseDir, { recursive: true, force: true });
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Swaps the database name in a postgres URL. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** Creates a database with a random suffix on the server of `serverUrl` and returns its URL. */
export async function createDatabase(serverUrl: string, prefix = "clinreview_test"): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  } finally {
    await client.end();
  }
  return withDatabase(serverUrl, name);
}

/** Drops the database named in `url`, disconnecting any sessions still attached to it. */
export async function dropDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
