/** What decides whether a browser request comes from our own pages. */
export type TOriginHeaders = { origin: string | null; secFetchSite: string | null; host: string | null };

/**
 * True when a browser request comes from our own pages. Browsers send Origin on every
 * cross-origin and every POST request; Sec-Fetch-Site covers the rest. The origin must be the
 * public address (NEXTAUTH_URL), scheme included, or the Host the request was sent to under that
 * scheme; X-Forwarded-Host is never trusted, since any client can send it.
 */
export function isSameOrigin(h: TOriginHeaders, publicUrl: string | undefined): boolean {
  if (!h.origin) return h.secFetchSite === "same-origin";
  let origin: URL;
  try {
    origin = new URL(h.origin);
  } catch {
    return false;
  }
  if (!publicUrl) return origin.host === h.host;
  const pub = new URL(publicUrl);
  return origin.origin === pub.origin || (origin.protocol === pub.protocol && origin.host === h.host);
}

export function originHeadersOf(headers: Headers): TOriginHeaders {
  return {
    origin: headers.get("origin"),
    secFetchSite: headers.get("sec-fetch-site"),
    host: headers.get("host"),
  };
}

export function isSameOriginRequest(req: Request, publicUrl: string | undefined): boolean {
  return isSameOrigin(originHeadersOf(req.headers), publicUrl);
}
