import { describe, expect, it } from "vitest";
import { BODY_LIMITS, bodyLimitFor, bodyLimitRules, declaredLength, routePattern } from "./body-limits";

const routes = [
  { def: { method: "POST", path: "/api/v1/datasets", bodyLimit: BODY_LIMITS.datasetImport } },
  { def: { method: "POST", path: "/api/v1/studies/:id/outputs", bodyLimit: BODY_LIMITS.bulkUpload } },
  { def: { method: "POST", path: "/api/v1/seeds/import", bodyLimit: BODY_LIMITS.seedImport } },
  { def: { method: "POST", path: "/api/v1/seeds/:id/submit" } },
];
const rules = bodyLimitRules(routes);
const at = (method: string, url: string, headers: Record<string, string> = {}) =>
  bodyLimitFor({ method, url, headers }, rules);

describe("body limits", () => {
  it("gives next-auth 64 KiB and server actions 1 MB, wherever they are posted", () => {
    expect(at("POST", "/api/auth/callback/credentials")).toBe(65_536);
    expect(at("POST", "/api/auth/signin/credentials?x=1")).toBe(65_536);
    expect(at("POST", "/seeds/new", { "next-action": "abc" })).toBe(1_000_000);
    expect(at("POST", "/api/v1/datasets", { "next-action": "abc" })).toBe(1_000_000);
  });

  it("takes each API route's declared limit, with parameters and query strings", () => {
    expect(at("POST", "/api/v1/datasets?name=x&outputField=gpt-4-answer")).toBe(536_870_912);
    expect(at("POST", "/api/v1/studies/3f1c/outputs")).toBe(50_000_000);
    expect(at("POST", "/api/v1/seeds/import")).toBe(5_000_000);
    // Declared without a limit: the JSON default. The literal route wins over ":id".
    expect(at("POST", "/api/v1/seeds/abc/submit")).toBe(1_000_000);
    expect(at("POST", "/api/v1/studies/3f1c/outputs/extra")).toBe(1_000_000);
    // Another method on the same path is not the upload.
    expect(at("PUT", "/api/v1/datasets")).toBe(1_000_000);
    expect(at("GET", "/anything")).toBe(1_000_000);
  });

  it("reads the path as Next routes it: dot segments and absolute-form targets cannot dodge a limit", () => {
    expect(at("POST", "/api/v1/../auth/callback/credentials")).toBe(65_536);
    expect(at("POST", "/api/v1/%2e%2e/auth/callback/credentials")).toBe(65_536);
    expect(at("POST", "http://evil.test/api/auth/callback/credentials")).toBe(65_536);
    expect(at("POST", "/api/v1/seeds/import/../abc/submit")).toBe(1_000_000);
  });

  it("matches a parameter to one whole segment only", () => {
    expect(routePattern("/api/v1/studies/:id/outputs").test("/api/v1/studies/a/b/outputs")).toBe(false);
    expect(routePattern("/api/v1/a.b").test("/api/v1/aXb")).toBe(false);
  });

  it("reads Content-Length only when it is a plain number", () => {
    expect(declaredLength({ "content-length": "300000000" })).toBe(300_000_000);
    expect(declaredLength({ "content-length": "12abc" })).toBeNull();
    expect(declaredLength({})).toBeNull();
  });
});
