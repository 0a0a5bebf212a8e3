// Minimal HTTP client for the benchmarks: Bearer-token JSON calls through fetch, and a streamed
// file upload through node:http (the file is piped, never held in memory).
import { createReadStream, statSync } from "node:fs";
import { request } from "node:http";
import { pipeline } from "node:stream/promises";

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
