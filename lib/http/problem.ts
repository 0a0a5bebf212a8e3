import "server-only";
import { AppError, type TFieldErrors } from "@/lib/errors/app-error";
import { describeError, log } from "@/lib/log/logger";
import { isClientAbort } from "@/lib/errors/client-abort";
import { isDatabaseUnavailable } from "@/lib/errors/database-unavailable";

/** What a 503 asks clients to wait before retrying. */
export const RETRY_AFTER_SECONDS = 5;

export type TProblem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  requestId?: string;
  errors?: TFieldErrors;
  [extra: string]: unknown;
};

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Unauthenticated",
  403: "Forbidden",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  410: "Gone",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service unavailable",
};

export function problemResponse(problem: TProblem, headers: Record<string, string> = {}): Response {
  const retry: Record<string, string> = problem.status === 503 ? { "retry-after": String(RETRY_AFTER_SECONDS) } : {};
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...retry, ...headers },
  });
}

export function problem(status: number, detail: string, extra: Partial<TProblem> = {}): TProblem {
  return { type: "about:blank", title: TITLES[status] ?? "Error", status, detail, ...extra };
}

export { fieldErrorsOf as zodFieldErrors } from "@/lib/errors/parse-input";

/** Maps any thrown value to a safe problem; internals are logged, never returned. */
export function errorToProblem(err: unknown, requestId: string): TProblem {
  if (err instanceof AppError) {
    return problem(err.status, err.message, { requestId, errors: err.fieldErrors, ...(err.extra ?? {}) });
  }
  if (isClientAbort(err)) {
    log.info("client closed the request", { requestId });
    return problem(400, "The request was closed before its body arrived in full.", { requestId });
  }
  if (isDatabaseUnavailable(err)) {
    log.warn("database unavailable", { requestId, ...describeError(err) });
    return problem(503, "ClinReview cannot reach its database just now. Try again in a minute.", { requestId, retryAfterSeconds: RETRY_AFTER_SECONDS });
  }
  log.error("unhandled error", { requestId, ...describeError(err) });
  return problem(500, "Something went wrong on our side. Quote the request id when you report it.", { requestId });
}
