import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { installPeerAddressStamp, PEER_HEADER, stampPeer } from "./peer-address";
import { clientIp } from "./request-context";

function headersOf(raw: IncomingHttpHeaders): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(raw)) if (typeof v === "string") h.set(k, v);
  return h;
}

function stamped(remoteAddress: string, sent: Record<string, string>): Headers {
  const req = { headers: { ...sent } as IncomingHttpHeaders, socket: { remoteAddress } as never };
  stampPeer(req);
  return headersOf(req.headers);
}

describe("clientIp", () => {
  it("without TRUST_PROXY is the socket peer, whatever X-Forwarded-For or X-Real-IP the client sends", () => {
    const h = stamped("::ffff:10.0.0.9", { "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" });
    expect(clientIp(h, false)).toBe("10.0.0.9");
  });

  it("without TRUST_PROXY ignores forwarding headers on an unstamped request (never spoofable)", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" }), false)).toBeNull();
  });

  it("refuses a peer header the client forged: the stamp overwrites it, and an unsealed one is ignored", () => {
    expect(clientIp(stamped("10.0.0.9", { [PEER_HEADER]: "x 6.6.6.6" }), false)).toBe("10.0.0.9");
    expect(clientIp(new Headers({ [PEER_HEADER]: "x 6.6.6.6" }), false)).toBeNull();
  });

  it("with TRUST_PROXY is the last X-Forwarded-For entry (added by the proxy), not the client-controlled first", () => {
    const h = stamped("10.0.0.2", { "x-forwarded-for": "6.6.6.6, 203.0.113.5" });
    expect(clientIp(h, true)).toBe("203.0.113.5");
    expect(clientIp(stamped("10.0.0.2", {}), true)).toBe("10.0.0.2");
  });

  it("is stamped on real requests before any handler runs, overriding the client's headers", async () => {
    installPeerAddressStamp();
    const server = createServer((req, res) => {
      res.end(
        JSON.stringify({
          plain: clientIp(headersOf(req.headers), false),
          proxied: clientIp(headersOf(req.headers), true),
        }),
      );
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as AddressInfo;
      const body = await new Promise<string>((resolve, reject) => {
        const req = httpRequest(
          {
            host: "127.0.0.1",
            port,
            path: "/",
            headers: { "x-forwarded-for": "6.6.6.6", [PEER_HEADER]: "forged 6.6.6.6" },
          },
          (res) => {
            let text = "";
            res.on("data", (c: Buffer) => (text += c.toString()));
            res.on("end", () => resolve(text));
          },
        );
        req.on("error", reject);
        req.end();
      });
      expect(JSON.parse(body)).toEqual({ plain: "127.0.0.1", proxied: "6.6.6.6" });
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
