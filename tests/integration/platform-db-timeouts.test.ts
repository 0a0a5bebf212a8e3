// A database that freezes (SIGSTOP of the server and every backend) or stops, while the app runs:
// every API route and page answers 503 with Retry-After within the 15 s the issue allows, and the
// app recovers by itself when the server is back. On a cluster of its own: the shared test
// database of the other files is never frozen. Times are printed for BENCHMARKS.md.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { createSession, validateSession } from "@/lib/auth/sessions";
import { binaryCopyPieces, int4Field } from "@/lib/db/copy-binary";
import { copyInBinary } from "@/lib/db/copy-in";
import { copyOutBinary } from "@/lib/db/copy-out";
import { createAppPool } from "@/lib/db/pool";
import { db } from "@/lib/db/prisma";
import { applyMigrations } from "@/scripts/support/schema-engine";
import { withoutStatementTimeout } from "@/lib/db/statement-timeout";
import { isDatabaseUnavailable } from "@/lib/errors/database-unavailable";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getDataset } from "@/lib/datasets/list-datasets";
import { findOr404 } from "@/lib/http/find-or-404";
import { installPeerAddressStamp } from "@/lib/http/peer-address";
import { isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { meRoute } from "@/lib/users/me-route";
import { makeUser } from "../support/factories";
import { createDatabase, startPgCluster, stopPgCluster, type PgCluster } from "../support/pg-cluster";

const run = promisify(execFile);
const LIMIT_MS = 15_000;

let cluster: PgCluster;
let server: http.Server;
let base = "";
let token = "";
let sessionId = "";
const timings: Record<string, number> = {};

function pgCtl(args: string[]) {
  const bin = path.join(cluster.binDir, "pg_ctl");
  const [cmd, argv] = cluster.runAs ? ["runuser", ["-u", cluster.runAs, "--", bin, ...args]] : [bin, args];
  return run(cmd, argv, { cwd: cluster.baseDir });
}

/** The postmaster and every process it forked (backends, checkpointer, walwriter, …). */
async function clusterPids(): Promise<number[]> {
  const postmaster = Number(
    readFileSync(path.join(cluster.dataDir, "postmaster.pid"), "utf8").split("\n")[0],
  );
  const { stdout } = await run("ps", ["-o", "pid=", "--ppid", String(postmaster)]);
  return [
    postmaster,
    ...stdout
      .split("\n")
      .map((l) => Number(l.trim()))
      .filter((n) => n > 0),
  ];
}

async function signalCluster(signal: "SIGSTOP" | "SIGCONT"): Promise<void> {
  // The postmaster first on stop (no new backends), last on resume.
  const pids = await clusterPids();
  for (const pid of signal === "SIGSTOP" ? pids : [...pids].reverse()) {
    try {
      process.kill(pid, signal);
    } catch {
      // A backend that exited meanwhile.
    }
  }
}

let frozen = false;

type TAnswer = { status: number; retryAfter: string | null; ms: number };

async function get(pathname: string): Promise<TAnswer> {
  const started = performance.now();
  const res = await fetch(`${base}${pathname}`, { headers: { authorization: `Bearer ${token}` } });
  await res.arrayBuffer();
  return {
    status: res.status,
    retryAfter: res.headers.get("retry-after"),
    ms: Math.round(performance.now() - started),
  };
}

const api = () => get("/api/v1/me");
const page = () => get("/studies");
// A dataset that does not exist: 404 while the database answers, 503 (not 404) when it does not.
const recordPage = () => get("/datasets/5f0c7a52-2b1e-4f8a-9d3c-0a1b2c3d4e5f");

/** Polls until both the API route and the page answer 200; the time it took. */
async function recovery(): Promise<number> {
  const started = performance.now();
  for (;;) {
    const [a, p] = await Promise.all([api(), page()]);
    if (a.status === 200 && p.status === 200) return Math.round(performance.now() - started);
    expect([200, 503]).toContain(a.status);
    expect([200, 503]).toContain(p.status);
    if (performance.now() - started > LIMIT_MS) throw new Error(`no recovery within ${LIMIT_MS} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function expect503(a: TAnswer) {
  expect(a.status).toBe(503);
  expect(a.retryAfter).toMatch(/^\d+$/);
  expect(a.ms).toBeLessThan(LIMIT_MS);
}

beforeAll(async () => {
  cluster = await startPgCluster();
  const url = await createDatabase(cluster.adminUrl, "clinreview_timeouts");
  await applyMigrations(url);
  // Before the first db(): the app's configuration is read once, lazily. The default timeouts.
  process.env.DATABASE_URL = url;
  const user = await makeUser("CLINICIAN");
  token = (await insertApiToken(db(), user.id, "t", null)).token;
  sessionId = await db().$transaction((tx) => createSession(tx, user.id, null));

  // What `next start` has in front of Next: the request hook, which turns a page's error into a
  // 503 when its request found the database unreachable. Behind it, the API route itself, and
  // for a page what Next does with one: the session check every page's layout runs, then 200, or
  // 500 and the error screen when it throws.
  installPeerAddressStamp();
  server = http.createServer((req, res) => {
    void (async () => {
      if (req.url?.startsWith("/api/")) {
        const r = await meRoute.handle(
          new Request(`http://app.test${req.url}`, {
            headers: { authorization: String(req.headers.authorization) },
          }),
        );
        res.writeHead(r.status, Object.fromEntries(r.headers));
        res.end(Buffer.from(await r.arrayBuffer()));
        return;
      }
      try {
        // A record page looks its record up the one way pages do (app/(app)/datasets/[id]).
        const dataset = req.url?.match(/^\/datasets\/([0-9a-f-]{36})$/)?.[1];
        if (dataset) await findOr404(getDataset(dataset));
        const current = await validateSession(sessionId);
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        res.end(`<p>${current?.id ?? "signed out"}</p>`);
      } catch (err) {
        // notFound() is Next's control flow for its 404 screen; anything else is the error screen.
        res.statusCode = isHTTPAccessFallbackError(err) ? 404 : 500;
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.end("<h1>Database unavailable</h1>");
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  if (frozen) await signalCluster("SIGCONT").catch(() => undefined);
  await new Promise((resolve) => server?.close(resolve));
  await db().$disconnect();
  if (cluster) await stopPgCluster(cluster);
  console.log(`[db-timeouts] ${JSON.stringify(timings)}`);
});

describe("a frozen, then a stopped database", () => {
  it("answers 503 with Retry-After on API and pages within 15 s, and recovers without a restart", async () => {
    // Warm: pooled connections exist, as in a running app.
    expect((await api()).status).toBe(200);
    expect((await page()).status).toBe(200);
    expect((await recordPage()).status).toBe(404);

    await signalCluster("SIGSTOP");
    frozen = true;
    // Requests that get a pooled connection wait for the client-side query timeout; those that
    // need a new one, for the connect timeout.
    const [a1, p1] = await Promise.all([api(), page()]);
    expect503(a1);
    expect503(p1);
    timings.frozenFirstApiMs = a1.ms;
    timings.frozenFirstPageMs = p1.ms;
    const [a2, p2] = await Promise.all([api(), page()]);
    expect503(a2);
    expect503(p2);
    timings.frozenNextApiMs = a2.ms;
    timings.frozenNextPageMs = p2.ms;

    await signalCluster("SIGCONT");
    frozen = false;
    timings.recoveryAfterResumeMs = await recovery();

    // Stopped (fast shutdown: backends are terminated, then nothing listens).
    await pgCtl(["-D", cluster.dataDir, "-m", "fast", "-w", "stop"]);
    const [a3, p3, r3] = await Promise.all([api(), page(), recordPage()]);
    expect503(a3);
    expect503(p3);
    expect503(r3);
    timings.stoppedApiMs = a3.ms;
    timings.stoppedPageMs = p3.ms;

    await pgCtl([
      "-D",
      cluster.dataDir,
      "-l",
      cluster.logFile,
      "-w",
      "-o",
      `-p ${cluster.port} -c listen_addresses=${cluster.host} -k ${cluster.baseDir} -c fsync=off`,
      "start",
    ]);
    timings.recoveryAfterRestartMs = await recovery();
  }, 90_000);
});

describe("the statement timeouts and their exemption", () => {
  function clientWith(statementTimeoutMs: number | null, queryTimeoutMs: number | null) {
    const pool = createAppPool({
      connectionString: String(process.env.DATABASE_URL),
      max: 2,
      connectionTimeoutMillis: 4_000,
      statementTimeoutMs,
      queryTimeoutMs,
    });
    return { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) };
  }
  const sleep = (p: PrismaClient | Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0]) =>
    p.$executeRaw`SELECT pg_sleep(0.6)`;

  it("cancels a slow statement on the server (a 503, not a 500), except in an exempt transaction", async () => {
    const { prisma } = clientWith(200, null);
    try {
      const err = await sleep(prisma).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isDatabaseUnavailable(err)).toBe(true);
      await prisma.$transaction(async (tx) => {
        await withoutStatementTimeout(tx, "export");
        await sleep(tx);
      });
      // The exemption ended with its transaction.
      expect(
        isDatabaseUnavailable(
          await sleep(prisma).then(
            () => null,
            (e: unknown) => e,
          ),
        ),
      ).toBe(true);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("gives up on a silent server client-side, discards that connection, and spares exempt transactions", async () => {
    const { pool, prisma } = clientWith(null, 300);
    try {
      await prisma.$queryRaw`SELECT 1`;
      const err = await sleep(prisma).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isDatabaseUnavailable(err)).toBe(true);
      // The connection that timed out is gone; the pool makes a fresh one.
      await new Promise((r) => setTimeout(r, 50));
      expect(pool.totalCount).toBe(0);
      await expect(prisma.$queryRaw`SELECT 1 AS one`).resolves.toEqual([{ one: 1 }]);
      await prisma.$transaction(async (tx) => {
        await withoutStatementTimeout(tx, "seed-import");
        await sleep(tx);
      });
    } finally {
      await prisma.$disconnect();
    }
  });

  it("gives up on a COPY from a silent server too, and discards a connection whose COPY failed", async () => {
    const { pool, prisma } = clientWith(null, 300);
    const gone = async () => {
      await new Promise((r) => setTimeout(r, 50));
      return pool.totalCount;
    };
    try {
      // pg's query_timeout does not cover a COPY; copyOutBinary keeps the same limit as a read timeout.
      const silent = await copyOutBinary("SELECT pg_sleep(0.6)", { pool, readTimeoutMs: 300 }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isDatabaseUnavailable(silent)).toBe(true);
      expect(await gone()).toBe(0);
      const failed = await copyOutBinary("SELECT 1 / 0", { pool, readTimeoutMs: 300 }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(String(failed)).toMatch(/division by zero/);
      expect(await gone()).toBe(0);
      const rows = await copyOutBinary("SELECT 7::int4, 'é'::text", { pool, readTimeoutMs: 300 });
      expect(rows.next()).toBe(true);
      expect([rows.int4(0), rows.text(1)]).toEqual([7, "é"]);
      expect(rows.next()).toBe(false);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("gives up on a COPY FROM that does not finish in time, and discards a connection whose COPY failed", async () => {
    const { pool, prisma } = clientWith(null, 300);
    const gone = async () => {
      await new Promise((r) => setTimeout(r, 50));
      return pool.totalCount;
    };
    // A row noted "slow" takes the server 0.6 s to take in (a trigger sleeps), past the 300 ms limit.
    // The table is made and dropped without a limit: the timed-out COPY's backend is not cancelled
    // (it sleeps on, holding its lock), so a 300 ms DROP could time out behind it.
    await db().$executeRaw`CREATE TABLE copy_in_probe (id int PRIMARY KEY, note text)`;
    await db().$executeRaw`CREATE FUNCTION copy_in_probe_slow() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN IF NEW.note = 'slow' THEN PERFORM pg_sleep(0.6); END IF; RETURN NEW; END $$`;
    await db().$executeRaw`CREATE TRIGGER copy_in_probe_slow BEFORE INSERT ON copy_in_probe
      FOR EACH ROW EXECUTE FUNCTION copy_in_probe_slow()`;
    const statement = "COPY copy_in_probe (id, note) FROM STDIN (FORMAT binary)";
    const row = (id: number, note: string) => binaryCopyPieces([[int4Field(id), Buffer.from(note)]]);
    try {
      const slow = await copyInBinary(statement, row(1, "slow"), { pool, timeoutMs: 300 }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isDatabaseUnavailable(slow)).toBe(true);
      expect(await gone()).toBe(0);
      expect(await copyInBinary(statement, row(2, "é"), { pool, timeoutMs: 300 })).toBe(1);
      const failed = await copyInBinary(statement, row(2, "again"), { pool, timeoutMs: 300 }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(String(failed)).toMatch(/duplicate key/);
      expect(await gone()).toBe(0);
      const stored = await db().$queryRaw<{ note: string }[]>`SELECT note FROM copy_in_probe WHERE id = 2`;
      expect(stored).toEqual([{ note: "é" }]);
    } finally {
      await db().$executeRaw`DROP TABLE copy_in_probe`;
      await db().$executeRaw`DROP FUNCTION copy_in_probe_slow()`;
      await prisma.$disconnect();
    }
  });
});
