// The layer rules of eslint.config.mjs, checked against imports that break them: a rule that
// stopped matching (a renamed folder, a new alias) would otherwise pass lint silently.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

/** Lints `code` as if it were the named file (typed linting only knows files of the project). */
async function restrictedImports(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").length;
}

describe("layer rules", () => {
  it("a pure library imports no database, Next, React or server-only", async () => {
    for (const spec of [
      "@/lib/db/prisma",
      "next/navigation",
      "react",
      "server-only",
      "@/lib/generated/prisma/client",
    ]) {
      expect(await restrictedImports("lib/stats/wilson.ts", `import "${spec}";\n`), spec).toBe(1);
    }
    expect(await restrictedImports("lib/stats/wilson.ts", `import "./wilson";\n`)).toBe(0);
  });

  it("app/ does not import the Prisma client", async () => {
    expect(await restrictedImports("app/layout.tsx", `import "@/lib/db/prisma";\n`)).toBe(1);
    expect(await restrictedImports("app/layout.tsx", `import "@/lib/errors/app-error";\n`)).toBe(0);
  });
  // Typed linting builds the whole program first: tens of seconds on a busy 2-core machine.
}, 180_000);
