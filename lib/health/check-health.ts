import "server-only";
import { rawRows } from "@/lib/db/raw-query";
import { env } from "@/lib/env";

const TIMEOUT_MS = 3_000;

/** Answers within a few seconds even when the database hangs, so load balancers can act on it. */
export async function checkHealth(): Promise<{
  ok: boolean;
  body: { status: string; database: string; version: string };
}> {
  const version = env().appVersion;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      // On the pool Prisma uses too, without Prisma's per-query cost: load balancers call this often.
      rawRows("SELECT 1", []),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS);
      }),
    ]);
    return { ok: true, body: { status: "ok", database: "ok", version } };
  } catch {
    return { ok: false, body: { status: "error", database: "unreachable", version } };
  } finally {
    clearTimeout(timer);
  }
}
