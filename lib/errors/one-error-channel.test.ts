// Errors leave services one way: AppError, turned into problem+json by the route wrapper through
// the one table in lib/errors/app-error.ts. And request bodies are read one way: declared in
// defineApiRoute (`body`, or `rawBody` with its kind), never by a handler.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { APP_ERRORS, AppError } from "./app-error";

const root = path.resolve(__dirname, "..", "..");

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "generated") continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(path.relative(root, full));
  }
  return out;
}

const files = [...walk(path.join(root, "lib")), ...walk(path.join(root, "app"))];
const source = (f: string) => readFileSync(path.join(root, f), "utf8");

describe("one error channel", () => {
  it("every code has one status, type and title", () => {
    for (const [code, e] of Object.entries(APP_ERRORS)) {
      expect(new AppError(code as keyof typeof APP_ERRORS, "x").status).toBe(e.status);
      expect(e.type === "about:blank" || e.type.startsWith("/problems/")).toBe(true);
    }
  });

  it("no module but the wrapper builds problem objects", () => {
    expect(source("lib/http/problem.ts")).not.toMatch(/export function problem\(/);
    const importers = files.filter((f) =>
      /import \{[^}]*\bproblem\b[^}]*\} from "@\/lib\/http\/problem"/.test(source(f)),
    );
    expect(importers).toEqual([]);
  });

  it("server-only modules throw AppError, never a bare Error", () => {
    const found = files.filter((f) => {
      const s = source(f);
      return s.includes('import "server-only"') && /throw new Error\(|reject\(new Error\(/.test(s);
    });
    expect(found.sort()).toEqual([
      // next-auth's authorize() speaks in Error messages (its protocol, not ours).
      "lib/auth/auth-options.ts",
      // A channel name refused at construction (a constant of ours, never user input), and the
      // ping's timer rejection, caught by the ping itself: neither reaches a request.
      "lib/db/notify-listener.ts",
      // Configuration refused at boot, before any request.
      "lib/env.ts",
      // A timer's rejection, caught by the health check itself.
      "lib/health/check-health.ts",
    ]);
  });

  it("no route handler reads a request body by hand", () => {
    const routes = files.filter(
      (f) => /(^lib\/.*route[s]?\.ts$)|(^app\/api\/.*route\.ts$)/.test(f) && f !== "lib/http/api-route.ts",
    );
    expect(routes.length).toBeGreaterThan(20);
    const readers =
      /req\.(text|json|arrayBuffer|formData|blob)\(|req\.body\b|request\.body\b|readBodyText|bodyChunks|getReader\(/;
    expect(routes.filter((f) => readers.test(source(f)))).toEqual([]);
  });
});
