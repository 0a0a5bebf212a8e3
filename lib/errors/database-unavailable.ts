// Errors that mean "the database cannot be reached just now", as the pg driver, its pool and
// Prisma raise them: answered 503 with Retry-After, not 500, so clients and load balancers retry.
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "EAI_AGAIN",
  "EPIPE",
]);
// PostgreSQL: admin/crash shutdown, cannot connect now, too many connections, and 57014: a
// statement cancelled (statement_timeout, or an operator cancelling it) is worth a retry too.
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08006", "57014"]);
// Prisma: can't reach server, timed out, pool timeout.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
// The last four: pg's client-side query timeout, the statement timeout as Prisma may relay it, a
// connection ended after such a timeout (lib/db/pool.ts), and Prisma giving up on a transaction
// it could not start, or that the database kept past its time limit.
const MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|Can't reach database server|terminating connection due to administrator command|Query read timeout|canceling statement due to statement timeout|Client was closed and is not queryable|Unable to start a transaction in the given time|expired transaction/i;

/**
 * The digest a page's error carries when the database was unreachable (set in lib/db/prisma.ts),
 * so the error screen, which sees only the digest in production, can say so.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "CLINREVIEW_DATABASE_UNAVAILABLE";

/** True when the error (or one of its causes) says the database is unreachable. */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === "object" && depth < 8; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (
      typeof code === "string" &&
      (NETWORK_CODES.has(code) || SQLSTATES.has(code) || PRISMA_CODES.has(code))
    )
      return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    e = cause;
  }
  return false;
}
