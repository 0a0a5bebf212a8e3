// The database timeouts of the app's pool, as plain data (no driver, no framework), so the rules
// are tested without a database. Applied by lib/db/pool.ts.

/**
 * Work whose single statements may run longer than a request's: each names why it is exempt.
 * The first three lift the timeouts in their transactions (withoutStatementTimeout); backups
 * (pg_dump, and restore's own client) and migrations (scripts/support/schema-engine.ts) connect outside the
 * app's pool, so no timeout is ever set on them. A dataset import is not here: it streams in
 * COPY segments of at most 2,000 records, each sent whole once built (lib/datasets/copy-records.ts),
 * a statement of milliseconds, and the timeout bounds each statement, never the import as a whole.
 */
export const STATEMENT_TIMEOUT_EXEMPTIONS = [
  "seed-import",
  "study-outputs-import",
  "export",
  "backup",
  "migrations",
] as const;
export type TStatementTimeoutExemption = (typeof STATEMENT_TIMEOUT_EXEMPTIONS)[number];

/**
 * The one statement that lifts both timeouts for the rest of its transaction: PostgreSQL's own
 * statement_timeout (SET LOCAL ends with the transaction) and, because the pool recognises this
 * exact text on its connection, the client-side wait too (until the connection is released).
 */
export const EXEMPT_STATEMENT_SQL = "SET LOCAL statement_timeout = 0";

export function isExemptStatement(text: unknown): boolean {
  return typeof text === "string" && text.trim() === EXEMPT_STATEMENT_SQL;
}

/** 0 turns the client-side timeout off; otherwise it must outlast the server-side one. */
export function queryTimeoutCoversStatement(queryTimeoutMs: number, statementTimeoutMs: number): boolean {
  return queryTimeoutMs === 0 || statementTimeoutMs === 0 || queryTimeoutMs > statementTimeoutMs;
}

export type TTimeoutSettings = {
  DATABASE_CONNECT_TIMEOUT_MS: number;
  DATABASE_STATEMENT_TIMEOUT_MS: number;
  DATABASE_QUERY_TIMEOUT_MS: number;
  CLINREVIEW_EMBEDDED: boolean;
};

export type TPoolTimeouts = {
  /** Waiting for a pooled connection, or for a new one to be accepted. */
  connectionTimeoutMillis: number;
  /** Sent at connect as the session's statement_timeout; null: the server's own setting. */
  statementTimeoutMs: number | null;
  /** How long the client waits for any answer before it gives the connection up; null: forever. */
  queryTimeoutMs: number | null;
};

/**
 * The embedded demo database (PGlite) is one session that every connection shares: a session
 * setting would apply to all of them, and a statement queued behind another connection's
 * transaction is waiting its turn, not hanging. So it gets the connect timeout only.
 */
export function poolTimeouts(s: TTimeoutSettings): TPoolTimeouts {
  if (s.CLINREVIEW_EMBEDDED)
    return {
      connectionTimeoutMillis: s.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: null,
      queryTimeoutMs: null,
    };
  return {
    connectionTimeoutMillis: s.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: s.DATABASE_STATEMENT_TIMEOUT_MS > 0 ? s.DATABASE_STATEMENT_TIMEOUT_MS : null,
    queryTimeoutMs: s.DATABASE_QUERY_TIMEOUT_MS > 0 ? s.DATABASE_QUERY_TIMEOUT_MS : null,
  };
}
