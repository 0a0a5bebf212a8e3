// Backup and restore through the real CLI, on the test PostgreSQL and on an embedded PGlite data dir.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { startEmbeddedPostgres } from "@/scripts/support/embedded-postgres";
import { applyMigrations } from "@/scripts/support/schema-engine";
import { sha256 } from "@/scripts/support/backup";
import { createDatabase, dropDatabase } from "../support/pg-cluster";
import { resetDatabase, testDatabaseUrl } from "../support/db";
import { makeUser } from "../support/factories";

const run = promisify(execFile);
const root = path.resolve(__dirname, "../..");
let work: string;
const extraDbs: string[] = [];

type TCli = { code: number; stdout: string; stderr: string };
async function cli(args: string[], env: Record<string, string | undefined>): Promise<TCli> {
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: undefined,
    CLINREVIEW_DATA_DIR: undefined,
    ...env,
  };
  for (const k of Object.keys(base)) if (base[k] === undefined) delete base[k];
  try {
    const r = await run(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", ...args],
      { cwd: root, env: base },
    );
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

async function snapshot(url: string): Promise<{ users: unknown[]; migrations: number; audits: unknown[] }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const users = await c.query(
      `SELECT id, email, name, role::text, status::text, "passwordHash", "createdAt" FROM "User" ORDER BY email`,
    );
    const migrations = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM _prisma_migrations`);
    const audits = await c.query(
      `SELECT action, after FROM "AuditLog" WHERE action NOT LIKE 'backup.%' ORDER BY id`,
    );
    return { users: users.rows, migrations: migrations.rows[0]?.n ?? 0, audits: audits.rows };
  } finally {
    await c.end();
  }
}

// One backup of the test database, shared by the tests below whichever of them runs first.
let pgBackup: Promise<TCli> | undefined;
function backupTestDatabase(): Promise<TCli> {
  pgBackup ??= cli(["backup", path.join(work, "pg.sql")], { DATABASE_URL: testDatabaseUrl() });
  return pgBackup;
}

async function freshDatabase(): Promise<string> {
  const url = await createDatabase(testDatabaseUrl(), "clinreview_restore");
  extraDbs.push(url);
  return url;
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "clinreview-backup-"));
  await resetDatabase();
  const a = await makeUser("ADMIN", { email: "o'brien@int.test", name: "Dr O'Brien – ünïcode" });
  await makeUser("CLINICIAN");
  await db().$transaction((tx) =>
    recordAudit(tx, null, {
      actorId: a.id,
      action: "user.role_change",
      entityType: "user",
      entityId: a.id,
      after: { nested: { list: [1, "two"] } },
    }),
  );
});

afterAll(async () => {
  await db().$disconnect();
  for (const url of extraDbs) await dropDatabase(url).catch(() => {});
  rmSync(work, { recursive: true, force: true });
});

// Each CLI run is a fresh Node process (and PGlite boots in WebAssembly): slow on a loaded machine.
describe("backup and restore on PostgreSQL (DATABASE_URL)", { timeout: 180_000 }, () => {
  it("round-trips every row into a fresh database, audited with the file's SHA-256", async () => {
    const file = path.join(work, "pg.sql");
    const b = await backupTestDatabase();
    expect(b.stderr).toBe("");
    expect(b.code).toBe(0);
    const bytes = readFileSync(file);
    expect(bytes.toString("utf8")).toMatch(/^--\n-- PostgreSQL database dump/);
    // Portable to the embedded database, which has no lz4: no column compression in the file.
    expect(bytes.toString("utf8")).not.toMatch(/SET COMPRESSION/);
    // Owner-only: it holds password and token hashes and clinical text.
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const audit = await db().auditLog.findFirst({
      where: { action: "backup.create" },
      orderBy: { id: "desc" },
    });
    expect(audit?.after).toMatchObject({ sha256: sha256(bytes), file });

    const target = await freshDatabase();
    const r = await cli(["restore", file], { DATABASE_URL: target });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const [before, after] = [await snapshot(testDatabaseUrl()), await snapshot(target)];
    expect(before.users).toHaveLength(2);
    expect(after).toEqual(before);
    const c = new pg.Client({ connectionString: target });
    await c.connect();
    const restored = await c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "AuditLog" WHERE action = 'backup.restore' AND after->>'sha256' = $1`,
      [sha256(bytes)],
    );
    // The export chunks' lz4, left out of the file, is put back on a server that has it.
    const compression = await c.query<{ lz4: boolean; c: string; s: string }>(
      `SELECT EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) AS lz4,
              attcompression::text AS c, attstorage::text AS s
         FROM pg_attribute WHERE attrelid = '"ExportChunk"'::regclass AND attname = 'data'`,
    );
    await c.end();
    expect(restored.rows[0]?.n).toBe(1);
    const lz4 = compression.rows[0]?.lz4;
    expect(compression.rows[0]).toMatchObject(lz4 ? { c: "l", s: "x" } : { c: "", s: "e" });
  });

  it("refuses a non-empty database without --force, and replaces it with --force", async () => {
    const file = path.join(work, "pg.sql");
    expect((await backupTestDatabase()).code).toBe(0);
    const target = await freshDatabase();
    await applyMigrations(target);
    const refused = await cli(["restore", file], { DATABASE_URL: target });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not empty.*--force/);
    expect((await snapshot(target)).users).toHaveLength(0);

    const forced = await cli(["restore", file, "--force"], { DATABASE_URL: target });
    expect(forced.code).toBe(0);
    expect((await snapshot(target)).users).toEqual((await snapshot(testDatabaseUrl())).users);
  });

  it("is all-or-nothing: a dump failing halfway leaves the database as it was", async () => {
    expect((await backupTestDatabase()).code).toBe(0);
    const good = readFileSync(path.join(work, "pg.sql"), "utf8");
    const broken = path.join(work, "broken.sql");
    // The failure comes last, after every table and row was created.
    writeFileSync(
      broken,
      good.replace(
        "-- PostgreSQL database dump complete",
        "INSERT INTO public.\"User\" (id) VALUES ('not-a-uuid');\n--",
      ),
    );
    const target = await freshDatabase();
    const r = await cli(["restore", broken], { DATABASE_URL: target });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/invalid input syntax for type uuid/);
    const c = new pg.Client({ connectionString: target });
    await c.connect();
    const t = await c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`,
    );
    await c.end();
    expect(t.rows[0]?.n).toBe(0);
  });
});

describe("backup and restore of the embedded database (PGlite)", { timeout: 300_000 }, () => {
  it("dumps a data dir in-process and restores it into another data dir and into PostgreSQL", async () => {
    const source = path.join(work, "embedded-a");
    const pgA = await startEmbeddedPostgres({ dataDir: path.join(source, "pglite") });
    await applyMigrations(pgA.url);
    const seed = new pg.Client({ connectionString: pgA.url });
    await seed.connect();
    await seed.query(
      `INSERT INTO "User" (id, email, name, role, status, pseudonym, "updatedAt") VALUES (gen_random_uuid(), 'embedded@int.test', 'Émbedded', 'CLINICIAN', 'ACTIVE', 'R-emb', now())`,
    );
    await seed.end();
    const expected = await snapshot(pgA.url);
    await pgA.stop();

    const file = path.join(work, "embedded.sql");
    const b = await cli(["backup", file], { CLINREVIEW_DATA_DIR: source });
    expect(b.stderr).toBe("");
    expect(b.code).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("-- Dumped from database version 18");

    const copy = path.join(work, "embedded-b");
    const r = await cli(["restore", file], { CLINREVIEW_DATA_DIR: copy });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const pgB = await startEmbeddedPostgres({ dataDir: path.join(copy, "pglite") });
    try {
      const got = await snapshot(pgB.url);
      expect(got).toEqual(expected);
      expect(got.users).toHaveLength(1);
    } finally {
      await pgB.stop();
    }

    // The way from the demo to production: the embedded dump restores into a real (older) server.
    const target = await freshDatabase();
    const toPg = await cli(["restore", file], { DATABASE_URL: target });
    expect(toPg.stderr).toBe("");
    expect(toPg.code).toBe(0);
    expect((await snapshot(target)).users).toEqual(expected.users);
  });

  it("refuses to dump while `npm start` owns the data dir", async () => {
    const dir = path.join(work, "embedded-running");
    const pgRun = await startEmbeddedPostgres({ dataDir: path.join(dir, "pglite") });
    writeFileSync(path.join(dir, "embedded.json"), JSON.stringify({ port: pgRun.port, pid: process.pid }));
    try {
      const b = await cli(["backup", path.join(work, "never.sql")], { CLINREVIEW_DATA_DIR: dir });
      expect(b.code).toBe(1);
      expect(b.stderr).toMatch(/Stop the app first/);
    } finally {
      await pgRun.stop();
    }
  });
});
