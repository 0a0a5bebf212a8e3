// @ts-check

// Mirrors staticSecurityHeaders() in lib/security/headers.ts (a test keeps them equal);
// next.config.js cannot import TypeScript. Only headers that never depend on the deployment
// belong here: this file is evaluated at build time. HSTS is added per request (proxy.ts, api-route.ts).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets parallel checkouts/test runs build side by side without clobbering one another.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden(): a denied page answers 403 with the forbidden UI inside the app shell, at its own URL.
  experimental: { authInterrupts: true },
  // Native / WASM packages are loaded by Node at run time instead of being bundled.
  serverExternalPackages: [
    "@node-rs/argon2",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pg",
    "@prisma/adapter-pg",
  ],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // API answers carry their own Content-Security-Policy: nothing in them may ever run.
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

module.exports = nextConfig;
