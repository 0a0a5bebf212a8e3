import "server-only";
import type { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { authenticateApiToken } from "@/lib/auth/api-tokens";
import { hasPermission, type TPermission } from "@/lib/auth/permissions";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { recordDenial } from "@/lib/audit/record-denial";
import { env } from "@/lib/env";
import { markNoTransform } from "@/lib/http/download-headers";
import { contextFromHeaders, type TRequestContext } from "@/lib/http/request-context";
import { unstorableFieldErrors } from "@/lib/errors/parse-input";
import { AppError } from "@/lib/errors/app-error";
import { errorToProblem, problemResponse, zodFieldErrors } from "@/lib/http/problem";
import { isSameOrigin, isSameOriginRequest, originHeadersOf } from "@/lib/http/same-origin";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { bodyChunks, readBodyText, type TBodyWords } from "@/lib/http/read-body";
import { MAX_JSON_DEPTH, nestsTooDeep } from "@/lib/http/json-limits";
import { log } from "@/lib/log/logger";
import { hstsHeader } from "@/lib/security/headers";

export type THttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The description of a route: validates its requests at run time and documents it in OpenAPI. */
/**
 * A body that is not one JSON object for `body` to validate: an upload. The wrapper refuses a
 * content type not listed (415) and bytes past `bodyLimit` while they stream (413), then:
 * - "text": decodes it whole as UTF-8 (400 when invalid), hands the text to `parse` (which throws
 *   AppError for a bad format) and refuses text PostgreSQL cannot store anywhere in what `parse`
 *   returns (422), the check `body` gets;
 * - "stream": hands the counted chunks to `parse` unread, for files too large to hold (datasets);
 *   decoding and the storable check are then the stream parser's, record by record.
 * The handler receives what `parse` returns as `raw`; no handler reads the request body itself.
 */
export type TRawBodyDef<TRaw, TQueryValue = unknown> = {
  contentTypes: readonly string[];
  description: string;
  /** How refusals name the body ("The file"), and the 413's words. */
  words?: TBodyWords;
} & (
  | { kind: "text"; parse: (text: string, mediaType: string, query: TQueryValue) => TRaw }
  | {
      kind: "stream";
      parse: (chunks: AsyncIterable<Uint8Array>, mediaType: string, query: TQueryValue) => TRaw;
    }
);

export type TApiRouteDef<
  TQuery extends z.ZodType = z.ZodType,
  TBody extends z.ZodType = z.ZodType,
  TParams extends z.ZodType = z.ZodType,
  TRaw = unknown,
> = {
  method: THttpMethod;
  path: string;
  summary: string;
  tag: string;
  /** null: any authenticated caller. */
  permission: TPermission | null;
  query?: TQuery;
  body?: TBody;
  params?: TParams;
  /** For uploads (files): their kind, content types and parser; see TRawBodyDef. */
  rawBody?: TRawBodyDef<TRaw, TInfer<TQuery>>;
  /**
   * The most bytes a request body may have (default BODY_LIMITS.json). Enforced before anything is
   * buffered, in front of Next (lib/http/request-guards.ts), and again while the body is read.
   */
  bodyLimit?: number;
  response?: { status: number; contentType?: string; schema?: z.ZodType; description: string };
  allowAnonymous?: boolean;
  /** Kept for one release at an old URL (it answers 308 to the new one); flagged in OpenAPI. */
  deprecated?: boolean;
};

export type TApiContext<TQuery, TBody, TParams, TRaw = undefined> = {
  req: Request;
  user: TCurrentUser;
  query: TQuery;
  body: TBody;
  /** What rawBody.parse returned (undefined without rawBody). */
  raw: TRaw;
  params: TParams;
  ctx: TRequestContext;
};

type TInfer<T> = T extends z.ZodType ? z.infer<T> : undefined;
type TNextRouteContext = { params: Promise<Record<string, string | string[]>> };

async function authenticate(req: Request): Promise<TCurrentUser | null> {
  const auth = req.headers.get("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) return authenticateApiToken(auth.slice(7).trim());
  return getCurrentUser();
}

function mediaTypeOf(req: Request): string {
  return (req.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

async function readJson(req: Request, maxBytes: number): Promise<unknown> {
  if (!(req.headers.get("content-type") ?? "").includes("application/json")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as application/json");
  }
  const text = await readBodyText(req, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON");
  }
  // Anywhere in the body, even in a member the schema ignores or keeps as free JSON (a seed draft's
  // payload): 1e400 would be stored as null, NUL would fail the write late.
  if (nestsTooDeep(value))
    throw new AppError("BAD_REQUEST", `The request body is nested more than ${MAX_JSON_DEPTH} levels deep`);
  const unstorable = unstorableFieldErrors(value);
  if (unstorable) throw new AppError("VALIDATION", "Some fields need attention", { fieldErrors: unstorable });
  return value;
}

async function readRaw<TRaw, TQueryValue>(
  req: Request,
  raw: TRawBodyDef<TRaw, TQueryValue>,
  query: TQueryValue,
  maxBytes: number,
): Promise<TRaw> {
  const mediaType = mediaTypeOf(req);
  if (!raw.contentTypes.includes(mediaType)) {
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `Send ${(raw.words?.what ?? "the request body").toLowerCase()} as ${raw.contentTypes.join(" or ")}`,
    );
  }
  if (raw.kind === "stream") return raw.parse(bodyChunks(req, maxBytes, raw.words), mediaType, query);
  const value = raw.parse(await readBodyText(req, maxBytes, raw.words), mediaType, query);
  const unstorable = unstorableFieldErrors(value);
  if (unstorable)
    throw new AppError(
      "VALIDATION",
      `${raw.words?.what ?? "The request body"} holds text that cannot be stored`,
      { fieldErrors: unstorable },
    );
  return value;
}

type TParts<TQuery, TBody, TParams, TRaw> = Omit<TApiContext<TQuery, TBody, TParams, TRaw>, "user">;

export function defineApiRoute<
  TQuery extends z.ZodType,
  TBody extends z.ZodType,
  TParams extends z.ZodType,
  TRaw = undefined,
>(
  def: TApiRouteDef<TQuery, TBody, TParams, TRaw>,
  handler: (c: TApiContext<TInfer<TQuery>, TInfer<TBody>, TInfer<TParams>, TRaw>) => Promise<Response>,
) {
  return buildRoute(def, (user, parts) => {
    // Only a public route (definePublicRoute) runs without a user; this guards the type.
    if (!user)
      throw new AppError("UNAUTHENTICATED", "Sign in or send an API token (Authorization: Bearer …)");
    return handler({ ...parts, user });
  });
}

function buildRoute<TQuery extends z.ZodType, TBody extends z.ZodType, TParams extends z.ZodType, TRaw>(
  def: TApiRouteDef<TQuery, TBody, TParams, TRaw>,
  invoke: (
    user: TCurrentUser | null,
    parts: TParts<TInfer<TQuery>, TInfer<TBody>, TInfer<TParams>, TRaw>,
  ) => Promise<Response>,
) {
  const handle = async (req: Request, routeCtx?: TNextRouteContext): Promise<Response> => {
    const started = performance.now();
    const ctx = contextFromHeaders(req.headers);
    let user: TCurrentUser | null = null;
    let response: Response;
    try {
      if (def.allowAnonymous) {
        // Public routes (setup, reset requests, account links) never read credentials; what they
        // refuse is another site's pages making a visitor's browser send them (see isCrossSiteBrowser).
        if (def.method !== "GET" && isCrossSiteBrowser(req))
          throw new AppError("FORBIDDEN", "Cross-origin requests are not allowed");
        response = await run(req, routeCtx, null, ctx);
      } else if (!(user = await authenticate(req))) {
        throw new AppError("UNAUTHENTICATED", "Sign in or send an API token (Authorization: Bearer …)");
      } else if (
        user.via === "session" &&
        def.method !== "GET" &&
        !isSameOriginRequest(req, env().NEXTAUTH_URL)
      ) {
        // Cookie-authenticated writes from another origin are cross-site request forgery.
        await recordDenial(user.id, `${def.method} ${def.path} (cross-origin)`, ctx);
        throw new AppError("FORBIDDEN", "Cross-origin requests are not allowed");
      } else if (def.permission && !hasPermission(user.role, def.permission)) {
        await recordDenial(user.id, `${def.method} ${def.path}`, ctx);
        throw new AppError("FORBIDDEN", "You do not have permission to do this");
      } else {
        response = await run(req, routeCtx, user, ctx);
      }
    } catch (err) {
      // The one exit of errors: only AppError carries words to the caller (lib/errors/app-error.ts).
      response = problemResponse(errorToProblem(err, ctx.requestId));
    }
    // Downloads (CSV, JSONL, JSON files) go out as they are, not through Next's gzip (see there).
    response = markNoTransform(response);
    response.headers.set("x-request-id", ctx.requestId);
    if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
    // Per request, from the run-time configuration (pages get theirs in proxy.ts).
    const hsts = hstsHeader({ production: env().NODE_ENV === "production", https: env().secureCookies });
    if (hsts) response.headers.set(hsts.key, hsts.value);
    log.info("request", {
      requestId: ctx.requestId,
      method: def.method,
      route: def.path,
      status: response.status,
      ms: Math.round(performance.now() - started),
      userId: user?.id ?? null,
      via: user?.via ?? null,
    });
    return response;
  };

  async function run(
    req: Request,
    routeCtx: TNextRouteContext | undefined,
    user: TCurrentUser | null,
    ctx: TRequestContext,
  ): Promise<Response> {
    const url = new URL(req.url);
    const parse = <S extends z.ZodType | undefined>(schema: S, value: unknown, where: string): TInfer<S> => {
      if (!schema) return undefined as TInfer<S>;
      const r = schema.safeParse(value);
      const code = where === "body" ? "VALIDATION" : "BAD_REQUEST";
      if (!r.success)
        throw new AppError(code, `The ${where} is not valid`, { fieldErrors: zodFieldErrors(r.error) });
      // A JSON body was checked whole as it was read (readJson); the query and path are checked here.
      const unstorable = where === "body" ? null : unstorableFieldErrors(r.data);
      if (unstorable) throw new AppError(code, `The ${where} is not valid`, { fieldErrors: unstorable });
      return r.data as TInfer<S>;
    };
    const query = parse(def.query, Object.fromEntries(url.searchParams), "query") as TInfer<TQuery>;
    const params = parse(def.params, routeCtx ? await routeCtx.params : {}, "path") as TInfer<TParams>;
    const limit = def.bodyLimit ?? BODY_LIMITS.json;
    const body = def.body
      ? parse(def.body, await readJson(req, limit), "body")
      : (undefined as TInfer<TBody>);
    const raw = def.rawBody ? await readRaw(req, def.rawBody, query, limit) : (undefined as TRaw);
    return invoke(user, { req, query, body, params, raw, ctx });
  }

  return { def: def as TApiRouteDef, handle };
}

/**
 * A browser request that another site's page sent: its Origin (or, without one, Sec-Fetch-Site)
 * says so. Browsers send Origin on every POST, so a request with neither header is not a browser
 * forging one for a visitor (a script or API client), which public routes serve like the form.
 */
function isCrossSiteBrowser(req: Request): boolean {
  const h = originHeadersOf(req.headers);
  if (!h.origin && (!h.secFetchSite || h.secFetchSite === "none")) return false;
  return !isSameOrigin(h, env().NEXTAUTH_URL);
}

/**
 * A route anyone may call, signed in or not (first-admin setup, password-reset requests, accepting
 * an invitation or reset link): no credentials are read, the handler gets no user. Cross-site
 * browser requests are refused as the server actions these replaced were (lib/http/request-guards.ts);
 * throttling is the service's.
 */
export function definePublicRoute<TBody extends z.ZodType>(
  def: Omit<TApiRouteDef<z.ZodType, TBody>, "permission" | "allowAnonymous" | "rawBody" | "query" | "params">,
  handler: (c: TParts<undefined, TInfer<TBody>, undefined, undefined>) => Promise<Response>,
) {
  return buildRoute<z.ZodType, TBody, z.ZodType, undefined>(
    { ...def, permission: null, allowAnonymous: true },
    (_user, parts) => handler({ ...parts, query: undefined, params: undefined }),
  );
}

/**
 * A JSON answer. `no-transform` keeps `next start` from gzipping it: API answers are a few KB, the
 * queue's are the hottest path, and compressing them cost more CPU than it saved bytes (about 6%
 * of the server's time under 50 reviewers). Downloads are sent `no-transform` too
 * (lib/http/download-headers.ts).
 */
export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store, no-transform", ...headers },
  });
}
