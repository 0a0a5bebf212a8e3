import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyLimitFor, declaredLength, type TBodyLimitRule } from "./body-limits";

// The limits of the API routes, set once at boot (lib/boot/register-node.ts) from the route
// registry. On globalThis: the instrumentation bundle installs them, every bundle may read them.
const RULES_KEY = Symbol.for("clinreview.bodyLimitRules");
const g = globalThis as unknown as Record<symbol, unknown>;

export function setBodyLimitRules(rules: readonly TBodyLimitRule[]): void {
  g[RULES_KEY] = rules;
}

function rules(): readonly TBodyLimitRule[] {
  return (g[RULES_KEY] as readonly TBodyLimitRule[] | undefined) ?? [];
}

/** Methods no route serves, which Next answers with a 500: refused here as 405. */
const UNSUPPORTED_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);

/** Answers a problem+json and closes the connection, so the rest of the body is never read. */
function answer(req: IncomingMessage, res: ServerResponse, status: number, title: string, detail: string, extra: Record<string, string> = {}): void {
  if (!res.headersSent) {
    const body = JSON.stringify({ type: "about:blank", title, status, detail });
    res.writeHead(status, { "content-type": "application/problem+json", "content-length": Buffer.byteLength(body), connection: "close", ...extra });
    res.end(body);
  }
  res.once("finish", () => req.socket?.destroy());
  req.pause();
}

/** Refuses TRACE and its kin with 405 before Next sees them. Returns false when refused. */
export function guardMethod(req: IncomingMessage, res: ServerResponse | undefined): boolean {
  if (!res || !UNSUPPORTED_METHODS.has((req.method ?? "").toUpperCase())) return true;
  answer(req, res, 405, "Method Not Allowed", `${req.method} is not supported`, { allow: "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS" });
  return false;
}

/** 413: the body is over its limit. */
function refuse(req: IncomingMessage, res: ServerResponse, limit: number): void {
  answer(req, res, 413, "Payload Too Large", `The request body is larger than ${limit} bytes`);
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
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk !== null && chunk !== undefined) {
      received += typeof chunk === "string" ? Buffer.byteLength(chunk, encoding) : (chunk as Uint8Array).byteLength;
      if (received > limit) {
        refuse(req, res, limit);
        req.destroy(new Error(`request body over its limit of ${limit} bytes`));
        return false;
      }
    }
    return push(chunk, encoding);
  };
  return true;
}
