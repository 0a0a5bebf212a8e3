// CPU per request of the bench's two HTTP clients (fetch, callLean) against a trivial local server
// (BENCHMARKS.md, "Claim cost and capacity"): `node --import tsx scripts/bench/client-cpu.ts URL`.
import { call, callLean, type TCaller } from "./api-client";

const CALLERS = 50;
const EACH = 100;
const c: TCaller = { baseUrl: process.argv[2] ?? "http://127.0.0.1:3299", token: "t".repeat(43) };
const body = { verdict: "accept", flags: [], durationMs: 30_000 };

async function measure(name: string, one: () => Promise<void>): Promise<void> {
  const run = () =>
    Promise.all(
      Array.from({ length: CALLERS }, async () => {
        for (let i = 0; i < EACH; i++) await one();
      }),
    );
  await run(); // warm-up
  const t0 = process.cpuUsage();
  await run();
  const t = process.cpuUsage(t0);
  console.log(`${name}: ${((t.user + t.system) / 1000 / (CALLERS * EACH)).toFixed(3)} ms CPU per request`);
}

async function main(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await measure("fetch", async () => {
      const res = await call(c, "POST", "/x", body, { "idempotency-key": "k" });
      JSON.parse(await res.text());
    });
    await measure("callLean", async () => {
      const res = await callLean(c, "POST", "/x", body, { "idempotency-key": "k" });
      JSON.parse(res.text());
    });
  }
}

void main();
