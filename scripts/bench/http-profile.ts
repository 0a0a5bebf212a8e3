// Where a saturated claim/submit run's time goes: the same 50 callers on requests that do less
// (Next and one SELECT; Next and token authentication), and the CPU the app server and
// PostgreSQL each spent per request during the run.
import pg from "pg";
import { callLean, type TCaller } from "./api-client";
import { summarize, type TLatency } from "./latency";
import { postmasterPid, treeCpuMs } from "./process-cpu";

export type TFloor = { latency: TLatency; perSecond: number; n: number };

/** Every caller GETs `path` `each` times in a row, all at once. */
export async function saturatedGets(callers: TCaller[], path: string, each = 40): Promise<TFloor> {
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    callers.map(async (c) => {
      for (let i = 0; i < each; i++) {
        const t = performance.now();
        const res = await callLean(c, "GET", path);
        times.push(performance.now() - t);
        if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
      }
    }),
  );
  return {
    latency: summarize(times),
    perSecond: times.length / ((performance.now() - started) / 1000),
    n: times.length,
  };
}

/** The postmaster of the benchmark's own cluster; null when it cannot be read (a server elsewhere). */
export async function findPostmaster(databaseUrl: string): Promise<number | null> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const dir = (await c.query<{ data_directory: string }>("SHOW data_directory")).rows[0]?.data_directory;
    return dir ? postmasterPid(dir) : null;
  } catch {
    return null;
  } finally {
    await c.end();
  }
}

/**
 * CPU milliseconds the app server, PostgreSQL and this process (the load generator, on the same
 * cores; the bare baseline has no HTTP client) spent while `fn` ran.
 */
export async function cpuDuring<T>(
  appPid: number,
  pgPid: number | null,
  fn: () => Promise<T>,
): Promise<{ value: T; appMs: number; pgMs: number | null; clientMs: number }> {
  const app0 = treeCpuMs(appPid);
  const pg0 = pgPid ? treeCpuMs(pgPid) : 0;
  const client0 = process.cpuUsage();
  const value = await fn();
  const client = process.cpuUsage(client0);
  return {
    value,
    appMs: treeCpuMs(appPid) - app0,
    pgMs: pgPid ? treeCpuMs(pgPid) - pg0 : null,
    clientMs: (client.user + client.system) / 1000,
  };
}
