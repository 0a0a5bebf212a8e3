/**
 * The one table of error codes: each maps to its HTTP status, problem+json `type` and `title`.
 * Services throw only AppError; the route wrapper (lib/http/api-route.ts) and the request hook turn
 * it into problem+json through this table, so a status and its type are decided in one place.
 */
export const APP_ERRORS = {
  BAD_REQUEST: { status: 400, type: "about:blank", title: "Bad request" },
  UNAUTHENTICATED: { status: 401, type: "about:blank", title: "Unauthenticated" },
  FORBIDDEN: { status: 403, type: "about:blank", title: "Forbidden" },
  NOT_FOUND: { status: 404, type: "about:blank", title: "Not found" },
  METHOD_NOT_ALLOWED: { status: 405, type: "about:blank", title: "Method not allowed" },
  CONFLICT: { status: 409, type: "about:blank", title: "Conflict" },
  /** The queue has rater guidelines whose current version the caller has not acknowledged (lib/guidelines). */
  GUIDELINES_NOT_ACKNOWLEDGED: {
    status: 409,
    type: "/problems/guidelines-not-acknowledged",
    title: "Guidelines not acknowledged",
  },
  GONE: { status: 410, type: "about:blank", title: "Gone" },
  PAYLOAD_TOO_LARGE: { status: 413, type: "about:blank", title: "Payload too large" },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, type: "about:blank", title: "Unsupported media type" },
  VALIDATION: { status: 422, type: "about:blank", title: "Unprocessable content" },
  /** Written text that may name a patient: the client asks its author to confirm (lib/phi-guard). */
  PHI_FINDINGS: { status: 422, type: "/problems/phi-findings", title: "Unprocessable content" },
  RATE_LIMITED: { status: 429, type: "about:blank", title: "Too many requests" },
  INTERNAL: { status: 500, type: "about:blank", title: "Internal server error" },
  UNAVAILABLE: { status: 503, type: "about:blank", title: "Service unavailable" },
} as const satisfies Record<string, { status: number; type: string; title: string }>;

export type TAppErrorCode = keyof typeof APP_ERRORS;
export type TFieldErrors = Record<string, string[]>;

/** The status of each code (derived from APP_ERRORS). */
export const APP_ERROR_STATUS = Object.fromEntries(
  Object.entries(APP_ERRORS).map(([code, e]) => [code, e.status]),
) as {
  [K in TAppErrorCode]: (typeof APP_ERRORS)[K]["status"];
};

/**
 * A domain error whose message is safe to show to the user. Anything that is not an AppError is
 * treated as internal and never shown.
 */
export class AppError extends Error {
  readonly code: TAppErrorCode;
  readonly status: number;
  readonly fieldErrors: TFieldErrors | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(
    code: TAppErrorCode,
    message: string,
    opts: { fieldErrors?: TFieldErrors; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = APP_ERRORS[code].status;
    this.fieldErrors = opts.fieldErrors;
    this.extra = opts.extra;
  }
}

export const notFound = (what = "Resource") => new AppError("NOT_FOUND", `${what} not found`);
export const forbidden = (msg = "You do not have permission to do this") => new AppError("FORBIDDEN", msg);
export const conflict = (msg: string, extra?: Record<string, unknown>) =>
  new AppError("CONFLICT", msg, { extra });
