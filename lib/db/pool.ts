import "server-only";
import pg from "pg";
import { isDatabaseUnavailable } from "@/lib/errors/database-unavailable";
import { currentRequestScope, type TRequestScope } from "@/lib/http/request-scope";
import { isExemptStatement, type TPoolTimeouts } from "./timeout-options";

type TQuery = (...args: unknown[]) => unknown;

const READ_TIMEOUT = "Query read timeout";

function isReadTimeout(err: unknown): boolean {
  return err instanceof Error && err.message === READ_TIMEOUT;
}

/**
 * Gives every query on this connection the client-side timeout (pg's per-query query_timeout),
 * unless its transaction ran EXEMPT_STATEMENT_SQL. A query that timed out leaves its connection
 * waiting on a server that never answered: the connection is ended at once (its socket
 * destroyed), so the rest of its transaction fails fast and the pool discards it on release
 * instead of handing it to the next request.
 */
function timeQueries(client: pg.PoolClient, timeoutMs: number | null, exempt: WeakSet<pg.PoolClient>): void {
  const target = client as unknown as { query: TQuery };
  const query: TQuery = target.query.bind(client);
  target.query = (...args: unknown[]): unknown => {
    const scope = currentRequestScope();
    const onError = (err: unknown) => {
      if (isReadTimeout(err)) client.end().catch(() => undefined);
      noteIfUnavailable(scope, err);
    };
    const first = args[0];
    const text = typeof first === "string" ? first : (first as { text?: unknown } | null)?.text;
    if (isExemptStatement(text)) exempt.add(client);
    if (
      timeoutMs !== null &&
      !exempt.has(client) &&
      (typeof first === "string" || (first !== null && typeof first === "object" && !("submit" in first)))
    ) {
      args[0] =
        typeof first === "string"
          ? { text: first, query_timeout: timeoutMs }
          : { ...first, query_timeout: timeoutMs };
    }
    const callback = args.at(-1);
    if (typeof callback === "function") {
      return query(...args.slice(0, -1), (err: unknown, result: unknown) => {
        if (err) onError(err);
        (callback as (err: unknown, result: unknown) => void)(err, result);
      });
    }
    const returned = query(...args);
    if (returned instanceof Promise) returned.catch(onError);
    return returned;
  };
}

function noteIfUnavailable(scope: TRequestScope | undefined, err: unknown): void {
  if (scope && isDatabaseUnavailable(err)) scope.databaseUnavailable = true;
}

export type TAppPoolOptions = TPoolTimeouts & { connectionString: string; max: number };

/** The app's pg pool: the timeouts of lib/db/timeout-options.ts, and unreachability noted per request. */
export function createAppPool(o: TAppPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: o.connectionString,
    max: o.max,
    connectionTimeoutMillis: o.connectionTimeoutMillis,
    ...(o.statementTimeoutMs !== null ? { statement_timeout: o.statementTimeoutMs } : {}),
  });
  const exempt = new WeakSet<pg.PoolClient>();
  pool.on("connect", (client) => timeQueries(client, o.queryTimeoutMs, exempt));
  // The exemption lasts as long as the transaction that asked for it holds the connection.
  pool.on("release", (_err: unknown, client: pg.PoolClient) => exempt.delete(client));
  // An idle connection losing its server must not crash the process; the next query reports it.
  pool.on("error", () => undefined);
  const connect = pool.connect.bind(pool) as (cb?: unknown) => unknown;
  (pool as unknown as { connect: (cb?: unknown) => unknown }).connect = (cb?: unknown) => {
    const scope = currentRequestScope();
    if (typeof cb === "function") {
      return connect((err: unknown, ...rest: unknown[]) => {
        if (err) noteIfUnavailable(scope, err);
        (cb as (...a: unknown[]) => void)(err, ...rest);
      });
    }
    const returned = connect() as Promise<pg.PoolClient>;
    returned.catch((err: unknown) => noteIfUnavailable(scope, err));
    return returned;
  };
  return pool;
}
