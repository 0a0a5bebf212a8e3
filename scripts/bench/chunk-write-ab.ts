// A/B of the stored export's chunk writes (issue 13 item 4, issue 17 item 2): the same ~83 MB of
// JSON Lines written as 1 MB ExportChunk rows, plain (as before), deflated at level 1 in libuv's
// thread pool (lib/exports/chunk-codec.ts), or compressed by PostgreSQL's lz4 (the column's
// COMPRESSION, migration 20261211000000_export_chunk_lz4), WRITES_IN_FLIGHT at a time, alternating
// in one run so all see the same machine. `npx tsx scripts/bench/chunk-write-ab.ts`.
import { promisify } from "node:util";
import { deflateRaw, inflateRaw } from "node:zlib";
import pg from "pg";
import { createDatabase, startPgCluster, stopPgCluster } from "../../tests/support/pg-cluster";

const CHUNK = 1 << 20;
const TOTAL = 83 * CHUNK;
const IN_FLIGHT = 3;
const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

/** Reads an export back as read-export.ts does: 4 chunks a query, inflating compressed ones. */
async function readAll(pool: pg.Pool, exportId: string, table = "chunk"): Promise<number> {
  const t = performance.now();
  let bytes = 0;
  for (let seq = 0; ; seq += 4) {
    const r = await pool.query<{ data: Buffer; compression: string | null }>(
      `SELECT data, compression FROM ${table} WHERE "exportId" = $1 AND seq >= $2 ORDER BY seq LIMIT 4`,
      [exportId, seq],
    );
    const out = await Promise.all(
      r.rows.map((row) => (row.compression ? inflate(row.data) : Promise.resolve(row.data))),
    );
    bytes += out.reduce((n, b) => n + b.byteLength, 0);
    if (r.rows.length < 4) break;
  }
  if (bytes !== TOTAL) throw new Error(`read ${bytes} bytes`);
  return performance.now() - t;
}

function syntheticJsonl(): Buffer {
  // Words drawn with a seeded generator, so the text compresses as prose does, not as a repeat.
  const words =
    "the patient dose mg daily pain fever chest acute chronic take twice with water seek urgent care if symptoms worsen blood pressure heart rate insulin glucose infection antibiotic".split(
      " ",
    );
  let x = 12345;
  const rnd = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x / 0x7fffffff);
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < TOTAL; i++) {
    const text = (n: number) =>
      Array.from({ length: n }, () => words[Math.floor(rnd() * words.length)]).join(" ");
    const line =
      JSON.stringify({
        id: i,
        instruction: text(20),
        input: "",
        output: text(180),
        verdict: "accept",
        line: i + 1,
      }) + "\n";
    lines.push(line);
    size += Buffer.byteLength(line);
  }
  return Buffer.from(lines.join("")).subarray(0, TOTAL);
}

async function writeAll(
  pool: pg.Pool,
  data: Buffer,
  compress: boolean,
  exportId: string,
  table = "chunk",
): Promise<number> {
  const t = performance.now();
  const inflight = new Set<Promise<void>>();
  for (let seq = 0; seq * CHUNK < data.byteLength; seq++) {
    while (inflight.size >= IN_FLIGHT) await Promise.race(inflight);
    const chunk = data.subarray(seq * CHUNK, (seq + 1) * CHUNK);
    const p: Promise<void> = (async () => {
      const stored = compress ? await deflate(chunk, { level: 1 }) : chunk;
      await pool.query(`INSERT INTO ${table} ("exportId", seq, data, compression) VALUES ($1, $2, $3, $4)`, [
        exportId,
        seq,
        stored,
        compress ? "deflate" : null,
      ]);
    })().then(() => void inflight.delete(p));
    inflight.add(p);
  }
  await Promise.all(inflight);
  return performance.now() - t;
}

async function main() {
  const cluster = await startPgCluster();
  try {
    const url = await createDatabase(cluster.adminUrl, "chunk_ab");
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    await pool.query(
      `CREATE TABLE chunk ("exportId" text, seq int, data bytea, compression text, PRIMARY KEY ("exportId", seq))`,
    );
    await pool.query(`ALTER TABLE chunk ALTER COLUMN data SET STORAGE EXTERNAL`);
    // PostgreSQL's own lz4 (when built with it), in the backend: fewer TOAST rows, no Node CPU.
    await pool.query(
      `CREATE TABLE chunk_lz4 ("exportId" text, seq int, data bytea COMPRESSION lz4, compression text, PRIMARY KEY ("exportId", seq))`,
    );
    const data = syntheticJsonl();
    const t0 = performance.now();
    let stored = 0;
    for (let at = 0; at < data.byteLength; at += CHUNK)
      stored += (await deflate(data.subarray(at, at + CHUNK), { level: 1 })).byteLength;
    console.log(
      `deflate level 1, serial, ${(data.byteLength / 1e6).toFixed(0)} MB → ${(stored / 1e6).toFixed(1)} MB in ${(performance.now() - t0).toFixed(0)} ms`,
    );
    const times: Record<string, number[]> = {};
    const modes = [
      { name: "plain", compress: false, table: "chunk" },
      { name: "deflate", compress: true, table: "chunk" },
      { name: "lz4", compress: false, table: "chunk_lz4" },
    ];
    for (let round = 0; round < 5; round++)
      for (const m of modes) {
        const ms = await writeAll(pool, data, m.compress, `r${round}-${m.name}`, m.table);
        (times[m.name] ??= []).push(ms);
        const readMs = await readAll(pool, `r${round}-${m.name}`, m.table);
        (times[`${m.name}-read`] ??= []).push(readMs);
        console.log(
          `round ${round + 1} ${m.name.padEnd(7)}: write ${ms.toFixed(0)} ms, read ${readMs.toFixed(0)} ms`,
        );
      }
    const med = (a: number[]) => [...a].sort((p, q) => p - q)[Math.floor(a.length / 2)] ?? 0;
    const [p, d] = [med(times.plain ?? []), med(times.deflate ?? [])];
    console.log(
      `write: median plain ${p.toFixed(0)} ms, deflate ${d.toFixed(0)} ms: deflate ÷ plain ×${(d / p).toFixed(2)}`,
    );
    const l = med(times.lz4 ?? []);
    console.log(`write: median lz4 ${l.toFixed(0)} ms: lz4 ÷ plain ×${(l / p).toFixed(2)}`);
    const lr = med(times["lz4-read"] ?? []);
    console.log(`read: median lz4 ${lr.toFixed(0)} ms`);
    const sizes = await pool.query<{ t: string; bytes: string }>(
      `SELECT 'chunk' AS t, pg_total_relation_size('chunk')::text AS bytes UNION ALL SELECT 'chunk_lz4', pg_total_relation_size('chunk_lz4')::text`,
    );
    console.log(sizes.rows.map((r) => `${r.t} ${(Number(r.bytes) / 1e6).toFixed(0)} MB`).join(", "));
    const [pr, dr] = [med(times["plain-read"] ?? []), med(times["deflate-read"] ?? [])];
    console.log(
      `read: median plain ${pr.toFixed(0)} ms, deflate ${dr.toFixed(0)} ms: deflate ÷ plain ×${(dr / pr).toFixed(2)}`,
    );
    await pool.end();
  } finally {
    await stopPgCluster(cluster);
  }
}

void main();
