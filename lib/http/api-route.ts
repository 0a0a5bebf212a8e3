import "server-only";
import type { z } from "zod";
import { getCurrentUser } from "@/lib/auth/current-user";
import { authenticateApiToken } from "@/lib/auth/api-tokens";
import { hasPermission, type TPermission } from "@/lib/auth/permissions";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { recordDenial } from "@/lib/audit/record-denial";
import { env } from "@/lib/env";
import { contextFromHeaders, type TRequestContext } from "@/lib/http/request-context";
import { unstorableFieldErrors } from "@/lib/errors/parse-input";
import { errorToProblem, problem, problemResponse, zodFieldErrors } from "@/lib/http/problem";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { readBodyText } from "@/lib/http/read-body";
import { jsonBodyProblem, MAX_JSON_DEPTH } from "@/lib/http/json-limits";
import { log } from "@/lib/log/logger";
import { hstsHeader } from "@/lib/security/headers";

export type THttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The description of a route: validates its requests at run time and documents it in OpenAPI. */
export type TApiRouteDef<
  TQuery extends z.ZodType = z.ZodType,
  TBody extends z.ZodType = z.ZodType,
  TParams extends z.ZodType = z.ZodType,
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
  /** For streamed uploads that are not JSON: documented content types, body left to the handler. */
  rawBody?: { contentTypes: string[]; description: string };
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

export type TApiContext<TQuery, TBody, TParams> = {
  req: Request;
  user: TCurrentUser;
  query: TQuery;
  body: TBody;
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

async function readJson(req: Request, maxBytes: number): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (!type.includes("application/json")) {
    throw problem(415, "Send the request body as application/json");
  }
  const text = await readBodyText(req, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw problem(400, "The request body is not valid JSON");
  }
  // Anywhere in the body, even in a member the schema ignores or keeps as free JSON (a seed draft's payload).
  const trouble = jsonBodyProblem(value);
  if (trouble === "too-deep") throw problem(400, `The request body is nested more than ${MAX_JSON_DEPTH} levels deep`);
  if (trouble === "huge-number") throw problem(400, "The request body holds a number too large to represent");
  return value;
}

function isProblem(v: unknown): v is ReturnType<typeof problem> {
  return typeof v === "object" && v !== null && "status" in v && "title" in v && "type" in v;
}

export function defineApiRoute<TQuery extends z.ZodType, TBody extends z.ZodType, TParams extends z.ZodType>(
  def: TApiRouteDef<TQuery, TBody, TParams>,
  handler: (c: TApiContext<TInfer<TQuery>, TInfer<TBody>, TInfer<TParams>>) => Promise<Response>,
) {
  const handle = async (req: Request, routeCtx?: TNextRouteContext): Promise<Response> => {
    const started = performance.now();
    const ctx = contextFromHeaders(req.headers);
    let user: TCurrentUser | null = null;
    let response: Response;
    try {
      user = await authenticate(req);
      if (!user) {
        response = problemResponse(problem(401, "Sign in or send an API token (Authorization: Bearer …)", { requestId: ctx.requestId }));
      } else if (user.via === "session" && def.method !== "GET" && !isSameOriginRequest(req, env().NEXTAUTH_URL)) {
        // Cookie-authenticated writes from another origin are cross-site request forgery.
        await recordDenial(user.id, `${def.method} ${def.path} (cross-origin)`, ctx);
        response = problemResponse(problem(403, "Cross-origin requests are not allowed", { requestId: ctx.requestId }));
      } else if (def.permission && !hasPermission(user.role, def.permission)) {
        await recordDenial(user.id, `${def.method} ${def.path}`, ctx);
        response = problemResponse(problem(403, "You do not have permission to do this", { requestId: ctx.requestId }));
      } else {
        response = await run(req, routeCtx, user, ctx);
      }
    } catch (err) {
      response = problemResponse(isProblem(err) ? { ...err, requestId: ctx.requestId } : errorToProblem(err, ctx.requestId));
    }
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
    user: TCurrentUser,
    ctx: TRequestContext,
  ): Promise<Response> {
    const url = new URL(req.url);
    const parse = <S extends z.ZodType | undefined>(schema: S, value: unknown, where: string): TInfer<S> => {
      if (!schema) return undefined as TInfer<S>;
      const r = schema.safeParse(value);
      if (!r.success) {
        throw problem(where === "body" ? 422 : 400, `The ${where} is not valid`, { errors: zodFieldErrors(r.error) });
      }
      const unstorable = unstorableFieldErrors(r.data);
      if (unstorable) throw problem(where === "body" ? 422 : 400, `The ${where} is not valid`, { errors: unstorable });
      return r.data as TInfer<S>;
    };
    const query = parse(def.query, Object.fromEntries(url.searchParams), "query") as TInfer<TQuery>;
    const params = parse(def.params, routeCtx ? await routeCtx.params : {}, "path") as TInfer<TParams>;
    const body = def.body ? parse(def.body, await readJson(req, def.bodyLimit ?? BODY_LIMITS.json), "body") : (undefined as TInfer<TBody>);
    return handler({ req, user, query, body, params, ctx });
  }

  return { def: def as TApiRouteDef, handle };
}

/**
 * A JSON answer. `no-transform` keeps `next start` from gzipping it: API answers are a few KB, the
 * queue's are the hottest path, and compressing them cost more CPU than it saved bytes (about 6%
 * of the server's time under 50 reviewers). Downloads (CSV, JSONL, attachments) stay compressed.
 */
export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store, no-transform", ...headers },
  });
}
