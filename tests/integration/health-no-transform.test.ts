// /api/health answers are never gzipped by `next start`: the probe's 70 bytes went through zlib on
// every call (its answer streams without a length, so compression's size threshold never applied).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { db } from "@/lib/db/prisma";

afterAll(async () => {
  await db().$disconnect();
});

type TMiddleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

/** The answer's headers after `next start`'s own compression middleware, asked for gzip. */
async function throughNextCompression(answer: Response): Promise<http.IncomingHttpHeaders> {
  const { default: compression } = (await import(
    // @ts-expect-error: Next's vendored copy has no types of its own.
    "next/dist/compiled/compression"
  )) as { default: () => TMiddleware };
  const body = Buffer.from(await answer.arrayBuffer());
  const server = http.createServer((req, res) => {
    compression()(req, res, () => {
      answer.headers.forEach((v, k) => res.setHeader(k, v));
      res.statusCode = answer.status;
      res.write(body); // streamed, no Content-Length: as Next pipes a route's answer
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise((resolve, reject) =>
      http
        .get({ port, host: "127.0.0.1", headers: { "accept-encoding": "gzip" } }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.headers));
        })
        .on("error", reject),
    );
  } finally {
    server.close();
  }
}

describe("GET /api/health", () => {
  it("answers up, uncached and untransformed, so Next's gzip leaves it alone", async () => {
    const res = await GET();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store, no-transform");
    const headers = await throughNextCompression(await GET());
    expect(headers["content-encoding"]).toBeUndefined();
    expect(await res.json()).toMatchObject({ status: "ok", database: "ok" });
  });

  it("the same middleware gzips a streamed JSON answer without no-transform (the check can fail)", async () => {
    const headers = await throughNextCompression(
      Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } }),
    );
    expect(headers["content-encoding"]).toBe("gzip");
  });
});
