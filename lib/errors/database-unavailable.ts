// Errors that mean "the database cannot be reached just now", as the pg driver, its pool and
// Prisma raise them: answered 503 with Retry-After, not 500, so clients and load balancers retry.
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "EAI_AGAIN", "EPIPE"]);
// PostgreSQL: admin/crash shutdown, cannot connect now, too many connections.
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08006"]);
// Prisma: can't reach server, timed out, pool timeout.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
const MESSAGES = /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|Can't reach database server|terminating connection due to administrator command/i;

/** True when the error (or one of its causes) says the database is unreachable. */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === "object" && depth < 8; depth++) {
    const { code, message, cause } = e as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === "string" && (NETWORK_CODES.has(code) || SQLSTATES.has(code) || PRISMA_CODES.has(code))) return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    e = cause;
  }
  return false;
}
