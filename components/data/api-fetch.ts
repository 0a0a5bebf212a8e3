/**
 * The one way a client component calls /api/v1: JSON in, JSON out, and every refusal (a
 * problem+json body, a bare status, or no answer at all) thrown as one typed `ApiError` whose
 * `fieldErrors` feed the form. TanStack Query's `queryFn`/`mutationFn` call this
 * (components/data/README in ARCHITECTURE.md "Client data layer").
 */
export type TFieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  /** 0 when the request never got an answer (network down, body cut off). */
  readonly status: number;
  /** The problem type's last segment (`version-conflict`, `lease_lost`…), "" when none. */
  readonly code: string;
  readonly fieldErrors: TFieldErrors;
  /** The whole problem body: some refusals carry data (a conflict's current version). */
  readonly body: Record<string, unknown>;

  constructor(status: number, message: string, body: Record<string, unknown> = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.body = body;
    this.code = problemCode(body);
    this.fieldErrors = fieldErrorsOf(body);
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }
}

export const NETWORK_MESSAGE = "The network failed. Try again.";

function problemCode(body: Record<string, unknown>): string {
  const code = typeof body.code === "string" ? body.code : typeof body.type === "string" ? body.type : "";
  return code.split("/").pop() ?? "";
}

/** Field errors of a problem body (`errors: { field: [messages] }`), keeping only well-formed entries. */
export function fieldErrorsOf(body: Record<string, unknown>): TFieldErrors {
  const e = body.errors;
  if (!e || typeof e !== "object" || Array.isArray(e)) return {};
  const out: TFieldErrors = {};
  for (const [k, v] of Object.entries(e as Record<string, unknown>)) {
    const list = (Array.isArray(v) ? v : [v]).filter((m): m is string => typeof m === "string");
    if (list.length) out[k] = list;
  }
  return out;
}

/** The refusal a status and (possibly absent or non-JSON) body stand for. */
export function readProblem(status: number, body: unknown): ApiError {
  const b = body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const detail =
    typeof b.detail === "string"
      ? b.detail
      : typeof b.title === "string"
        ? b.title
        : `Request failed (${status})`;
  return new ApiError(status, detail, b);
}

/** The refusal's sentence with its field errors, for screens that show one line. */
export function problemSummary(e: ApiError): string {
  const fields = Object.entries(e.fieldErrors)
    .map(([k, v]) => `${k}: ${v.join(", ")}`)
    .join("; ");
  return [e.message, fields].filter(Boolean).join(" — ");
}

export type TApiInit = {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Sent as JSON; a FormData (uploads) is sent as it is. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Lets a save finish after the page is gone (pagehide). */
  keepalive?: boolean;
};

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Calls the API; resolves with the JSON body (null for 204), throws `ApiError` otherwise. */
export async function apiFetch<T>(url: string, init: TApiInit = {}): Promise<T> {
  const isForm = typeof FormData !== "undefined" && init.body instanceof FormData;
  const headers: Record<string, string> = {
    ...(init.body !== undefined && !isForm ? { "content-type": "application/json" } : {}),
    ...init.headers,
  };
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers,
      body:
        init.body === undefined ? undefined : isForm ? (init.body as FormData) : JSON.stringify(init.body),
      credentials: "same-origin",
      keepalive: init.keepalive,
    });
  } catch {
    throw new ApiError(0, NETWORK_MESSAGE);
  }
  let body: unknown;
  try {
    body = await readBody(res);
  } catch {
    // A body cut off on the way is a network failure, whatever the status said.
    throw new ApiError(0, NETWORK_MESSAGE);
  }
  if (!res.ok) throw readProblem(res.status, body);
  return body as T;
}

/** Any thrown value as the typed refusal (what is not one never got an answer). */
export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, NETWORK_MESSAGE);
}

/** The server's sentence for a refusal, the network sentence when there was no answer, else `fallback`. */
export function detailOf(e: unknown, fallback: string): string {
  const err = asApiError(e);
  if (typeof err.body.detail === "string") return err.body.detail;
  return err.isNetwork ? err.message : fallback;
}
