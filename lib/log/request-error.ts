import "server-only";
import { redactPath } from "@/lib/http/redact-path";
import { log } from "@/lib/log/logger";
import { REQUEST_ID } from "@/lib/http/request-id";

type TErrorRequest = Readonly<{ path: string; method: string; headers: NodeJS.Dict<string | string[]> }>;
type TErrorContext = Readonly<{
  routerKind: string;
  routePath: string;
  routeType: string;
  renderSource?: string;
}>;

const CODE = /^[A-Za-z0-9_.:-]{1,40}$/;

/**
 * What an unhandled error may put in the log: its class, code and digest and the stack frames.
 * Never the message: a Prisma error's message quotes the query and its arguments, which can be
 * clinical text, and other errors can quote request bodies; the frames say where it happened and
 * the digest ties the entry to the "Reference" the user sees on the error page.
 */
export function describeRequestError(err: unknown): Record<string, unknown> {
  const e = (typeof err === "object" && err !== null ? err : {}) as {
    name?: unknown;
    code?: unknown;
    digest?: unknown;
    stack?: unknown;
  };
  const code = typeof e.code === "string" || typeof e.code === "number" ? String(e.code) : undefined;
  const frames =
    typeof e.stack === "string"
      ? e.stack
          .split("\n")
          .filter((l) => /^\s+at /.test(l))
          .slice(0, 6)
          .map((l) => l.trim().slice(0, 200))
      : [];
  return {
    errorName: err instanceof Error ? err.name : typeof err,
    ...(code && CODE.test(code) ? { errorCode: code } : {}),
    ...(typeof e.digest === "string" && CODE.test(e.digest) ? { digest: e.digest } : {}),
    frames,
  };
}

/** instrumentation.ts onRequestError: one JSON line per error that escaped a page, action or route. */
export function logRequestError(err: unknown, request: TErrorRequest, context: TErrorContext): void {
  const given = request.headers["x-request-id"];
  const requestId = typeof given === "string" && REQUEST_ID.test(given) ? given : null;
  log.error("request error", {
    requestId,
    method: request.method,
    // The query string can carry search terms and tokens; token-like path segments are redacted.
    path: redactPath(request.path.split("?")[0] ?? ""),
    route: context.routePath,
    routeType: context.routeType,
    ...describeRequestError(err),
  });
}
