import "server-only";
import { to as copyTo } from "pg-copy-streams";
import { CopyRows } from "./copy-binary";
import { pgPool } from "./prisma";

/**
 * The output of `COPY (query) TO STDOUT (FORMAT binary)` on a pooled connection, held whole, as a
 * cursor over its rows (copy-binary.ts: each field's raw bytes, read only when asked for). pg itself decodes every text field it receives into a JavaScript
 * string, even in its binary mode; COPY is the one way to receive PostgreSQL's bytes as they are.
 * The whole output is held, so `query` must be bounded (a window of rows). COPY takes no bind
 * parameters: the caller builds `query` from values it has checked (see the callers).
 */
export async function copyOutBinary(query: string): Promise<CopyRows> {
  const client = await pgPool().connect();
  let failed = true;
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of client.query(copyTo(`COPY (${query}) TO STDOUT (FORMAT binary)`)))
      chunks.push(chunk as Buffer);
    failed = false;
    return new CopyRows(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks));
  } finally {
    // A connection whose COPY failed midway is not handed to anyone else.
    client.release(failed ? true : undefined);
  }
}
