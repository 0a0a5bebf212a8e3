// A pipeline's webhook receiver for the integration tests: node:http on an ephemeral port of
// 127.0.0.1, recording every request; `respond` decides each answer (by its 1-based number).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { db } from "@/lib/db/prisma";
import { parseAllowedHosts } from "@/lib/webhooks/allowed-hosts";
import { makeUser } from "./factories";

export type TReceived = { path: string; headers: http.IncomingHttpHeaders; body: string };
export type TRespond = (n: number, req: TReceived, res: http.ServerResponse) => void;

export type TReceiver = {
  url: (path?: string) => string;
  hostPort: string;
  received: TReceived[];
  respond: TRespond;
  close: () => Promise<void>;
};

export const ok: TRespond = (_n, _r, res) => res.writeHead(200).end("ok");

/** `host`: the address it listens on (::1 for an IPv6 receiver); the URL writes it as a URL does. */
export async function startReceiver(respond: TRespond = ok, host = "127.0.0.1"): Promise<TReceiver> {
  const received: TReceived[] = [];
  const receiver: TReceiver = { url: () => "", hostPort: "", received, respond, close: async () => {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r = { path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.push(r);
      receiver.respond(received.length, r, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const literal = host.includes(":") ? `[${host}]` : host;
  receiver.hostPort = `${literal}:${port}`;
  receiver.url = (path = "/hook") => `http://${literal}:${port}${path}`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

/** The allowlist naming exactly these receivers. */
export const allowOnly =
  (...receivers: TReceiver[]) =>
  () =>
    parseAllowedHosts(receivers.map((r) => r.hostPort).join(","));

/** An endpoint written straight to the table (registration's allowlist check is the routes' test). */
export async function makeEndpoint(url: string, events: string[] = ["seed.approved"], secret = "whsec_test") {
  const admin = await makeUser("ADMIN");
  return db().webhookEndpoint.create({ data: { url, events, secret, createdById: admin.id } });
}
