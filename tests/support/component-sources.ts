import { readdirSync } from "node:fs";
import { join, relative } from "node:path";

export const REPO_ROOT = join(__dirname, "..", "..");

/** Every source file under components/, as repository paths; tests are not shipped code. */
export function componentSources(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(relative(REPO_ROOT, p));
    }
  };
  walk(join(REPO_ROOT, "components"));
  return out.sort();
}
