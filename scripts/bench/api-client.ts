// Minimal HTTP client for the benchmarks: Bearer-token JSON calls through fetch, a lean
// node:http call for the saturated loops, and a streamed file upload through node:http (the file
// is piped, never held in memory).
import { createReadStream, statSync } from "node:fs";
import { Agent, request } from "node:http";
import { pipeline } from "node:stream/promises";
import { gunzipSync } from "node:zlib";

export type TCaller = { baseUrl: string; token: string };

export async function call(
  c: TCaller,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${c.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${c.token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

// Kept-alive sockets, as many as callers in flight (fetch's pool keeps them alive too).
const keepAlive = new Agent({ keepAlive: true, maxSockets: Infinity });

export type TLeanAnswer = { status: number; text: () => string };

/**
 * The same request as `call` (method, path, headers incl. fetch's `accept-encoding`, JSON body)
 * over node:http, for the loops that measure the app at saturation: the load generator runs on
 * the same cores as the app, and fetch spent about twice the CPU per request of this (web streams,
 * Headers, its own body handling; BENCHMARKS.md, "Claim cost and capacity"). The body is read as
 * one Buffer and decoded only when asked.
 */
export function callLean(
  c: TCaller,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<TLeanAnswer> {
  if (process.env.BENCH_CLIENT === "fetch") return viaFetch(c, method, path, body, headers);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(`${c.baseUrl}${path}`, {
      method,
      agent: keepAlive,
      headers: {
        authorization: `Bearer ${c.token}`,
        "accept-encoding": "gzip",
        ...(payload === undefined
          ? {}
          : { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }),
        ...headers,
      },
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (d: Buffer) => chunks.push(d));
      res.on("end", () => {
        const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        const gzipped = res.headers["content-encoding"] === "gzip";
        resolve({
          status: res.statusCode ?? 0,
          text: () => (gzipped ? gunzipSync(raw) : raw).toString("utf8"),
        });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(payload);
  });
}

/** BENCH_CLIENT=fetch: callLean through fetch, as the bench measured before, for comparison. */
async function viaFetch(
  c: TCaller,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<TLeanAnswer> {
  const res = await call(c, method, path, body, headers);
  const text = await res.text();
  return { status: res.status, text: () => text };
}

/** A JSON call that must answer `expected`; anything else stops the benchmark with the body. */
export async function callJson<T>(
  c: TCaller,
  method: string,
  path: string,
  body: unknown,
  expected: number,
): Promise<T> {
  const res = await call(c, method, path, body);
  const text = await res.text();
  if (res.status !== expected)
    throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

export async function uploadFile(
  c: TCaller,
  path: string,
  file: string,
  contentType: string,
): Promise<{ status: number; body: string }> {
  const url = new URL(`${c.baseUrl}${path}`);
  const req = request(url, {
    method: "POST",
    headers: {
      authorization: `Bearer ${c.token}`,
      "content-type": contentType,
      "content-length": String(statSync(file).size),
    },
  });
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (d: Buffer) => chunks.push(d));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
      );
      res.on("error", reject);
    });
    req.on("error", reject);
  });
  await pipeline(createReadStream(file, { highWaterMark: 256 * 1024 }), req);
  return answered;
}
