// The standing attack suite (issue 11): generated from the route registry (lib/api/registry.ts),
// the server-action registry (lib/http/action-registry.ts), the permission table
// (lib/auth/permissions.ts) and the pages under app/, so a new route, action or page is attacked
// without anyone writing a test for it. One seeding for the whole file; everything in-process.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Before the first env() read of this file's process: invitation and reset links need the public
// address, which production always has (it refuses to start without it).
vi.hoisted(() => {
  process.env.NEXTAUTH_URL = "http://app.test";
});

const session = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: () => Promise.resolve(session.sid ? { sid: session.sid } : null),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`REDIRECT ${url}`);
  },
  permanentRedirect: (url: string) => {
    throw new Error(`REDIRECT ${url}`);
  },
  forbidden: () => {
    throw new Error("FORBIDDEN");
  },
  notFound: () => {
    throw new Error("NOT_FOUND");
  },
  useRouter: () => ({
    push: () => {},
    replace: () => {},
    refresh: () => {},
    back: () => {},
    forward: () => {},
    prefetch: () => {},
  }),
  usePathname: () => "/",
  useSearchParams: () => new URLSearchParams(),
}));
vi.mock("next/headers", () => ({
  headers: () => Promise.resolve(new Headers({ "x-request-id": "req-attack-suite" })),
  cookies: () => Promise.resolve({ get: () => undefined, getAll: () => [], has: () => false }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

import path from "node:path";
import { readFileSync } from "node:fs";
import { NextRequest } from "next/server";
import { isValidElement } from "react";
import { db } from "@/lib/db/prisma";
import { API_ROUTES } from "@/lib/api/registry";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { hasPermission, PERMISSIONS, type TPermission } from "@/lib/auth/permissions";
import { createSession } from "@/lib/auth/sessions";
import { APP_ERROR_STATUS } from "@/lib/errors/app-error";
import type { TActionResult } from "@/lib/http/action-client";
import { SERVER_ACTIONS, type TActionEntry } from "@/lib/http/action-registry";
import type { TApiRouteDef } from "@/lib/http/api-route";
import { BODY_LIMITS } from "@/lib/http/body-limits";
import { Role } from "@/lib/generated/prisma/enums";
import { config as proxyConfig, proxy } from "@/proxy";
import { callAs, type TRouteHandler } from "../support/api-caller";
import { startGuardedServer } from "../support/guarded-server";
import { getTestPrisma } from "../support/db";
import { resetDatabase } from "../support/db";
import { makeUser } from "../support/factories";
import { bodyAttacks, deepValue, fieldAttacks, NON_UUID_IDS } from "../support/attack/attacks";
import { ROOT, scanServerActions } from "../support/attack/action-scan";
import { appPages } from "../support/attack/page-list";
import { ROUTE_SAMPLES, type TRouteSample } from "../support/attack/route-samples";
import { tableCounts } from "../support/attack/table-counts";

type TRoute = TRouteHandler & { def: TApiRouteDef };
const ROUTES = API_ROUTES as TRoute[];
const ROLES = Object.values(Role);
const NONE = "00000000-0000-4000-8000-0000000000cc";
/** parseInput's message when the schema refuses an input. */
const SCHEMA_REFUSAL = "Some fields need attention";

/** Who calls: nobody, each role, a disabled user and a revoked credential. */
type TCaller = "anonymous" | Role | "disabled user" | "revoked credential";
const CALLERS: TCaller[] = ["anonymous", ...ROLES, "disabled user", "revoked credential"];
type TOutcome = "admitted" | "unauthenticated" | "forbidden";

/** What the permission table says a caller gets: nothing here is written per route. */
function expected(access: TPermission | null | "public", caller: TCaller): TOutcome {
  if (access === "public") return "admitted";
  if (caller === "anonymous" || caller === "disabled user" || caller === "revoked credential")
    return "unauthenticated";
  return access === null || hasPermission(caller, access) ? "admitted" : "forbidden";
}

const routeKey = (def: TApiRouteDef) => `${def.method} ${def.path}`;
const concrete = (p: string, value = NONE) => p.replace(/:(\w+)/g, () => value);
const concreteWith = (p: string, params: Record<string, string>) =>
  p.replace(/:(\w+)/g, (_m, name: string) => params[name] ?? NONE);
const paramsOf = (p: string, value = NONE) =>
  Object.fromEntries([...p.matchAll(/:(\w+)/g)].map((m) => [m[1] as string, value]));
const routeAccess = (def: TApiRouteDef) => (def.allowAnonymous ? "public" : def.permission);
/** The first role the permission table admits to a route or action: the one that attacks it. */
const admittedRole = (access: TPermission | null | "public") =>
  ROLES.find((r) => expected(access, r) === "admitted") ?? null;

function sampleOf(def: TApiRouteDef): { query: string; type: string; text: string } | null {
  const s: TRouteSample | undefined = ROUTE_SAMPLES[routeKey(def)];
  if (!s) return null;
  const query = s.query ? `?${s.query}` : "";
  return "raw" in s ? { query, ...s.raw } : { query, type: "application/json", text: JSON.stringify(s.json) };
}

// ---- one seeding for the whole suite -------------------------------------------------------------

const tokens = {} as Record<TCaller, string | null>;
const tokenUsers = {} as Record<Role, string>;
/** Server actions run as a browser session: a fresh one per call (one action signs out everywhere). */
const actionUsers = {} as Record<Role | "disabled user", string>;
let revokedSessionId = "";

beforeAll(async () => {
  await resetDatabase();
  tokens.anonymous = null;
  for (const role of ROLES) {
    const u = await makeUser(role);
    tokens[role] = (await insertApiToken(db(), u.id, "attack", null)).token;
    tokenUsers[role] = u.id;
    actionUsers[role] = (await makeUser(role)).id;
  }
  // The strongest role, so a check that forgot status or revocation would show at once.
  const disabled = await makeUser("ADMIN", { status: "DISABLED" });
  tokens["disabled user"] = (await insertApiToken(db(), disabled.id, "attack", null)).token;
  actionUsers["disabled user"] = disabled.id;
  const revoked = await makeUser("ADMIN");
  const t = await insertApiToken(db(), revoked.id, "attack", null);
  await db().apiToken.update({ where: { id: t.id }, data: { revokedAt: new Date() } });
  tokens["revoked credential"] = t.token;
  revokedSessionId = await createSession(db(), revoked.id, null);
  await db().session.update({ where: { id: revokedSessionId }, data: { revokedAt: new Date() } });
});
afterAll(async () => {
  session.sid = null;
  await db().$disconnect();
});

/** Sessions kept for the attacks, made before the row counts are taken. */
const keptSessions = new Map<TCaller, string>();

async function signInAs(caller: TCaller, opts: { keep?: boolean } = {}): Promise<void> {
  if (caller === "anonymous") session.sid = null;
  else if (caller === "revoked credential") session.sid = revokedSessionId;
  else if (opts.keep && keptSessions.has(caller)) session.sid = keptSessions.get(caller) ?? null;
  else {
    session.sid = await createSession(db(), actionUsers[caller], null);
    if (opts.keep) keptSessions.set(caller, session.sid);
  }
}

type TRouteCall = {
  path?: string;
  params?: Record<string, string>;
  query?: string;
  type?: string;
  body?: Uint8Array | string;
  headers?: Record<string, string>;
};

function callRoute(route: TRoute, caller: TCaller, opts: TRouteCall = {}) {
  const def = route.def;
  return callAs(tokens[caller])(route, `${opts.path ?? concrete(def.path)}${opts.query ?? ""}`, {
    method: def.method,
    params: opts.params ?? paramsOf(def.path),
    body: opts.body,
    type: opts.type,
    headers: opts.headers,
  });
}

/** encodeURIComponent, but a lone surrogate (which it refuses) goes as the bytes a client could send. */
function safeEncode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return "%ED%A0%80";
  }
}

function outcomeOfStatus(status: number): TOutcome {
  return status === 401 ? "unauthenticated" : status === 403 ? "forbidden" : "admitted";
}

async function loadAction(
  entry: TActionEntry,
): Promise<(...args: unknown[]) => Promise<TActionResult<unknown>>> {
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, entry.file))) as Record<string, unknown>;
  const fn = mod[entry.name];
  if (typeof fn !== "function") throw new Error(`${entry.file} exports no ${entry.name}`);
  return fn as (...args: unknown[]) => Promise<TActionResult<unknown>>;
}

function formOf(input: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(input)) form.set(k, v);
  return form;
}

/** Calls an action as pages do; `raw` replaces the whole argument (what a forged request can send). */
async function callAction(
  entry: TActionEntry,
  input: Record<string, string>,
  raw?: { value: unknown },
): Promise<TActionResult<unknown>> {
  const fn = await loadAction(entry);
  if (entry.call === "form") return fn(null, raw ? raw.value : formOf(input));
  return fn(...entry.call.args.map((a) => (raw ? raw.value : input[a])));
}

/** An action's answer as the HTTP status its code stands for (an unexpected failure is a 500). */
function actionStatus(r: TActionResult<unknown>): number {
  if (r.ok) return 200;
  return r.code ? APP_ERROR_STATUS[r.code as keyof typeof APP_ERROR_STATUS] : 500;
}

/**
 * Runs a page as the server would, far enough to see it fail: the page, then every async (server)
 * component in what it returns, depth first. Client components are never async, so none is called.
 */
async function runPage(page: { file: string }, params: Record<string, string>): Promise<string> {
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, page.file))) as {
    default: (props: unknown) => unknown;
  };
  const walk = async (node: unknown): Promise<void> => {
    if (Array.isArray(node)) {
      for (const n of node) await walk(n);
      return;
    }
    if (!isValidElement(node)) return;
    const { type, props } = node as { type: unknown; props: { children?: unknown } };
    if (typeof type === "function" && type.constructor.name === "AsyncFunction")
      return walk(await (type as (p: unknown) => Promise<unknown>)(props));
    await walk(props.children);
  };
  try {
    await walk(await mod.default({ params: Promise.resolve(params), searchParams: Promise.resolve({}) }));
    return "";
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

// ---- a small world of real rows, so attacks that got past validation would reach them ----------

/** Ids of real rows by the path segment before a parameter ("studies" → a draft study…). */
const world: Record<string, string> = {};

function routeByKey(key: string): TRoute {
  const r = ROUTES.find((x) => routeKey(x.def) === key);
  if (!r) throw new Error(`no route ${key}`);
  return r;
}

async function must<T>(res: Promise<Response>, what: string): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/** Built through the API itself, with the same samples the attacks start from. */
async function buildWorld(): Promise<void> {
  const admin = callAs(tokens.ADMIN);
  const clinician = callAs(tokens.CLINICIAN);
  const sampleBody = (key: string) => {
    const s = ROUTE_SAMPLES[key] as TRouteSample;
    return "raw" in s
      ? { body: s.raw.text, type: s.raw.type, query: s.query ? `?${s.query}` : "" }
      : { body: JSON.stringify(s.json), type: "application/json", query: s.query ? `?${s.query}` : "" };
  };
  const post = (
    who: typeof admin,
    key: string,
    params: Record<string, string> = {},
    over?: { body: string; type?: string; query?: string },
  ) => {
    const { body, type, query } = over ? { type: "application/json", query: "", ...over } : sampleBody(key);
    const [method, p] = key.split(" ") as [string, string];
    return who(routeByKey(key), `${p.replace(/:(\w+)/g, (_m, name: string) => params[name] ?? "")}${query}`, {
      method,
      params,
      body,
      type,
    });
  };
  const dataset = await must<{ id: string }>(post(admin, "POST /api/v1/datasets"), "dataset");
  world.datasets = dataset.id;
  const campaign = await must<{ id: string }>(
    post(
      admin,
      "POST /api/v1/audits",
      {},
      {
        body: JSON.stringify({
          datasetId: dataset.id,
          name: "Attack campaign",
          sampleFraction: 1,
          seed: 7,
          reviewersPerItem: 1,
        }),
      },
    ),
    "campaign",
  );
  world.audits = campaign.id;
  const task = await must<{ assignmentId: string }>(
    post(clinician, "POST /api/v1/audits/:id/assignments/next", { id: campaign.id }, { body: "" }),
    "audit assignment",
  );
  world["Audits:assignments"] = task.assignmentId;
  // The shared queue routes (tag Queue) are attacked on the audit assignment: the samples are a review.
  world["Queue:assignments"] = task.assignmentId;
  world.items = (await db().auditItem.findFirstOrThrow({ where: { campaignId: campaign.id } })).id;
  const seed = await must<{ id: string }>(post(clinician, "POST /api/v1/seeds"), "seed");
  world.seeds = seed.id;
  world.terms = (await must<{ id: string }>(post(admin, "POST /api/v1/vocabulary/terms"), "term")).id;
  const study = await must<{ id: string }>(post(admin, "POST /api/v1/studies"), "study");
  await must(post(admin, "POST /api/v1/studies/:id/outputs", { id: study.id }), "outputs");
  await must(
    post(
      admin,
      "PUT /api/v1/studies/:id/raters",
      { id: study.id },
      { body: JSON.stringify({ raterIds: [tokenUsers.CLINICIAN] }) },
    ),
    "raters",
  );
  await must(post(admin, "POST /api/v1/studies/:id/start", { id: study.id }, { body: "" }), "start");
  const rating = await must<{ assignmentId: string }>(
    post(clinician, "POST /api/v1/studies/:id/assignments/next", { id: study.id }, { body: "" }),
    "study assignment",
  );
  world.studies = study.id;
  world["Studies:assignments"] = rating.assignmentId;
  world.tokens = (await db().apiToken.findFirstOrThrow({ where: { userId: tokenUsers.ADMIN } })).id;
  // Someone for the admin's user routes to aim at (their bodies are attacked on a real account).
  world.users = (await makeUser("RESEARCHER")).id;
  // Written directly: registration answers 422 unless WEBHOOK_ALLOWED_HOSTS names the sample's host.
  world.webhooks = (
    await db().webhookEndpoint.create({
      data: {
        url: "https://hooks.example.test/in",
        events: ["seed.approved"],
        secret: "whsec_attack",
        createdById: tokenUsers.ADMIN,
      },
    })
  ).id;
}

/** A route's parameters filled from the world: each by the segment before it ("/studies/:id"). */
function worldParams(def: TApiRouteDef): Record<string, string> {
  const segments = def.path.split("/");
  const out: Record<string, string> = {};
  segments.forEach((seg, i) => {
    if (!seg.startsWith(":")) return;
    const resource = segments[i - 1] ?? "";
    const id = world[`${def.tag}:${resource}`] ?? world[resource];
    if (!id)
      throw new Error(
        `No row of the attack world for ${resource} in ${routeKey(def)}: add one to buildWorld`,
      );
    out[seg.slice(1)] = id;
  });
  return out;
}

// ---- coverage: nothing reaches the app without being attacked -----------------------------------

describe("coverage", () => {
  it("registers every server action with the permission its source checks, and every authorizedAction is reachable from one", () => {
    const scan = scanServerActions();
    const registered = new Map(SERVER_ACTIONS.map((a) => [`${a.file}#${a.name}`, a.access]));
    const missing = scan.actions
      .filter((a) => !registered.has(`${a.file}#${a.name}`))
      .map((a) => `${a.file}#${a.name}`);
    expect(missing, "add these to lib/http/action-registry.ts").toEqual([]);
    const wrong = scan.actions
      .filter(
        (a) =>
          registered.has(`${a.file}#${a.name}`) &&
          (a.access.length !== 1 || a.access[0] !== registered.get(`${a.file}#${a.name}`)),
      )
      .map(
        (a) =>
          `${a.file}#${a.name}: source ${a.access.join("+") || "no check"}, registry ${registered.get(`${a.file}#${a.name}`)}`,
      );
    expect(wrong).toEqual([]);
    const stale = SERVER_ACTIONS.filter(
      (a) => !scan.actions.some((s) => s.file === a.file && s.name === a.name),
    ).map((a) => `${a.file}#${a.name}`);
    expect(stale, "registered but not found in the sources").toEqual([]);
    expect(
      scan.wrappers.filter((w) => !w.reached).map((w) => `${w.file}:${w.line}`),
      "authorizedAction/publicAction not behind a registered export",
    ).toEqual([]);
    // The scanner still finds what is registered (issue 14 turned most actions into routes).
    expect(scan.actions.length).toBe(SERVER_ACTIONS.length);
  });

  it("has a valid sample body for every route that takes one", () => {
    const withBody = ROUTES.filter((r) => r.def.body || r.def.rawBody);
    expect(
      withBody.filter((r) => !ROUTE_SAMPLES[routeKey(r.def)]).map((r) => routeKey(r.def)),
      "add to tests/support/attack/route-samples.ts",
    ).toEqual([]);
    const invalid = withBody.filter(
      (r) =>
        r.def.body &&
        !r.def.body.safeParse((ROUTE_SAMPLES[routeKey(r.def)] as { json: unknown }).json).success,
    );
    expect(invalid.map((r) => routeKey(r.def))).toEqual([]);
    const stale = Object.keys(ROUTE_SAMPLES).filter((k) => !ROUTES.some((r) => routeKey(r.def) === k));
    expect(stale).toEqual([]);
    expect(withBody.length).toBeGreaterThanOrEqual(20);
  });

  it("knows every permission of the table", () => {
    // A permission no route, action or page checks is either dead or checked somewhere unseen.
    const used = new Set<string>([
      ...ROUTES.map((r) => r.def.permission ?? ""),
      ...SERVER_ACTIONS.map((a) => a.access),
    ]);
    for (const p of appPages())
      for (const m of readFileSync(path.join(ROOT, p.file), "utf8").matchAll(/"([a-z-]+:[a-z-]+)"/g))
        used.add(m[1] as string);
    expect(PERMISSIONS.filter((p) => !used.has(p))).toEqual([]);
  });
});

// ---- hostile input: 4xx, never 500, and nothing written (first: on the world as built) ----------

describe("hostile input is refused with a 4xx and changes no table", () => {
  let before: Record<string, number> = {};
  beforeAll(async () => {
    await buildWorld();
    for (const role of ROLES) await signInAs(role, { keep: true });
    // Kept for the action checks, not left on: the next describe's anonymous calls must be anonymous.
    session.sid = null;
    before = await tableCounts(getTestPrisma());
  });

  /** 4xx, or the 308 a route documents for a deprecated address. */
  const acceptable = (def: TApiRouteDef, status: number) =>
    (status >= 400 && status < 500) || (status === 308 && def.response?.status === 308);

  const withBody = ROUTES.filter((r) => r.def.body || r.def.rawBody);
  it.each(withBody.map((r) => [routeKey(r.def), r] as const))("body attacks on %s", async (_key, route) => {
    const sample = sampleOf(route.def);
    const role = admittedRole(routeAccess(route.def));
    expect(sample).not.toBeNull();
    expect(role).not.toBeNull();
    if (!sample || !role) return;
    const wrong: string[] = [];
    for (const attack of bodyAttacks(sample, { extraMembers: Boolean(route.def.body) })) {
      const params = worldParams(route.def);
      const res = await callRoute(route, role, {
        path: concreteWith(route.def.path, params),
        params,
        query: sample.query,
        type: attack.type,
        body: attack.body,
      });
      // Refused for what was sent, never for who sent it (that would hide the attack).
      if (!acceptable(route.def, res.status) || res.status === 401 || res.status === 403)
        wrong.push(`${attack.name}: ${res.status} ${(await res.text()).slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(withBody.map((r) => [routeKey(r.def), r] as const))(
    "an oversized body streamed to %s stops at its limit",
    async (_key, route) => {
      const role = admittedRole(routeAccess(route.def));
      if (!role) return;
      // The handler's own reader (the request hook in front of Next is checked below): a JSON route
      // reads at most its limit; raw uploads have limits of up to 512 MiB, streamed here only to 5 MB.
      const limit = route.def.bodyLimit ?? BODY_LIMITS.json;
      if (limit > BODY_LIMITS.seedImport) return;
      let sent = 0;
      const chunk = new Uint8Array(64 * 1024).fill(32);
      const stream = new ReadableStream<Uint8Array>({
        pull(c) {
          if (sent > limit + 4 * chunk.byteLength) return c.close();
          sent += chunk.byteLength;
          c.enqueue(chunk);
        },
      });
      const sample = sampleOf(route.def);
      const res = await callAs(tokens[role])(route, `${concrete(route.def.path)}${sample?.query ?? ""}`, {
        method: route.def.method,
        params: paramsOf(route.def.path),
        body: stream,
        type: sample?.type,
      });
      expect(res.status).toBe(413);
    },
  );

  const withParams = ROUTES.filter((r) => r.def.path.includes(":"));
  it.each(withParams.map((r) => [routeKey(r.def), r] as const))(
    "ids that are not UUIDs in the path of %s",
    async (_key, route) => {
      const role = admittedRole(routeAccess(route.def));
      if (!role) return;
      const sample = sampleOf(route.def);
      const wrong: string[] = [];
      for (const id of NON_UUID_IDS) {
        const res = await callRoute(route, role, {
          path: concrete(route.def.path, safeEncode(id)),
          params: paramsOf(route.def.path, id),
          query: sample?.query,
          type: sample?.type,
          body: sample?.text,
        });
        if (!acceptable(route.def, res.status) || res.status === 401 || res.status === 403)
          wrong.push(`${JSON.stringify(id)}: ${res.status}`);
      }
      expect(wrong).toEqual([]);
    },
  );

  const withInput = SERVER_ACTIONS.filter((a) => Object.keys(a.sample).length > 0);
  it.each(withInput.map((a) => [a.name, a] as const))("hostile input to %s", async (_key, entry) => {
    const role = entry.access === "public" ? "anonymous" : admittedRole(entry.access);
    expect(role).not.toBeNull();
    if (!role) return;
    const wrong: string[] = [];
    const check = async (name: string, input: Record<string, string>, raw?: { value: unknown }) => {
      await signInAs(role, { keep: true });
      const r = await callAction(entry, input, raw);
      const status = actionStatus(r);
      // Refused for what was sent, never for who sent it (a lapsed session would hide the attack).
      if (status < 400 || status >= 500 || status === 401 || (status === 403 && entry.access !== "public"))
        wrong.push(`${name}: ${r.ok ? "accepted" : `${status} ${r.message}`}`);
    };
    for (const [field, valid] of Object.entries(entry.sample)) {
      for (const a of fieldAttacks(valid)) {
        const input = { ...entry.sample, [field]: a.value };
        // As a form (FormData turns lone surrogates into U+FFFD, as decoding a request does) and
        // as the plain object a forged action request can send instead.
        if (!/surrogate/.test(a.name)) await check(`${field} ${a.name} (form)`, input);
        await check(`${field} ${a.name} (object)`, input, {
          value: entry.call === "form" ? input : input[entry.call.args[0] ?? ""],
        });
      }
    }
    await check("empty input", {}, entry.call === "form" ? { value: new FormData() } : { value: "" });
    await check(`nested deep instead of the input`, {}, { value: deepValue() });
    for (const value of [null, 42, "x", [], { $ACTION_ID: "x" }])
      await check(`${JSON.stringify(value)} instead of the input`, {}, { value });
    session.sid = null;
    expect(wrong).toEqual([]);
  });

  it("changed the row count of no table", async () => {
    expect(await tableCounts(getTestPrisma())).toEqual(before);
    expect(Object.keys(before).length).toBeGreaterThan(20);
  });
});

// ---- every route, action and caller ----------------------------------------------------------------

describe("every route answers each caller as the permission table says", () => {
  it.each(ROUTES.map((r) => [routeKey(r.def), r] as const))("%s", async (_key, route) => {
    const sample = sampleOf(route.def);
    const wrong: string[] = [];
    let forbidden = 0;
    const denialsBefore = await db().auditLog.count({ where: { action: "permission.denied" } });
    // With an API token, and again with a browser session (a same-origin request, as the app's pages send).
    const calls = [
      ...CALLERS.map((c) => [c, "token"] as const),
      ...CALLERS.filter((c) => c !== "anonymous").map((c) => [c, "session"] as const),
    ];
    for (const [caller, via] of calls) {
      const opts = sample ? { query: sample.query, type: sample.type, body: sample.text } : {};
      // A fresh session each call: the sign-out-everywhere routes revoke the caller's sessions.
      if (via === "session") await signInAs(caller);
      const res = await (via === "token"
        ? callRoute(route, caller, opts)
        : callRoute(route, "anonymous", { ...opts, headers: { origin: "http://app.test" } }));
      session.sid = null;
      const want = expected(routeAccess(route.def), caller);
      if (want === "forbidden") forbidden++;
      if (res.status >= 500 || outcomeOfStatus(res.status) !== want)
        wrong.push(`${caller} (${via}): ${res.status}, expected ${want}`);
      if (res.status === 401 || res.status === 403)
        expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    expect(wrong).toEqual([]);
    // Each refusal of a signed-in role is in the audit trail.
    expect((await db().auditLog.count({ where: { action: "permission.denied" } })) - denialsBefore).toBe(
      forbidden,
    );
  });
});

// Skipped while no server action exists (issue 14 moved them all to routes); the coverage test
// above still fails on an unregistered "use server" export.
describe.skipIf(SERVER_ACTIONS.length === 0)(
  "every server action answers each caller as the permission table says",
  () => {
    it.each(SERVER_ACTIONS.map((a) => [`${a.name} (${a.access})`, a] as const))("%s", async (_key, entry) => {
      const wrong: string[] = [];
      for (const caller of CALLERS) {
        await signInAs(caller);
        const r = await callAction(entry, entry.sample);
        const status = actionStatus(r);
        // A public action may refuse for its own reasons (setup already done): only a sign-in demand is wrong.
        const refusedAs = r.ok
          ? null
          : r.code === "UNAUTHENTICATED"
            ? "unauthenticated"
            : r.code === "FORBIDDEN" && entry.access !== "public"
              ? "forbidden"
              : null;
        const got: TOutcome = refusedAs ?? "admitted";
        const want = expected(entry.access, caller);
        if (status >= 500 || got !== want)
          wrong.push(`${caller}: ${r.ok ? "ok" : `${r.code ?? "500"} ${r.message}`}, expected ${want}`);
        // A valid sample: an admitted caller never gets the schema's refusal (lib/errors/parse-input.ts) for it.
        if (want === "admitted" && !r.ok && r.message === SCHEMA_REFUSAL)
          wrong.push(`${caller}: sample refused ${JSON.stringify(r.fieldErrors)}`);
      }
      session.sid = null;
      expect(wrong).toEqual([]);
    });
  },
);

// ---- body limits in front of Next, for every route and action ------------------------------------

describe("body limits in front of Next, read from the registry", () => {
  let guarded: Awaited<ReturnType<typeof startGuardedServer>>;
  let readBytes: Map<string, number>;
  beforeAll(async () => {
    guarded = await startGuardedServer();
    readBytes = guarded.readBytes;
  });
  afterAll(() => guarded.close());
  const post = async (
    urlPath: string,
    total: number,
    declare: number | null,
    headers: Record<string, string> = {},
  ) =>
    (await guarded.post(urlPath, total, declare, { "content-type": "application/json", ...headers })).status;

  const withBody = ROUTES.filter((r) => r.def.body || r.def.rawBody);
  it.each(withBody.map((r) => [routeKey(r.def), r] as const))(
    "%s: 413 one byte over its declared limit, declared or streamed",
    async (_key, route) => {
      const limit = route.def.bodyLimit ?? BODY_LIMITS.json;
      const at = `${concrete(route.def.path)}${sampleOf(route.def)?.query ?? ""}`;
      expect(await post(at, 1_000, limit + 1)).toBe(413);
      // Streamed to the limit and one byte more: the handler behind the hook never reads past it.
      // The dataset import's 512 MiB stay a declared-length check: streaming them costs seconds.
      if (limit <= BODY_LIMITS.bulkUpload) {
        expect(await post(`${at}${at.includes("?") ? "&" : "?"}streamed`, limit + 1, null)).toBe(413);
        expect(readBytes.get(`${at}${at.includes("?") ? "&" : "?"}streamed`) ?? 0).toBeLessThanOrEqual(limit);
      }
    },
  );

  it.each(SERVER_ACTIONS.map((a) => [a.name, a] as const))(
    "%s: a server action body over 1 MB is refused before Next",
    async (_key, entry) => {
      const headers = {
        "next-action": entry.name,
        origin: `http://127.0.0.1:${guarded.port}`,
        "content-type": "text/plain;charset=UTF-8",
      };
      expect(await post(`/${entry.name}`, 1_000, BODY_LIMITS.serverAction + 1, headers)).toBe(413);
      expect(await post(`/${entry.name}?streamed`, BODY_LIMITS.serverAction + 1, null, headers)).toBe(413);
    },
  );
});

// ---- every page: anonymous visitors sent to sign in, security headers ----------------------------

describe("every page", () => {
  const pages = appPages();
  it("is found under app/", () => {
    expect(pages.length).toBeGreaterThanOrEqual(20);
    expect(pages.filter((p) => p.public).map((p) => p.path)).toContain("/signin");
  });

  it.each(pages.map((p) => [p.path, p] as const))(
    "%s sends anonymous visitors to sign in (or is a sign-in page)",
    async (_path, page) => {
      session.sid = null;
      const mod = (await import(/* @vite-ignore */ path.join(ROOT, page.file))) as {
        default: (props: unknown) => unknown;
      };
      const props = { params: Promise.resolve(page.params), searchParams: Promise.resolve({}) };
      let thrown = "";
      try {
        await mod.default(props);
      } catch (err) {
        thrown = err instanceof Error ? err.message : String(err);
      }
      if (page.public) {
        // Sign-in pages render for visitors, send them to another page of the app, or are not
        // offered here (forgot-password without mail).
        expect(thrown === "" || thrown === "NOT_FOUND" || /^REDIRECT \/[a-z]/.test(thrown), thrown).toBe(
          true,
        );
        expect(thrown).not.toContain("callbackUrl");
      } else {
        expect(thrown).toBe(`REDIRECT /signin?callbackUrl=${encodeURIComponent(page.path)}`);
      }
    },
  );

  /** The permissions a page asks requirePagePermission for (any one admits), read from its source. */
  const pagePermissions = (file: string): TPermission[] => {
    const call = /requirePagePermission\(\s*(\[[^\]]*\]|"[^"]+")/.exec(
      readFileSync(path.join(ROOT, file), "utf8"),
    );
    return [...(call?.[1] ?? "").matchAll(/"([^"]+)"/g)].map((m) => m[1] as TPermission);
  };

  beforeAll(() => {
    keptSessions.clear();
  });

  it.each(pages.filter((p) => !p.public).map((p) => [p.path, p] as const))(
    "%s answers each signed-in caller as the permission table says",
    async (_path, page) => {
      const permissions = pagePermissions(page.file);
      expect(permissions.length, "requirePagePermission with literal permissions").toBeGreaterThan(0);
      const wrong: string[] = [];
      for (const caller of CALLERS.filter((c) => c !== "anonymous")) {
        await signInAs(caller, { keep: true });
        const thrown = await runPage(page, page.params);
        const want =
          permissions.map((p) => expected(p, caller)).find((o) => o === "admitted") ??
          expected(permissions[0] as TPermission, caller);
        const got: TOutcome = thrown.startsWith("REDIRECT /signin")
          ? "unauthenticated"
          : thrown === "FORBIDDEN"
            ? "forbidden"
            : "admitted";
        // Admitted callers get the page or, for an id that names nothing, not-found; nothing else.
        if (
          got !== want ||
          (got === "admitted" && thrown !== "" && thrown !== "NOT_FOUND" && !thrown.startsWith("REDIRECT /"))
        )
          wrong.push(`${caller}: ${thrown || "rendered"}, expected ${want}`);
      }
      session.sid = null;
      expect(wrong).toEqual([]);
    },
  );

  it.each(
    pages.filter((p) => !p.public && Object.keys(p.params).length > 0).map((p) => [p.path, p] as const),
  )("%s answers ids that are not UUIDs with not-found, never an error", async (_path, page) => {
    const role = ROLES.find((r) => pagePermissions(page.file).some((p) => hasPermission(r, p)));
    expect(role).toBeDefined();
    await signInAs(role as Role, { keep: true });
    const wrong: string[] = [];
    for (const id of NON_UUID_IDS) {
      const thrown = await runPage(page, Object.fromEntries(Object.keys(page.params).map((k) => [k, id])));
      if (thrown !== "NOT_FOUND") wrong.push(`${JSON.stringify(id)}: ${thrown.slice(0, 200) || "rendered"}`);
    }
    session.sid = null;
    expect(wrong).toEqual([]);
  });

  it.each(pages.map((p) => [p.path, p] as const))(
    "%s gets the page security headers from proxy.ts",
    (_path, page) => {
      expect(new RegExp(`^${proxyConfig.matcher[0]}$`).test(page.path), "proxy.ts matcher").toBe(true);
      const res = proxy(new NextRequest(`http://app.test${page.path}`));
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      // Handed to the (app) layout, which sends signed-out visitors to sign in with the way back.
      expect(res.headers.get("x-middleware-request-x-pathname")).toBe(page.path);
    },
  );
});
