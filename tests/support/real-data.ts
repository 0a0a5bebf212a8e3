// The real AlpaCare and AlpacaEval files are never copied into the repo (their licences, and their
// size): tests read them from CLINREVIEW_REAL_DATA (default ../shared/data beside the clone). Where
// a file is absent the test reports itself skipped, naming the variable; generated fixtures cover
// what it checks, so the suite passes on a clone anywhere.
import { existsSync } from "node:fs";
import path from "node:path";

export const REAL_DATA_VAR = "CLINREVIEW_REAL_DATA";

const repoRoot = path.resolve(__dirname, "../..");

/** The folder the real files are read from. */
export function realDataDir(): string {
  const configured = process.env[REAL_DATA_VAR];
  return configured ? path.resolve(configured) : path.resolve(repoRoot, "../shared/data");
}

/** Absolute path of a real file (relative to the real-data folder), or null when it is absent. */
export function realDataFile(relative: string): string | null {
  const file = path.join(realDataDir(), relative);
  return existsSync(file) ? file : null;
}

/** The reason a test names when it skips for want of a real file. */
export function realDataSkipReason(relative: string): string {
  return `real data file ${relative} not found under ${REAL_DATA_VAR} (${realDataDir()}); skipped, generated fixtures cover this`;
}

/** Suffix for a describe/test title, so a skipped test names the variable in the runner's list. */
export function realDataTitle(title: string, relative: string): string {
  return realDataFile(relative)
    ? title
    : `${title} [skipped: set ${REAL_DATA_VAR} to a folder with ${relative}]`;
}
