// What a response's status becomes when its request found the database unreachable (noted by the
// pool in the request's scope, lib/http/request-scope.ts). Pure, so the rule is tested alone.

/**
 * 500 (an error that escaped a page, action or route) and a page's 200 (Next renders the error
 * screen into an otherwise successful page) become 503, so browsers, monitors and load balancers
 * see "retry later". Every other status (a redirect, a 4xx, an API route's own answer) stands.
 */
export function statusWhenDatabaseUnavailable(status: number, contentType: string | null): number {
  if (status === 500) return 503;
  if (status === 200 && contentType !== null && /^text\/html\b/i.test(contentType)) return 503;
  return status;
}

/** The content type among a response's headers, whichever way they were given. */
export function contentTypeOf(headers: unknown): string | null {
  if (typeof headers === "string") return headers;
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) {
      if (String(headers[i]).toLowerCase() === "content-type") return String(headers[i + 1]);
    }
    return null;
  }
  if (headers && typeof headers === "object") {
    for (const [k, v] of Object.entries(headers))
      if (k.toLowerCase() === "content-type") return Array.isArray(v) ? String(v[0]) : String(v);
  }
  return null;
}
