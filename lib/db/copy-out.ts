import "server-only";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { CopyRows } from "./copy-binary";
import { pgPool } from "./prisma";
import { poolTimeouts } from "./timeout-options";

/**
 * The output of `COPY (query) TO STDOUT (FORMAT binary)` on a pooled connection, held whole, as a
 * cursor over its rows (copy-binary.ts: each field's raw bytes, read only when asked for). pg
 * decodes every text field it receives into a JavaScript string, even in its binary mode; COPY is
 * the one way to receive PostgreSQL's bytes as they are. `query` must be bounded (a window of
 * rows). COPY takes no bind parameters: the caller builds `query` from values it has checked.
 *
 * pg's query_timeout does not reach a COPY (lib/db/pool.ts leaves stream queries alone), so the
 * same limit is kept here as a read timeout: a server that stops sending for that long (frozen,
 * or cut off by a firewall) fails the read and its connection is discarded, instead of the export
 * waiting on it forever.
 */
export async function copyOutBinary(
  query: string,
  options: { pool?: pg.Pool; readTimeoutMs?: number | null } = {},
): Promise<CopyRows> {
  const readTimeoutMs =
    options.readTimeoutMs === undefined ? poolTimeouts(env()).queryTimeoutMs : options.readTimeoutMs;
  const client = await (options.pool ?? pgPool()).connect();
  let failed = true;
  let timer: NodeJS.Timeout | undefined;
  try {
    const copy = client.query(copyTo(`COPY (${query}) TO STDOUT (FORMAT binary)`));
    const arm = () => {
      if (readTimeoutMs === null) return;
      clearTimeout(timer);
      // The message is the one lib/errors/database-unavailable.ts reads as "answer 503".
      timer = setTimeout(
        () => copy.destroy(new AppError("UNAVAILABLE", "Query read timeout")),
        readTimeoutMs,
      );
    };
    const chunks: Buffer[] = [];
    arm();
    for await (const chunk of copy) {
      chunks.push(chunk as Buffer);
      arm();
    }
    failed = false;
    return new CopyRows(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks));
  } finally {
    clearTimeout(timer);
    // A connection whose COPY failed or timed out midway is not handed to anyone else.
    client.release(failed ? true : undefined);
  }
}
