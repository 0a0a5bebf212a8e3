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

/** Answers 413 as problem+json and closes the connection, so the rest of the body is never read. */
function refuse(req: IncomingMessage, res: ServerResponse, limit: number): void {
  if (!res.headersSent) {
    const body = JSON.stringify({
      type: "about:blank",
      title: "Payload Too Large",
      status: 413,
      detail: `The request body is larger than ${limit} bytes`,
    });
    res.writeHead(413, { "content-type": "application/problem+json", "content-length": Buffer.byteLength(body), connection: "close" });
    res.end(body);
  }
  // Stop reading: what the client still sends is dropped with the socket once the answer is out.
  res.once("finish", () => req.socket?.destroy());
  req.pause();
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
