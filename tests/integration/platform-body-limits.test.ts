// Body limits in front of Next: an oversized body is refused before any handler buffers it, by
// Content-Length at once and by counting a streamed (chunked) body as it arrives.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_ROUTES } from "@/lib/api/registry";
import { setHsts } from "@/lib/http/request-guards";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { startGuardedServer } from "../support/guarded-server";

let guarded: Awaited<ReturnType<typeof startGuardedServer>>;
let port = 0;
let readBytes: Map<string, number>;
const post = (path: string, total: number, declare: number | null) => guarded.post(path, total, declare);

beforeAll(async () => {
  guarded = await startGuardedServer();
  ({ port, readBytes } = guarded);
});
afterAll(() => guarded.close());

describe("body limits before Next", () => {
  it("refuses a declared 300 MB sign-in post at once: 413 problem+json, the handler never runs", async () => {
    const res = await post("/api/auth/callback/credentials", 200_000, 300_000_000);
    expect(res.status).toBe(413);
    expect(res.type).toContain("application/problem+json");
    expect(JSON.parse(res.body)).toMatchObject({
      status: 413,
      detail: "The request body is larger than 65536 bytes",
    });
    expect(readBytes.has("/api/auth/callback/credentials")).toBe(false);
  });

  it("stops a streamed sign-in post at its limit, long before 50 MB arrive", async () => {
    const res = await post("/api/auth/callback/credentials?streamed", 50_000_000, null);
    expect(res.status).toBe(413);
    expect(res.sent).toBeLessThan(50_000_000);
    expect(readBytes.get("/api/auth/callback/credentials?streamed") ?? 0).toBeLessThanOrEqual(
      BODY_LIMITS.auth,
    );
  });

  it("holds a JSON API route to 1 MB, streamed or declared", async () => {
    expect((await post("/api/v1/seeds/abc/submit", 2_000_000, null)).status).toBe(413);
    expect((await post("/api/v1/seeds/abc/submit", 10, 2_000_000)).status).toBe(413);
    expect(readBytes.get("/api/v1/seeds/abc/submit") ?? 0).toBeLessThanOrEqual(BODY_LIMITS.json);
  });

  it("lets each upload route take what it declares", async () => {
    const seeds = await post("/api/v1/seeds/import", 4_000_000, null);
    expect(seeds.status).toBe(200);
    expect(JSON.parse(seeds.body)).toEqual({ read: 4_000_000 });
    expect((await post("/api/v1/seeds/import?again", 6_000_000, null)).status).toBe(413);
    const dataset = await post("/api/v1/datasets?name=x", 8_000_000, 8_000_000);
    expect(JSON.parse(dataset.body)).toEqual({ read: 8_000_000 });
  });

  it("answers TRACE with 405 before Next (which answered 500)", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, path: "/api/health", method: "TRACE" }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(405);
    expect(readBytes.has("/api/health")).toBe(false);
  });

  it("refuses a server action from another origin, or with no Origin at all, with 403 before Next", async () => {
    const action = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            host: "127.0.0.1",
            port,
            path: "/seeds/new",
            method: "POST",
            headers: { "next-action": "abc", ...headers },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on("error", reject);
        req.end("[]");
      });
    expect(await action({ origin: "https://evil.test", "x-forwarded-host": "evil.test" })).toBe(403);
    expect(await action({})).toBe(403);
    expect(await action({ origin: `http://127.0.0.1:${port}` })).toBe(200);
  });

  it("puts HSTS on every response once the deployment is https, refusals included", async () => {
    setHsts({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
    try {
      const headersOf = (path: string, method = "GET") =>
        new Promise<Record<string, unknown>>((resolve, reject) => {
          const req = httpRequest({ host: "127.0.0.1", port, path, method }, (res) => {
            res.resume();
            resolve(res.headers);
          });
          req.on("error", reject);
          req.end();
        });
      expect((await headersOf("/api/health"))["strict-transport-security"]).toBe(
        "max-age=63072000; includeSubDomains",
      );
      expect((await headersOf("/api/auth/csrf"))["strict-transport-security"]).toBe(
        "max-age=63072000; includeSubDomains",
      );
      expect((await headersOf("/", "TRACE"))["strict-transport-security"]).toBe(
        "max-age=63072000; includeSubDomains",
      );
    } finally {
      setHsts(null);
    }
    expect(
      await new Promise((resolve) =>
        httpRequest({ host: "127.0.0.1", port, path: "/api/health" }, (res) =>
          resolve(res.headers["strict-transport-security"]),
        ).end(),
      ),
    ).toBeUndefined();
  });

  it("declares a limit on every route that reads a raw upload", () => {
    const raw = API_ROUTES.filter((r) => r.def.rawBody);
    expect(raw.length).toBeGreaterThanOrEqual(4);
    expect(raw.filter((r) => !r.def.bodyLimit).map((r) => r.def.path)).toEqual([]);
  });
});
