import "server-only";
import { randomBytes } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import { guardActionOrigin, guardBody, guardMethod, stampHsts } from "./request-guards";
import { RETRY_AFTER_SECONDS } from "./problem";
import { runInRequestScope, type TRequestScope } from "./request-scope";
import { contentTypeOf, statusWhenDatabaseUnavailable } from "./unavailable-status";

/**
 * The TCP peer of a request, as seen by this process. Route handlers, server actions and
 * next-auth only see headers, and Next fills X-Forwarded-For only when the client did not send
 * one (base-server.js: `req.headers['x-forwarded-for'] ??= socket.remoteAddress`), so that header
 * is whatever the client chose. Instead every request is stamped, before Next sees it, with a
 * header that is always overwritten here. Its value carries a per-process seal so that a request
 * accepted before the stamp was installed (Next listens before instrumentation runs) cannot pass
 * off a header of its own as ours.
 */
export const PEER_HEADER = "x-clinreview-peer";

// On globalThis: the instrumentation bundle stamps and the app bundles read, each with its own
// copy of this module.
const SEAL_KEY = Symbol.for("clinreview.peerSeal");
const INSTALLED_KEY = Symbol.for("clinreview.peerStampInstalled");
const g = globalThis as unknown as Record<symbol, unknown>;

function seal(): string {
  if (typeof g[SEAL_KEY] !== "string") g[SEAL_KEY] = randomBytes(18).toString("base64url");
  return g[SEAL_KEY] as string;
}

/** Overwrites whatever the client sent in PEER_HEADER with the socket's remote address. */
export function stampPeer(req: Pick<IncomingMessage, "headers" | "socket">): void {
  const address = req.socket?.remoteAddress ?? "-";
  req.headers[PEER_HEADER] = `${seal()} ${address}`;
}

/** The stamped peer address, or null when the request was not stamped by this process. */
export function peerFromHeaders(h: Headers): string | null {
  const value = h.get(PEER_HEADER);
  if (!value) return null;
  const space = value.indexOf(" ");
  if (space < 0 || value.slice(0, space) !== seal()) return null;
  const address = value.slice(space + 1);
  return address && address !== "-" ? address : null;
}

type TEmit = (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;

/**
 * A page cannot set its own status, and Next answers an error that escaped a page with 500, or
 * with 200 and the error screen: when the request found the database unreachable (noted in its
 * scope by lib/db/pool.ts) the status is made 503 with Retry-After as the headers go out.
 */
export function answer503WhenDatabaseUnavailable(res: ServerResponse, scope: TRequestScope): void {
  const writeHead = res.writeHead.bind(res) as unknown as (
    statusCode: number,
    ...rest: unknown[]
  ) => ServerResponse;
  const patched = (statusCode: number, ...rest: unknown[]): ServerResponse => {
    if (scope.databaseUnavailable) {
      const headers = rest.find((r) => typeof r === "object" && r !== null);
      const status = statusWhenDatabaseUnavailable(
        statusCode,
        contentTypeOf(res.getHeader("content-type")) ?? contentTypeOf(headers),
      );
      if (status !== statusCode) {
        res.setHeader("retry-after", String(RETRY_AFTER_SECONDS));
        // Without the old status's reason phrase, if one was given.
        return writeHead(status, ...rest.filter((r) => typeof r !== "string"));
      }
    }
    return writeHead(statusCode, ...rest);
  };
  res.writeHead = patched;
}

function patch(proto: { emit: TEmit }): void {
  const original = proto.emit;
  proto.emit = function emit(this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request" || event === "checkContinue" || event === "checkExpectation") {
      const req = args[0] as IncomingMessage | undefined;
      if (req?.headers) {
        stampPeer(req);
        // Refused before Next reads a byte of it (lib/http/request-guards.ts).
        const res = args[1] as ServerResponse | undefined;
        stampHsts(res);
        if (!guardMethod(req, res) || !guardActionOrigin(req, res) || !guardBody(req, res)) return true;
        if (res && event === "request") {
          const scope: TRequestScope = { databaseUnavailable: false };
          answer503WhenDatabaseUnavailable(res, scope);
          return runInRequestScope(scope, () => original.call(this, event, ...args));
        }
      }
    }
    return original.call(this, event, ...args);
  };
}

/**
 * Installs the stamp and the body limits on every HTTP(S) server of the process, including the one `next start`
 * already created: called from instrumentation's register(), which Next awaits before it handles
 * the first request.
 */
export function installPeerAddressStamp(): void {
  if (g[INSTALLED_KEY]) return;
  g[INSTALLED_KEY] = true;
  patch(http.Server.prototype as unknown as { emit: TEmit });
  patch(https.Server.prototype as unknown as { emit: TEmit });
}
