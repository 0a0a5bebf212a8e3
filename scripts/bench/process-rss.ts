// Resident memory of a process and its descendants, from /proc (Linux only), so a server that
// spawns workers is measured whole.
import { readFileSync } from "node:fs";

function children(pid: number): number[] {
  let tasks: string[] = [];
  try {
    tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
  } catch {
    return [];
  }
  return tasks.map(Number);
}

function ownRssBytes(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0; // exited between listing and reading
  }
}

export function treeRssBytes(pid: number): number {
  return ownRssBytes(pid) + children(pid).reduce((sum, c) => sum + treeRssBytes(c), 0);
}

export function treePids(pid: number): number[] {
  return [pid, ...children(pid).flatMap(treePids)];
}

/** Samples every `everyMs` until stopped; answers the highest total seen. */
export function sampleRss(pid: number, everyMs = 25): { stop: () => { peak: number; samples: number } } {
  let peak = treeRssBytes(pid);
  let samples = 1;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssBytes(pid));
    samples += 1;
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, treeRssBytes(pid));
      return { peak, samples: samples + 1 };
    },
  };
}

export const mib = (bytes: number) => bytes / 2 ** 20;
