// The primary of `npm start`'s worker processes (scripts/start.ts runs it when APP_WORKERS > 1):
// forks that many `next start` processes on one port with node:cluster, whose primary accepts the
// connections and hands them out round-robin. One Node process serves on one core; the app keeps
// no shared state in process memory (leases, idempotency keys, rate limits and login slots are
// rows in PostgreSQL), so the workers behave as one server.
// Usage: node scripts/support/next-cluster.ts <workers> <next start arguments…> (via tsx).
import cluster from "node:cluster";

const NEXT = "node_modules/next/dist/bin/next";
const workers = Number(process.argv[2]);
const nextArgs = process.argv.slice(3);
if (!Number.isInteger(workers) || workers < 1) {
  console.error(`next-cluster: bad worker count ${process.argv[2]}`);
  process.exit(2);
}

// execArgv empty: the workers are plain `next start`, without this launcher's tsx loader.
cluster.setupPrimary({ exec: NEXT, args: ["start", ...nextArgs], execArgv: [] });
let stopping = false;
let live = 0;
for (let i = 0; i < workers; i++) {
  cluster.fork();
  live++;
}

const stop = (signal: NodeJS.Signals) => {
  stopping = true;
  for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));

// A worker that exits on its own (a refused start-up check, a crash) stops the whole server, as a
// single `next start` would: whatever supervises `npm start` restarts it, and a worker that cannot
// start is never respawned in a loop.
let exitCode = 0;
cluster.on("exit", (worker, code, signal) => {
  live--;
  if (!stopping) {
    console.error(
      `next-cluster: worker ${worker.process.pid} exited (${signal ?? code}); stopping the others`,
    );
    exitCode = code || 1;
    stop("SIGTERM");
  }
  if (live === 0) process.exit(exitCode);
});
