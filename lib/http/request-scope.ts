import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What one HTTP request learned while it was handled, shared between the request hook in front
 * of Next (lib/http/peer-address.ts), which opens the scope, and the database pool
 * (lib/db/pool.ts), which notes in it that the database could not be reached. On globalThis: the
 * instrumentation bundle and the app bundles each have their own copy of this module.
 */
export type TRequestScope = { databaseUnavailable: boolean };

const KEY = Symbol.for("clinreview.requestScope");
const g = globalThis as unknown as Record<symbol, AsyncLocalStorage<TRequestScope> | undefined>;

function storage(): AsyncLocalStorage<TRequestScope> {
  g[KEY] ??= new AsyncLocalStorage<TRequestScope>();
  return g[KEY];
}

export function runInRequestScope<T>(scope: TRequestScope, fn: () => T): T {
  return storage().run(scope, fn);
}

/**
 * The scope of the request being handled; undefined outside one (CLI, tests calling services
 * directly). Read when work starts: a driver callback runs in the context of the socket it came
 * from, which may be another request's.
 */
export function currentRequestScope(): TRequestScope | undefined {
  return storage().getStore();
}
