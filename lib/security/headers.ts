// Pure, and the one source of the security headers: next.config.js mirrors the static ones (a
// test keeps them equal), proxy.ts (pages) and lib/http/api-route.ts (API) add the per-request
// ones: the CSP with its nonce, and HSTS.

export function contentSecurityPolicy(nonce: string, opts: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only behind TLS: on a plain-http hospital intranet this would break every request.
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The same for every response and every deployment, so they can be fixed at build time. */
export function staticSecurityHeaders(): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "no-referrer" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  ];
}

/**
 * Decided per request from the run-time configuration, never at build time: the same build runs
 * on a plain-http intranet and behind TLS, and HSTS sent from the wrong one locks browsers out of
 * the host for two years.
 */
export function hstsHeader(opts: {
  production: boolean;
  https: boolean;
}): { key: string; value: string } | null {
  return opts.production && opts.https
    ? { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }
    : null;
}
