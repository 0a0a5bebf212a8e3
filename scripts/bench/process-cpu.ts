// CPU time of a process tree from /proc (Linux only), to tell where a saturated run's time goes:
// the app server's processes or PostgreSQL's. Exited children count through their parent's
// cutime/cstime once reaped.
import { readFileSync } from "node:fs";
import { treePids } from "./process-rss";

const TICK_MS = 10; // USER_HZ is 100 on Linux

function ticks(pid: number, withChildren: boolean): number {
  try {
    // The fields after the command name, which may itself hold spaces: utime is the 14th field.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat
      .slice(stat.lastIndexOf(")") + 2)
      .split(" ")
      .map(Number);
    return (f[11] ?? 0) + (f[12] ?? 0) + (withChildren ? (f[13] ?? 0) + (f[14] ?? 0) : 0);
  } catch {
    return 0; // exited between listing and reading
  }
}

/** CPU milliseconds used so far by `pid` and its descendants (live and reaped). */
export function treeCpuMs(pid: number): number {
  return treePids(pid).reduce((sum, p) => sum + ticks(p, p === pid), 0) * TICK_MS;
}

/** The postmaster's pid of the server `client` is connected to (its data directory's postmaster.pid). */
export function postmasterPid(dataDirectory: string): number {
  return Number(readFileSync(`${dataDirectory}/postmaster.pid`, "utf8").split("\n")[0]);
}
