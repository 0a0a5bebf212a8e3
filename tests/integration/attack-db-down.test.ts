// The attack suite's database-down part: with the database stopped (nothing listens on its port),
// every route of the registry, called by a role it admits with its valid sample, answers 503
// application/problem+json with Retry-After, never a 500, and a stream never starts 200 and
// breaks. Authentication is the one thing stubbed (it reads the database too, so it would answer
// the 503 itself and the route's own code would never run against the dead database).
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";

// Production always has the public address (it refuses to start without it): the user routes build links from it.
const caller = vi.hoisted(() => {
  process.env.NEXTAUTH_URL = "http://app.test";
  return { role: "ADMIN" };
});
vi.mock("@/lib/auth/api-tokens", async (original) => ({
  ...(await original<typeof import("@/lib/auth/api-tokens")>()),
  authenticateApiToken: () =>
    Promise.resolve({
      id: "00000000-0000-4000-8000-0000000000aa",
      email: "down@example.test",
      name: "Down",
      role: caller.role,
      isDemo: false,
      sessionId: null,
      via: "token",
    }),
}));
vi.mock("next/headers", () => ({
  headers: () => Promise.resolve(new Headers({ "x-request-id": "req-db-down" })),
  cookies: () => Promise.resolve({ get: () => undefined, getAll: () => [], has: () => false }),
}));

import { API_ROUTES } from "@/lib/api/registry";
import { authRouteHandler } from "@/lib/auth/auth-route";
import { hasPermission } from "@/lib/auth/permissions";
import { Role as Roles } from "@/lib/generated/prisma/enums";
import type { TApiRouteDef } from "@/lib/http/api-route";
import { db } from "@/lib/db/prisma";
import type { TRouteHandler } from "../support/api-caller";
import { ROUTE_SAMPLES, type TRouteSample } from "../support/attack/route-samples";

type TRoute = TRouteHandler & { def: TApiRouteDef };
const ROUTES = API_ROUTES as TRoute[];
const ID = "00000000-0000-4000-8000-0000000000cc";
const key = (d: TApiRouteDef) => `${d.method} ${d.path}`;

/** Issue 15's routes: each must reach its own database work and answer 503 for it. */
const ISSUE_15 = [
  "GET /api/v1/me/answers",
  "POST /api/v1/assignments/:id/reopen",
  "GET /api/v1/audits/:id/progress",
  "GET /api/v1/studies/:id/progress",
  "GET /api/v1/audits/:id/reviewers",
  "PUT /api/v1/audits/:id/reviewers",
  "GET /api/v1/vocabulary/terms",
  "POST /api/v1/vocabulary/mappings",
  "POST /api/v1/seeds/import",
  "GET /api/v1/seeds/export",
  "GET /api/v1/seeds",
  "GET /api/v1/audit-log",
  "GET /api/v1/audit-log.csv",
];

/** A port nothing listens on: a stopped server. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  // Before the first db(): the app's configuration is read once, lazily.
  process.env.DATABASE_URL = `postgresql://clinreview:x@127.0.0.1:${await deadPort()}/clinreview`;
});
afterAll(async () => {
  await db()
    .$disconnect()
    .catch(() => undefined);
});

function call(route: TRoute) {
  const d = route.def;
  const s: TRouteSample | undefined = ROUTE_SAMPLES[key(d)];
  const query = s?.query ? `?${s.query}` : "";
  const body = !s ? undefined : "raw" in s ? s.raw.text : JSON.stringify(s.json);
  const type = !s ? undefined : "raw" in s ? s.raw.type : "application/json";
  const params = Object.fromEntries([...d.path.matchAll(/:(\w+)/g)].map((m) => [m[1] as string, ID]));
  return route.handle(
    new Request(`http://app.test${d.path.replace(/:(\w+)/g, ID)}${query}`, {
      method: d.method,
      headers: {
        authorization: "Bearer crv_down",
        "idempotency-key": "db-down-1",
        // A fixed id: a random one in the body matched the leak pattern below now and then ("…5432…").
        "x-request-id": "req-db-down",
        ...(type ? { "content-type": type } : {}),
      },
      ...(body !== undefined && d.method !== "GET" ? { body } : {}),
    }),
    { params: Promise.resolve(params) },
  );
}

describe("with the database stopped", () => {
  it("lists every issue-15 route in the registry", () => {
    const known = new Set(ROUTES.map((r) => key(r.def)));
    expect(ISSUE_15.filter((k) => !known.has(k))).toEqual([]);
  });

  it.each(ROUTES.filter((r) => !r.def.allowAnonymous).map((r) => [key(r.def), r] as const))(
    "%s answers 503 problem+json, never 500",
    async (k, route) => {
      const role = Object.values(Roles).find(
        (r: Role) => !route.def.permission || hasPermission(r, route.def.permission),
      );
      if (!role) throw new Error(`no role may call ${k}`);
      caller.role = role;
      const res = await call(route);
      // Read it all: a stream that began 200 and broke would throw or end short here.
      const text = await res.text();
      if (ISSUE_15.includes(k) || res.status >= 500) {
        expect(res.status, `${k}: ${text.slice(0, 300)}`).toBe(503);
        expect(res.headers.get("content-type")).toContain("application/problem+json");
        expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
        expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|5432/);
      } else {
        // A route that needs no database (the API description, say) answers as usual.
        expect(res.status, `${k}: ${text.slice(0, 300)}`).toBeLessThan(500);
      }
    },
  );
});

/** next-auth's own routes (/api/auth/*, not in the registry): sign-in, session, CSRF, sign-out. */
const AUTH_FETCHES: [string, string, string | undefined][] = [
  ["GET", "session", undefined],
  ["GET", "csrf", undefined],
  ["POST", "callback/credentials", "email=a%40b.test&password=x&csrfToken=t&json=true"],
  ["POST", "signin/oidc", "csrfToken=t&json=true"],
  ["POST", "signout", "csrfToken=t&json=true"],
];
const AUTH_PAGES = ["signin", "callback/oidc?code=c&state=s", "signout"];

function callAuth(method: string, action: string, opts: { body?: string; accept?: string }) {
  const path = action.split("?")[0] as string;
  return authRouteHandler(
    new Request(`http://app.test/api/auth/${action}`, {
      method,
      headers: {
        accept: opts.accept ?? "*/*",
        "x-request-id": "req-db-down",
        ...(opts.body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(opts.body ? { body: opts.body } : {}),
    }),
    { params: Promise.resolve({ nextauth: path.split("/") }) },
  );
}

describe("next-auth's routes with the database stopped", () => {
  it.each(AUTH_FETCHES)(
    "%s /api/auth/%s answers 503 problem+json with Retry-After",
    async (method, action, body) => {
      const res = await callAuth(method, action, { body });
      const text = await res.text();
      expect(res.status, text.slice(0, 300)).toBe(503);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|5432/);
      if (method === "POST") {
        // Where the next-auth client reads a failure's code: the sign-in form's "Unavailable" words.
        const { url } = JSON.parse(text) as { url: string };
        expect(new URL(url).searchParams.get("error")).toBe("Unavailable");
      }
    },
  );

  it.each(AUTH_PAGES)(
    "a browser opening /api/auth/%s gets a readable 503 page, no stack trace",
    async (action) => {
      const res = await callAuth("GET", action, { accept: "text/html,application/xhtml+xml" });
      const text = await res.text();
      expect(res.status).toBe(503);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(text).toContain("cannot reach its database");
      expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|5432|\bat \S+ \(|node_modules/);
    },
  );
});
