import "server-only";
import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { checkDestination, isForbiddenAddress, sanitiseSnippet, type TAllowedHost } from "./allowed-hosts";

export type TSendOutcome = {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  /** host_not_allowed, address_not_allowed, dns, connection, tls, timeout, redirect, http_status. */
  errorClass: string | null;
  snippet: string | null;
};

export type TSendRequest = {
  url: string;
  allowed: TAllowedHost[];
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  maxResponseBytes: number;
};

type TAddress = { address: string; family: number };

/**
 * Checks the URL against the allowlist as it is now, resolves the name once, refuses forbidden
 * addresses, then connects to exactly that address (the request's `lookup` hands it back, so no
 * second resolution can answer differently). Node's http client never follows redirects; a 3xx is
 * a failure. The answer is read up to maxResponseBytes and the whole exchange is bounded by
 * timeoutMs.
 */
export async function sendWebhook(req: TSendRequest): Promise<TSendOutcome> {
  const started = performance.now();
  const done = (o: Omit<TSendOutcome, "durationMs">): TSendOutcome => ({
    ...o,
    durationMs: Math.round(performance.now() - started),
  });
  const fail = (errorClass: string, statusCode: number | null = null, snippet: string | null = null) =>
    done({ ok: false, statusCode, errorClass, snippet });

  const dest = checkDestination(req.url, req.allowed);
  if (!dest.ok) return fail("host_not_allowed");
  const bare = dest.url.hostname.replace(/^\[|\]$/g, "");
  let target: TAddress;
  if (isIP(bare)) {
    // An address the operator listed literally is called as listed.
    target = { address: bare, family: isIP(bare) };
  } else {
    let all: TAddress[] | "timeout";
    let timer: NodeJS.Timeout | undefined;
    try {
      // The deadline covers the resolution too: a resolver that hangs must not hold the lease.
      all = await Promise.race([
        lookup(bare, { all: true, verbatim: true }),
        new Promise<"timeout">((r) => (timer = setTimeout(() => r("timeout"), req.timeoutMs))),
      ]);
    } catch {
      return fail("dns");
    } finally {
      clearTimeout(timer);
    }
    if (all === "timeout") return fail("timeout");
    if (!all.length || all.some((a) => isForbiddenAddress(a.address))) return fail("address_not_allowed");
    target = all[0]!;
  }
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [target]);
    else callback(null, target.address, target.family);
  };

  return new Promise<TSendOutcome>((resolve) => {
    let settled = false;
    const finish = (o: TSendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(o);
    };
    const client = dest.url.protocol === "https:" ? https : http;
    const request = client.request(
      {
        protocol: dest.url.protocol,
        hostname: dest.url.hostname,
        port: dest.port,
        path: `${dest.url.pathname}${dest.url.search}`,
        method: "POST",
        headers: { ...req.headers, "content-length": String(Buffer.byteLength(req.body)) },
        lookup: pinned,
        agent: false,
        ...(isIP(bare) ? {} : { servername: bare }),
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let size = 0;
        const conclude = () => {
          res.destroy();
          const snippet = sanitiseSnippet(Buffer.concat(chunks).toString("utf8"));
          if (status >= 200 && status < 300)
            finish(done({ ok: true, statusCode: status, errorClass: null, snippet }));
          else finish(fail(status >= 300 && status < 400 ? "redirect" : "http_status", status, snippet));
        };
        res.on("data", (c: Buffer) => {
          const room = req.maxResponseBytes - size;
          if (room > 0) chunks.push(c.subarray(0, room));
          size += c.length;
          if (size >= req.maxResponseBytes) conclude();
        });
        res.on("end", conclude);
        res.on("error", conclude);
      },
    );
    const timer = setTimeout(
      () => {
        finish(fail("timeout"));
        request.destroy();
      },
      Math.max(1, req.timeoutMs - (performance.now() - started)),
    );
    request.on("error", (err: NodeJS.ErrnoException) => {
      const code = err.code ?? "";
      finish(fail(/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO/.test(code) ? "tls" : "connection"));
    });
    request.end(req.body);
  });
}
