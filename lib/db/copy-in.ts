import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { pgPool } from "./prisma";
import { poolTimeouts } from "./timeout-options";

/**
 * Sends `pieces` as the input of `statement` (a `COPY … FROM STDIN`) on a pooled connection; the
 * rows written. Each piece goes to the socket as it is (pg-copy-streams frames it, never copies it).
 *
 * pg's query_timeout does not reach a COPY (lib/db/pool.ts leaves stream queries alone), so the
 * same limit bounds the whole statement here: one that has not finished by then (a frozen server,
 * or one cut off by a firewall) fails as unavailable and its connection is discarded, as is any
 * connection whose COPY failed midway.
 */
export async function copyInBinary(
  statement: string,
  pieces: readonly Uint8Array[],
  options: { pool?: pg.Pool; timeoutMs?: number | null } = {},
): Promise<number> {
  const timeoutMs = options.timeoutMs === undefined ? poolTimeouts(env()).queryTimeoutMs : options.timeoutMs;
  const client = await (options.pool ?? pgPool()).connect();
  let failed = true;
  let timer: NodeJS.Timeout | undefined;
  try {
    const copy = client.query(copyFrom(statement));
    const sent = pipeline(Readable.from(pieces), copy);
    // A stalled server may never answer the CopyFail that destroying the stream sends, so the wait
    // is given up here (`sent` settling later is ignored) and the connection dropped in `finally`.
    sent.catch(() => undefined);
    const timedOut = new Promise<never>((_, reject) => {
      if (timeoutMs === null) return;
      timer = setTimeout(() => {
        // The message is the one lib/errors/database-unavailable.ts reads as "answer 503".
        const err = new AppError("UNAVAILABLE", "Query read timeout");
        copy.destroy(err);
        reject(err);
      }, timeoutMs);
    });
    await Promise.race([sent, timedOut]);
    failed = false;
    return copy.rowCount;
  } finally {
    clearTimeout(timer);
    client.release(failed ? true : undefined);
  }
}
