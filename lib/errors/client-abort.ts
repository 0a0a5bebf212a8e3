/**
 * Node's error when the client closed the connection while its request body was still being read
 * ("aborted", ECONNRESET). Nobody is left to answer, and it says nothing about the database or the
 * code: it must not be logged as an outage or an unhandled error.
 */
export function isClientAbort(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  return err.message === "aborted" && (code === "ECONNRESET" || code === undefined);
}
