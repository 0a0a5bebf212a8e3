// Production build on demand, shared by `npm start` and `npm run bench`: builds when the dist dir
// holds no build, or an older one than the newest source file.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const NEXT = "node_modules/next/dist/bin/next";
const SOURCES = ["app", "components", "lib", "proxy.ts", "instrumentation.ts", "next.config.js"];

/** The dist dir next.config.js builds into and `next start` serves from. */
export const distDir = (): string => process.env.NEXT_DIST_DIR ?? ".next";

function newestSourceMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "generated") continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSourceMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function buildIsStale(dir = distDir()): boolean {
  const stamp = path.join(dir, "BUILD_ID");
  const sources = SOURCES.filter((p) => existsSync(p));
  const newest = Math.max(
    ...sources.map((p) => (statSync(p).isDirectory() ? newestSourceMtime(p) : statSync(p).mtimeMs)),
  );
  return !existsSync(stamp) || statSync(stamp).mtimeMs < newest;
}

/** Builds if stale; returns next build's exit status (0 when no build was needed). */
export function buildIfStale(message: string): number {
  if (!buildIsStale()) return 0;
  console.log(message);
  const r = spawnSync(process.execPath, [NEXT, "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  return r.status ?? 1;
}
