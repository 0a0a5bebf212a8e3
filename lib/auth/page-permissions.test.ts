import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const APP = path.resolve(__dirname, "../../app/(app)");

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return pages(full);
    return name === "page.tsx" ? [full] : [];
  });
}

it("every signed-in page checks its permission with requirePagePermission, so denials are recorded", () => {
  const offenders = pages(APP).filter((file) => {
    const src = readFileSync(file, "utf8");
    // A hand-rolled forbidden() skips the audit entry for the denial.
    return !src.includes("requirePagePermission(") || /\bforbidden\(\)/.test(src);
  });
  expect(offenders.map((f) => path.relative(APP, f))).toEqual([]);
});
