// Request body limits, enforced before anything buffers a body (lib/http/request-hook.ts), so an
// anonymous 300 MB post costs the server nothing. Pure: the hook and its tests share it.

/** Limits in bytes. A route of /api/v1 declares its own in defineApiRoute (`bodyLimit`). */
export const BODY_LIMITS = {
  /** next-auth: sign-in, CSRF, sign-out forms. */
  auth: 65_536,
  /** Server actions: forms; uploads go to API routes. */
  serverAction: 1_000_000,
  /** JSON API bodies, and anything not otherwise declared. */
  json: 1_000_000,
  seedImport: 5_000_000,
  /** Study outputs and judge annotations. */
  bulkUpload: 50_000_000,
  datasetImport: 536_870_912,
} as const;

export type TBodyLimitRule = { method: string; pattern: RegExp; limit: number };

type TRouteLike = { def: { method: string; path: string; bodyLimit?: number } };

/** "/api/v1/studies/:id/outputs" → a pattern for the concrete path (one segment per parameter). */
export function routePattern(path: string): RegExp {
  const source = path
    .split("/")
    .map((segment) => (segment.startsWith(":") ? "[^/]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${source}/?$`);
}

/** The limits the API routes declare, most specific (no parameters) first. */
export function bodyLimitRules(routes: readonly TRouteLike[]): TBodyLimitRule[] {
  return routes
    .map(({ def }) => ({
      method: def.method,
      pattern: routePattern(def.path),
      limit: def.bodyLimit ?? BODY_LIMITS.json,
      params: (def.path.match(/:/g) ?? []).length,
    }))
    .sort((a, b) => a.params - b.params)
    .map(({ method, pattern, limit }) => ({ method, pattern, limit }));
}

type TRequestLike = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

/**
 * The path as Next will route it: dot segments ("/api/v1/../auth", "%2e%2e") resolved and an
 * absolute-form target ("http://host/api/auth/…") reduced to its path, so no spelling of a path
 * reaches a route under another route's limit.
 */
function normalisedPath(url: string | undefined): string {
  try {
    return new URL(url ?? "/", "http://request.invalid").pathname;
  } catch {
    return (url ?? "/").split("?")[0] ?? "/";
  }
}

/** The body limit of a request, in bytes. */
export function bodyLimitFor(req: TRequestLike, rules: readonly TBodyLimitRule[]): number {
  const method = (req.method ?? "GET").toUpperCase();
  const path = normalisedPath(req.url);
  if (req.headers["next-action"] !== undefined) return BODY_LIMITS.serverAction;
  if (path.startsWith("/api/auth/") || path === "/api/auth") return BODY_LIMITS.auth;
  if (path.startsWith("/api/")) {
    const rule = rules.find((r) => r.method === method && r.pattern.test(path));
    return rule?.limit ?? BODY_LIMITS.json;
  }
  return BODY_LIMITS.json;
}

/** The declared length of a body, or null when it is streamed without one (chunked). */
export function declaredLength(headers: TRequestLike["headers"]): number | null {
  const value = headers["content-length"];
  if (typeof value !== "string" || !/^\d+$/.test(value.trim())) return null;
  return Number(value);
}
