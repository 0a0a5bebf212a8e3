import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { redactPath } from "@/lib/http/redact-path";
import { log } from "@/lib/log/logger";
import { contentSecurityPolicy, hstsHeader } from "@/lib/security/headers";
import { REQUEST_ID } from "@/lib/http/request-id";
import { hasControlCharacters } from "@/lib/http/safe-callback-url";

/**
 * Pages only: a fresh CSP nonce per request. API routes bypass the proxy on purpose, so large
 * uploads stream straight to their handlers instead of being buffered here.
 */
export function proxy(request: NextRequest) {
  // A callback address with CR/LF or tabs is an attack, not a typo: refused, never redirected to.
  const callbackUrl = request.nextUrl.searchParams.get("callbackUrl");
  if (callbackUrl !== null && hasControlCharacters(callbackUrl)) {
    return new NextResponse("Bad request: the callback address contains control characters.", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, {
    dev: env().NODE_ENV === "development",
    https: request.nextUrl.protocol === "https:" || env().secureCookies,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  // One id per request, read by lib/http/request-context.ts (audit rows, logs) and echoed back.
  const given = request.headers.get("x-request-id");
  const requestId = given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
  requestHeaders.set("x-request-id", requestId);
  // The (app) layout sends signed-out visitors to sign in with the way back to this path.
  requestHeaders.set("x-pathname", request.nextUrl.pathname);
  log.info("page request", { method: request.method, path: redactPath(request.nextUrl.pathname), requestId });
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  // Pages show personal and clinical data: never cached by browsers or intermediaries.
  response.headers.set("Cache-Control", "private, no-store");
  response.headers.set("x-request-id", requestId);
  const hsts = hstsHeader({ production: env().NODE_ENV === "production", https: env().secureCookies });
  if (hsts) response.headers.set(hsts.key, hsts.value);
  return response;
}

// Prefetches too (next/link's `Next-Router-Prefetch`, a browser's `Purpose: prefetch`): skipping
// them, as Next's CSP example does to keep them cacheable, left their answers (RSC payloads and
// HTML alike) without the CSP, no-store and a request id. Pages here are never cached anyway.
export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
