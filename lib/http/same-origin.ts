/**
 * True when a browser request comes from our own pages. Browsers send Origin on every
 * cross-origin and every POST request; Sec-Fetch-Site covers the rest.
 */
export function isSameOriginRequest(req: Request): boolean {
  const origin = req.headers.get("origin");
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  if (origin) {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  return req.headers.get("sec-fetch-site") === "same-origin";
}
