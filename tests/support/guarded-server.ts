// A plain node:http server behind the request hook that stands in front of Next (body limits, peer
// address), with a handler that only counts what it managed to read: tests of the limits see
// whether a body was refused before anything buffered it.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { API_ROUTES } from "@/lib/api/registry";
import { bodyLimitRules } from "@/lib/http/body-limits";
import { installPeerAddressStamp } from "@/lib/http/peer-address";
import { setBodyLimitRules } from "@/lib/http/request-guards";

export type TPostAnswer = { status: number; type: string | undefined; body: string; sent: number };

export async function startGuardedServer() {
  setBodyLimitRules(bodyLimitRules(API_ROUTES));
  installPeerAddressStamp();
  /** What the handler behind the hook read, per request path. */
  const readBytes = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let n = 0;
    req.on("data", (c: Buffer) => (n += c.byteLength));
    req.on("end", () => {
      readBytes.set(req.url ?? "", n);
      res.end(JSON.stringify({ read: n }));
    });
    req.on("error", () => readBytes.set(req.url ?? "", n));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;

  /** Posts `total` bytes in 64 KiB chunks, chunked unless a length is declared; stops sending once answered. */
  function post(
    path: string,
    total: number,
    declare: number | null,
    headers: Record<string, string> = {},
  ): Promise<TPostAnswer> {
    return new Promise((resolve, reject) => {
      const h: Record<string, string> = { "content-type": "application/octet-stream", ...headers };
      if (declare !== null) h["content-length"] = String(declare);
      let answered = false;
      let sent = 0;
      const req = httpRequest(
        { host: "127.0.0.1", port, path, method: "POST", headers: h },
        (res: IncomingMessage) => {
          answered = true;
          let body = "";
          res.on("data", (c: Buffer) => (body += c.toString()));
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, type: res.headers["content-type"], body, sent }),
          );
        },
      );
      req.on("error", (err) => (answered ? undefined : reject(err)));
      const chunk = Buffer.alloc(65_536, 120);
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

  const close = () => new Promise<void>((r) => server.close(() => r()));
  return { port, readBytes, post, close };
}
