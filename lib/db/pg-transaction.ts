import "server-only";
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TTx } from "./prisma";
import { preparedName } from "./prepared-name";
import { pgPool } from "./prisma";
import { toPgQuery, type Sql } from "./sql";

const TIMESTAMP = 1114;
/**
 * `timestamp without time zone` read as UTC, as Prisma reads it (pg would read local time), so a
 * row read here and one read through Prisma give the same Date.
 */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary"): unknown {
    if (oid === TIMESTAMP && format !== "binary") return (v: string) => new Date(`${v.replace(" ", "T")}Z`);
    return (pg.types.getTypeParser as (o: number, f?: string) => unknown)(oid, format);
  },
};

/** What a statement-level helper needs to run: both a pg transaction and a Prisma one give it. */
export type TSqlRunner = { rows<T>(q: Sql): Promise<T[]> };

/**
 * A transaction on one connection of the app's pg pool. The queue's hot paths (claim, submit) run
 * here rather than in a Prisma interactive transaction: measured in-process, a statement costs
 * the app 0.17 ms of CPU on pg against 0.46–0.84 ms through Prisma, and a two-statement Prisma
 * transaction 1.47 ms against 0.19 ms, and under saturation the app's CPU per request is its
 * latency. Same pool, timeouts and unreachability noting as every query (lib/db/pool.ts).
 */
export class PgTx implements TSqlRunner {
  constructor(private readonly client: pg.PoolClient | pg.Pool) {}

  async rows<T>(q: Sql): Promise<T[]> {
    // Named (prepared once per connection): the `sql` tag keeps values out of the text, so a
    // code path's text is fixed (lib/db/prepared-name.ts).
    const query = toPgQuery(q);
    const r = await this.client.query({ ...query, name: preparedName(query.text), types } as pg.QueryConfig);
    return r.rows as T[];
  }
}

/** The app's pool outside any transaction (one statement, its own implicit transaction). */
export function pgRunner(): TSqlRunner {
  return new PgTx(pgPool());
}

/** A Prisma transaction (or client) as a TSqlRunner, for helpers shared with Prisma's paths. */
export function prismaRunner(tx: Pick<TTx, "$queryRaw">): TSqlRunner {
  return { rows: <T>(q: Sql) => tx.$queryRaw<T[]>(Prisma.sql(q.strings, ...q.values)) };
}

/** Either kind of transaction as a runner. */
export function runnerOf(tx: TTx | TSqlRunner): TSqlRunner {
  return tx instanceof PgTx ? tx : prismaRunner(tx as TTx);
}

/**
 * Runs `fn` between BEGIN and COMMIT on one pooled connection; any throw rolls back. There is no
 * limit on the whole transaction as Prisma's `timeout` was: each statement has the pool's
 * statement and query timeouts, and the work between them is the request's own CPU. A connection
 * whose ROLLBACK failed (its server gone, or ended after a timeout) is discarded, not reused.
 */
export async function pgTransaction<T>(fn: (tx: PgTx) => Promise<T>): Promise<T> {
  const client = await pgPool().connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await fn(new PgTx(client));
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch((e: unknown) => {
      broken = e instanceof Error ? e : new Error("ROLLBACK failed");
    });
    throw err;
  } finally {
    client.release(broken);
  }
}
