import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyLimitFor, declaredLength, type TBodyLimitRule } from "./body-limits";
import { AppError, type TAppErrorCode } from "@/lib/errors/app-error";
import { appErrorProblem } from "./problem";
import { isSameOrigin } from "./same-origin";

// Guards that run on every request before Next sees it (installed with the peer stamp, see
// lib/http/peer-address.ts). Their configuration is set once at boot (lib/boot/register-node.ts):
// the API routes' body limits from the route registry, and the public address. On globalThis:
// the instrumentation bundle installs them, every bundle may read them.
const RULES_KEY = Symbol.for("clinreview.bodyLimitRules");
const PUBLIC_URL_KEY = Symbol.for("clinreview.publicUrl");
const HSTS_KEY = Symbol.for("clinreview.hsts");
const g = globalThis as unknown as Record<symbol, unknown>;

export function setBodyLimitRules(rules: readonly TBodyLimitRule[]): void {
  g[RULES_KEY] = rules;
}

export function setPublicUrl(url: string | undefined): void {
  g[PUBLIC_URL_KEY] = url;
}

/** The HSTS header of this deployment (decided at run time from NEXTAUTH_URL), or null. */
export function setHsts(hsts: { key: string; value: string } | null): void {
  g[HSTS_KEY] = hsts;
}

/**
 * HSTS on every response, whatever answers it (next-auth, /api/health, static files, these
 * guards): set before Next runs, so no route can forget it.
 */
export function stampHsts(res: ServerResponse | undefined): void {
  const hsts = g[HSTS_KEY] as { key: string; value: string } | null | undefined;
  if (res && hsts && !res.headersSent) res.setHeader(hsts.key, hsts.value);
}

function rules(): readonly TBodyLimitRule[] {
  return (g[RULES_KEY] as readonly TBodyLimitRule[] | undefined) ?? [];
}

/** Methods no route serves, which Next answers with a 500: refused here as 405. */
const UNSUPPORTED_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);

/** Answers a problem+json and closes the connection, so the rest of the body is never read. */
function answer(
  req: IncomingMessage,
  res: ServerResponse,
  code: TAppErrorCode,
  detail: string,
  extra: Record<string, string> = {},
): void {
  if (!res.headersSent) {
    const problem = appErrorProblem(new AppError(code, detail));
    const status = problem.status;
    const body = JSON.stringify(problem);
    res.writeHead(status, {
      "content-type": "application/problem+json",
      "content-length": Buffer.byteLength(body),
      connection: "close",
      ...extra,
    });
    res.end(body);
  }
  res.once("finish", () => req.socket?.destroy());
  req.pause();
}

/** Refuses TRACE and its kin with 405 before Next sees them. Returns false when refused. */
export function guardMethod(req: IncomingMessage, res: ServerResponse | undefined): boolean {
  if (!res || !UNSUPPORTED_METHODS.has((req.method ?? "").toUpperCase())) return true;
  answer(req, res, "METHOD_NOT_ALLOWED", `${req.method} is not supported`, {
    allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS",
  });
  return false;
}

const header = (req: IncomingMessage, name: string): string | null => {
  const v = req.headers[name];
  return typeof v === "string" ? v : null;
};

/**
 * A server action from another origin, or without Origin and Sec-Fetch-Site, is cross-site request
 * forgery: refused here with 403, where Next's own check would answer 500.
 */
export function guardActionOrigin(req: IncomingMessage, res: ServerResponse | undefined): boolean {
  if (!res || req.headers["next-action"] === undefined) return true;
  const same = isSameOrigin(
    { origin: header(req, "origin"), secFetchSite: header(req, "sec-fetch-site"), host: header(req, "host") },
    g[PUBLIC_URL_KEY] as string | undefined,
  );
  if (same) return true;
  answer(req, res, "FORBIDDEN", "Cross-origin requests are not allowed");
  return false;
}

/** 413: the body is over its limit. */
function refuse(req: IncomingMessage, res: ServerResponse, limit: number): void {
  answer(req, res, "PAYLOAD_TOO_LARGE", `The request body is larger than ${limit} bytes`);
}

/**
 * Enforces the request's body limit before Next sees it: by Content-Length at once, and by
 * counting the bytes the parser pushes for streamed bodies, so no handler ever buffers more than
 * its limit. Returns false when the request was refused and must not reach Next.
 */
export function guardBody(req: IncomingMessage, res: ServerResponse | undefined): boolean {
  if (!res) return true;
  const limit = bodyLimitFor(req, rules());
  const declared = declaredLength(req.headers);
  if (declared !== null && declared > limit) {
    refuse(req, res, limit);
    return false;
  }
  if (declared !== null) return true; // Node's parser never delivers more than Content-Length.
  let received = 0;
  let refused = false;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    // Once refused, the rest is dropped unread; the socket closes when the 413 has been sent
    // (destroying it now could lose the answer to a reset).
    if (refused) return false;
    if (chunk !== null && chunk !== undefined) {
      received +=
        typeof chunk === "string" ? Buffer.byteLength(chunk, encoding) : (chunk as Uint8Array).byteLength;
      if (received > limit) {
        refused = true;
        refuse(req, res, limit);
        return false;
      }
    }
    return push(chunk, encoding);
  };
  return true;
}
