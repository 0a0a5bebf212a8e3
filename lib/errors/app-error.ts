export const APP_ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type TAppErrorCode = keyof typeof APP_ERROR_STATUS;
export type TFieldErrors = Record<string, string[]>;

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
    this.status = APP_ERROR_STATUS[code];
    this.fieldErrors = opts.fieldErrors;
    this.extra = opts.extra;
  }
}

export const notFound = (what = "Resource") => new AppError("NOT_FOUND", `${what} not found`);
export const forbidden = (msg = "You do not have permission to do this") => new AppError("FORBIDDEN", msg);
export const conflict = (msg: string, extra?: Record<string, unknown>) => new AppError("CONFLICT", msg, { extra });
