import "server-only";
import { AppError, APP_ERRORS, type TFieldErrors } from "@/lib/errors/app-error";
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

export function problemResponse(problem: TProblem, headers: Record<string, string> = {}): Response {
  // A refusal that knows when to come back (a throttled sign-in, a key still in use) says so.
  const after =
    typeof problem.retryAfterSeconds === "number"
      ? problem.retryAfterSeconds
      : problem.status === 503
        ? RETRY_AFTER_SECONDS
        : null;
  const retry: Record<string, string> =
    after !== null ? { "retry-after": String(Math.max(1, Math.ceil(after))) } : {};
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: {
      "content-type": "application/problem+json",
      "cache-control": "no-store",
      ...retry,
      ...headers,
    },
  });
}

/** The problem+json of an AppError: status, type and title from its code (APP_ERRORS), never from the thrower. */
export function appErrorProblem(err: AppError, requestId?: string): TProblem {
  const { status, type, title } = APP_ERRORS[err.code];
  return {
    ...(err.extra ?? {}),
    type,
    title,
    status,
    detail: err.message,
    requestId,
    errors: err.fieldErrors,
  };
}

export { fieldErrorsOf as zodFieldErrors } from "@/lib/errors/parse-input";

/** Maps any thrown value to a safe problem; internals are logged, never returned. */
export function errorToProblem(err: unknown, requestId: string): TProblem {
  if (err instanceof AppError) return appErrorProblem(err, requestId);
  if (isClientAbort(err)) {
    log.info("client closed the request", { requestId });
    return appErrorProblem(
      new AppError("BAD_REQUEST", "The request was closed before its body arrived in full."),
      requestId,
    );
  }
  if (isDatabaseUnavailable(err)) {
    log.warn("database unavailable", { requestId, ...describeError(err) });
    const unavailable = new AppError(
      "UNAVAILABLE",
      "ClinReview cannot reach its database just now. Try again in a minute.",
      {
        extra: { retryAfterSeconds: RETRY_AFTER_SECONDS },
      },
    );
    return appErrorProblem(unavailable, requestId);
  }
  log.error("unhandled error", { requestId, ...describeError(err) });
  return appErrorProblem(
    new AppError("INTERNAL", "Something went wrong on our side. Quote the request id when you report it."),
    requestId,
  );
}
