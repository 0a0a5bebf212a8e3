// `npm run cli -- backup <file>` / `restore <file> [--force]`: plain-SQL pg_dump files, written with
// INSERT statements (no COPY … FROM stdin) so one code path can restore them on either database:
// the embedded PGlite (dumped in-process by the WASM pg_dump of @electric-sql/pglite-tools, which
// matches its PostgreSQL 18) and a real server (dumped by the system pg_dump).
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import pg from "pg";
import { PGLITE_DIR, runningEmbeddedPort } from "./data-dir";
import { openToolingDatabase } from "./tooling-db";

const run = promisify(execFile);
// Same output from both pg_dumps: portable (no owners or grants, no column compression: the
// embedded database has no lz4), INSERTs batched for speed.
const DUMP_FLAGS = [
  "--format=plain",
  "--no-owner",
  "--no-privileges",
  "--no-toast-compression",
  "--rows-per-insert=500",
];
/**
 * Column compression the dump leaves out, put back where the server has it: the migration that set
 * it is idempotent and checks for lz4 itself (run from the project root, as every tool here).
 */
const RESTORE_AFTER = ["prisma/migrations/20261211000000_export_chunk_lz4/migration.sql"];
const DUMP_HEADER = "-- PostgreSQL database dump";

export function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function majorOf(versionText: string): number {
  const m = /(\d+)(?:\.\d+)?/.exec(versionText);
  if (!m?.[1]) throw new Error(`Cannot read a PostgreSQL version from "${versionText}"`);
  return Number(m[1]);
}

/** The password goes through the environment, not argv, so `ps` never shows it. */
function clientArgs(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  // Prisma's own parameter, which libpq (and so pg_dump) rejects.
  u.searchParams.delete("schema");
  return { dbname: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(r.rows[0]?.server_version_num) / 10_000);
  } finally {
    await client.end();
  }
}

async function dumpServer(url: string, tmpFile: string): Promise<void> {
  const bin = process.env.PG_DUMP ?? "pg_dump";
  let clientVersion: string;
  try {
    clientVersion = (await run(bin, ["--version"])).stdout.trim();
  } catch {
    throw new Error(`${bin} was not found: install the PostgreSQL client tools (or set PG_DUMP to its path)`);
  }
  const server = await serverMajor(url);
  const client = majorOf(clientVersion.replace(/^\D+/, ""));
  if (client < server) {
    throw new Error(
      `${bin} is version ${client} but the server runs PostgreSQL ${server}; pg_dump cannot dump a newer server. ` +
        `Install the version ${server} client tools (e.g. postgresql-client-${server}) and set PG_DUMP to its pg_dump.`,
    );
  }
  const { dbname, env } = clientArgs(url);
  try {
    await run(bin, [...DUMP_FLAGS, `--file=${tmpFile}`, `--dbname=${dbname}`], {
      env,
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`pg_dump failed: ${stderr || (error instanceof Error ? error.message : String(error))}`);
  }
}

async function dumpEmbedded(tmpFile: string): Promise<void> {
  const port = runningEmbeddedPort();
  if (port) {
    // PGlite lets one process own its data directory, and the system pg_dump (older than PGlite's
    // PostgreSQL 18) refuses to dump it over the socket.
    throw new Error(
      `The embedded database is in use by a running \`npm start\` (port ${port}). Stop the app first, then run the backup again.`,
    );
  }
  if (!existsSync(path.join(PGLITE_DIR, "PG_VERSION")))
    throw new Error(`No embedded database at ${PGLITE_DIR}`);
  const { PGlite } = await import("@electric-sql/pglite");
  const { pgDump } = await import("@electric-sql/pglite-tools/pg_dump");
  const db = await PGlite.create(PGLITE_DIR);
  try {
    const file = await pgDump({ pg: db, args: DUMP_FLAGS });
    writeFileSync(tmpFile, Buffer.from(await file.arrayBuffer()), { mode: 0o600 });
  } finally {
    await db.close();
  }
}

async function recordInAudit(
  action: "backup.create" | "backup.restore",
  after: Record<string, string | number | boolean>,
): Promise<void> {
  const tooling = await openToolingDatabase();
  process.env.DATABASE_URL = tooling.url;
  process.env.NEXTAUTH_SECRET ??= "cli-does-not-sign-sessions";
  process.env.LOG_LEVEL ??= "warn";
  try {
    const { db } = await import("../../lib/db/prisma");
    const { recordAudit } = await import("../../lib/audit/record-audit");
    try {
      await db().$transaction((tx) =>
        recordAudit(tx, null, {
          actorId: null,
          action,
          entityType: "backup",
          entityId: String(after.sha256),
          after,
        }),
      );
    } finally {
      await db().$disconnect();
    }
  } catch (error) {
    // The backup itself succeeded; say why the record is missing rather than fail the command.
    console.error(
      `Warning: could not record ${action} in the audit trail: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    await tooling.stop();
  }
}

export async function backupCommand(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const target = positionals[0];
  if (!target || positionals.length > 1) throw new Error("Usage: npm run cli -- backup <file>");
  const file = path.resolve(target);
  const tmp = `${file}.partial`;
  const url = process.env.DATABASE_URL;
  try {
    // Owner-only from its first byte: a backup holds password and token hashes and clinical text.
    // pg_dump truncates the file it is given and keeps its mode.
    writeFileSync(tmp, "", { mode: 0o600 });
    chmodSync(tmp, 0o600);
    if (url) await dumpServer(url, tmp);
    else await dumpEmbedded(tmp);
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  } finally {
    rmSync(tmp, { force: true });
  }
  const bytes = readFileSync(file);
  const hash = sha256(bytes);
  await recordInAudit("backup.create", { file, sha256: hash, bytes: bytes.length, embedded: !url });
  console.log(`Backup written to ${file} (${bytes.length} bytes, sha256 ${hash})`);
}

/**
 * pg_dump (since 15.14/16.10/17.6/18) wraps plain dumps in psql's \restrict … \unrestrict, which
 * guard psql against meta-commands smuggled into the data; this restore never runs meta-commands.
 */
export function withoutRestrictGuards(sql: string): string {
  return sql.replace(/^\\(un)?restrict [A-Za-z0-9]+\n/gm, "");
}

/** Why a dump cannot be restored by this command, or null when it can. */
export function unsupportedDumpReason(sql: string): string | null {
  if (!sql.startsWith(`--\n${DUMP_HEADER}`)) return "it is not a plain-format pg_dump file";
  if (/\bFROM stdin;$/m.test(sql) || /^\\/m.test(sql)) {
    return "it uses COPY … FROM stdin or psql meta-commands (made without --inserts); restore it with `psql --single-transaction -v ON_ERROR_STOP=1 -f <file>`";
  }
  return null;
}

export async function restoreCommand(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { force: { type: "boolean" } },
  });
  const source = positionals[0];
  if (!source || positionals.length > 1) throw new Error("Usage: npm run cli -- restore <file> [--force]");
  const file = path.resolve(source);
  if (!existsSync(file)) throw new Error(`No such file: ${file}`);
  const bytes = readFileSync(file);
  let sql = withoutRestrictGuards(bytes.toString("utf8"));
  const reason = unsupportedDumpReason(sql);
  if (reason) throw new Error(`Cannot restore ${file}: ${reason}`);

  const tooling = await openToolingDatabase();
  let tables = 0;
  try {
    const client = new pg.Client({ connectionString: tooling.url });
    await client.connect();
    try {
      const version = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
      // A dump from PostgreSQL 17+ (the embedded database is 18) sets a parameter older servers lack.
      if (Number(version.rows[0]?.v) < 170_000) sql = sql.replace(/^SET transaction_timeout = 0;$/m, "");
      await client.query("BEGIN");
      try {
        const r = await client.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'",
        );
        tables = r.rows[0]?.n ?? 0;
        if (tables > 0 && !values.force) {
          throw new Error(
            `The database is not empty (${tables} tables). Restoring replaces all of it: pass --force to do that.`,
          );
        }
        if (tables > 0) await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
        await client.query(sql);
        // The dump empties search_path; migrations name tables unqualified, as on the app's connections.
        await client.query("RESET search_path");
        for (const f of RESTORE_AFTER) await client.query(readFileSync(path.resolve(f), "utf8"));
        // Running instances' token caches (lib/auth) hold answers from the replaced database:
        // DROP SCHEMA fires no trigger, so say so ourselves (delivered at COMMIT).
        await client.query("NOTIFY clinreview_auth, '*'");
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    } finally {
      await client.end();
    }
  } finally {
    await tooling.stop();
  }
  const hash = sha256(bytes);
  await recordInAudit("backup.restore", {
    file,
    sha256: hash,
    bytes: bytes.length,
    replacedTables: tables,
    embedded: tooling.embedded,
  });
  console.log(`Restored ${file} (sha256 ${hash})${tables > 0 ? `, replacing ${tables} tables` : ""}`);
}
