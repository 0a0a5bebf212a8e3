import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ROUTES } from "./registry";
import { openApiDocument } from "./openapi";

const V1 = path.resolve(__dirname, "../../app/api/v1");

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return routeFiles(p);
    return name === "route.ts" ? [p] : [];
  });
}

function declared(): string[] {
  return routeFiles(V1).flatMap((file) => {
    const rel = path.relative(path.resolve(__dirname, "../.."), path.dirname(file)).split(path.sep).join("/");
    const urlPath = `/${rel.replace(/^app\//, "")}`.replace(/\[(\w+)\]/g, ":$1");
    const methods = [
      ...readFileSync(file, "utf8").matchAll(
        /export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g,
      ),
    ].map((m) => m[1]);
    return methods.map((m) => `${m} ${urlPath}`);
  });
}

describe("the /api/v1 registry", () => {
  it("matches the route files exactly, so the OpenAPI document cannot drift from the app", () => {
    const registered = API_ROUTES.map((r) => `${r.def.method} ${r.def.path}`).concat(
      "GET /api/v1/openapi.json",
    );
    expect(declared().sort()).toEqual(registered.sort());
  });

  it("documents each route with its permission, parameters and problem responses", () => {
    const doc = openApiDocument("test") as {
      paths: Record<
        string,
        Record<
          string,
          {
            "x-permission": string;
            parameters: { name: string; in: string }[];
            responses: Record<string, unknown>;
          }
        >
      >;
    };
    for (const { def } of API_ROUTES) {
      const op = doc.paths[def.path.replace(/:(\w+)/g, "{$1}")]?.[def.method.toLowerCase()];
      expect(op, `${def.method} ${def.path}`).toBeDefined();
      expect(op?.responses["401"]).toBeDefined();
      if (def.permission) expect(op?.["x-permission"]).toBe(def.permission);
    }
    const revoke = doc.paths["/api/v1/tokens/{id}"]?.delete;
    expect(revoke?.parameters).toEqual([expect.objectContaining({ name: "id", in: "path" })]);
    const csv = doc.paths["/api/v1/audit-log.csv"]?.get;
    expect(csv?.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(["action", "from", "to"]));
  });
});
