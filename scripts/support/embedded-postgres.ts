// Embedded PostgreSQL for trying the app without a database server: PGlite (Postgres compiled to
// WebAssembly) served over the Postgres wire protocol, so `pg`, Prisma Client and the schema engine
// reach it like any server. Production uses a real PostgreSQL.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgresOptions {
  /** Directory for the database files, created if missing; omitted means in memory (lost on stop). */
  dataDir?: string;
  host?: string;
  /** 0 or omitted picks a free port. */
  port?: number;
  /**
   * Sockets accepted at once; a connection beyond it is refused with "Too many connections", so
   * keep it above the sum of every pool's `max` that points here. PGlite runs one session, so
   * extra connections only queue; they never run queries in parallel.
   */
  maxConnections?: number;
}

export interface EmbeddedPostgres {
  /** postgresql:// URL for `pg`, `@prisma/adapter-pg` and the schema engine. The database name is ignored: PGlite has one database. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly dataDir: string | null;
  stop(): Promise<void>;
}

export const EMBEDDED_DEFAULT_MAX_CONNECTIONS = 32;

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const host = options.host ?? "127.0.0.1";
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : null;
  if (dataDir) mkdirSync(dataDir, { recursive: true });

  const db = await PGlite.create(dataDir ?? "memory://");
  const server = new PGLiteSocketServer({
    db,
    host,
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? EMBEDDED_DEFAULT_MAX_CONNECTIONS,
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  // getServerConn() reports the bound port, which differs from the requested one when that was 0.
  const port = Number(server.getServerConn().split(":").pop());

  let stopped: Promise<void> | null = null;
  return {
    url: `postgresql://postgres@${host}:${port}/postgres?sslmode=disable`,
    host,
    port,
    dataDir,
    stop() {
      stopped ??= (async () => {
        await server.stop();
        if (!db.closed) await db.close();
      })();
      return stopped;
    },
  };
}
