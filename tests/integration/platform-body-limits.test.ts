// Body limits in front of Next: an oversized body is refused before any handler buffers it, by
// Content-Length at once and by counting a streamed (chunked) body as it arrives.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_ROUTES } from "@/lib/api/registry";
import { setBodyLimitRules } from "@/lib/http/body-guard";
import { BODY_LIMITS, bodyLimitRules } from "@/lib/http/body-limits";
import { installPeerAddressStamp } from "@/lib/http/peer-address";

let server: Server;
let port = 0;
/** What the handler behind the hook managed to read, per request path. */
const readBytes = new Map<string, number>();

beforeAll(async () => {
  setBodyLimitRules(bodyLimitRules(API_ROUTES));
  installPeerAddressStamp();
  server = createServer((req, res) => {
    let n = 0;
    req.on("data", (c: Buffer) => (n += c.byteLength));
    req.on("end", () => {
      readBytes.set(req.url ?? "", n);
      res.end(JSON.stringify({ read: n }));
    });
    req.on("error", () => readBytes.set(req.url ?? "", n));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

type TAnswer = { status: number; type: string | undefined; body: string; sent: number };

/** Posts `total` bytes in 64 KiB chunks, chunked unless a length is declared; stops sending once answered. */
function post(path: string, total: number, declare: number | null): Promise<TAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "content-type": "application/octet-stream" };
    if (declare !== null) headers["content-length"] = String(declare);
    const req = httpRequest({ host: "127.0.0.1", port, path, method: "POST", headers }, (res: IncomingMessage) => {
      answered = true;
      let body = "";
      res.on("data", (c: Buffer) => (body += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"], body, sent }));
    });
    let answered = false;
    let sent = 0;
    const chunk = Buffer.alloc(65_536, 120);
    req.on("error", (err) => (answered ? undefined : reject(err)));
    const pump = () => {
      while (!answered && sent < total) {
        const n = Math.min(chunk.byteLength, total - sent);
        sent += n;
        if (!req.write(chunk.subarray(0, n))) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe("body limits before Next", () => {
  it("refuses a declared 300 MB sign-in post at once: 413 problem+json, the handler never runs", async () => {
    const res = await post("/api/auth/callback/credentials", 200_000, 300_000_000);
    expect(res.status).toBe(413);
    expect(res.type).toContain("application/problem+json");
    expect(JSON.parse(res.body)).toMatchObject({ status: 413, detail: "The request body is larger than 65536 bytes" });
    expect(readBytes.has("/api/auth/callback/credentials")).toBe(false);
  });

  it("stops a streamed sign-in post at its limit, long before 50 MB arrive", async () => {
    const res = await post("/api/auth/callback/credentials?streamed", 50_000_000, null);
    expect(res.status).toBe(413);
    expect(res.sent).toBeLessThan(50_000_000);
    expect(readBytes.get("/api/auth/callback/credentials?streamed") ?? 0).toBeLessThanOrEqual(BODY_LIMITS.auth);
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

  it("declares a limit on every route that reads a raw upload", () => {
    const raw = API_ROUTES.filter((r) => r.def.rawBody);
    expect(raw.length).toBeGreaterThanOrEqual(4);
    expect(raw.filter((r) => !r.def.bodyLimit).map((r) => r.def.path)).toEqual([]);
  });
});
