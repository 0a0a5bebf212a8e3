import "server-only";
import { createHash } from "node:crypto";
import { env } from "@/lib/env";

/**
 * At most this many distinct statements per process are prepared; any further text runs unnamed
 * as before. Each pooled connection keeps the statements it prepared until it closes, so the cap
 * bounds the server's memory per connection whatever the callers send.
 */
const MAX_PREPARED = 300;
const names = new Map<string, string>();

/**
 * The name under which pg prepares `text` once per connection and then only binds and executes
 * it. For the hot path's statements (lib/db/raw-query.ts, lib/db/pg-transaction.ts): parsing and
 * planning a statement cost PostgreSQL more CPU than running it (the token read, measured alone:
 * 130 µs of backend CPU unnamed, 15 µs prepared; the app's own side 42 → 23 µs), and under
 * saturation PostgreSQL shares the app's cores. The name is a digest of the text, so one name never
 * stands for two texts (pg refuses that). undefined: run unnamed (turned off, the embedded demo,
 * whose connections share one PGlite session and so one set of names, or past the cap).
 */
export function preparedName(text: string): string | undefined {
  const known = names.get(text);
  if (known) return known;
  const e = env();
  if (!e.DATABASE_PREPARED_STATEMENTS || e.CLINREVIEW_EMBEDDED || names.size >= MAX_PREPARED)
    return undefined;
  const name = `cr_${createHash("sha256").update(text).digest("base64url").slice(0, 24)}`;
  names.set(text, name);
  return name;
}
