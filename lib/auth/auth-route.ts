import "server-only";
import NextAuth from "next-auth";
import { authOptionsFor, SIGN_IN_UNAVAILABLE } from "@/lib/auth/auth-options";
import { ensureBootChecked } from "@/lib/boot/boot-gate";
import { db } from "@/lib/db/prisma";
import { DATABASE_UNAVAILABLE_DIGEST, isDatabaseUnavailable } from "@/lib/errors/database-unavailable";
import { errorToProblem, problemResponse, RETRY_AFTER_SECONDS } from "@/lib/http/problem";
import { contextFromHeaders } from "@/lib/http/request-context";

type TAuthCtx = { params: Promise<{ nextauth?: string[] }> };

/** next-auth's actions that need no database: the provider list (the client's signIn reads it first) and the error redirect. */
const WITHOUT_DATABASE = new Set(["providers", "error"]);

const MESSAGE = "ClinReview cannot reach its database just now. Try again in a minute.";

/**
 * A browser navigation (the IdP's redirect back, a sign-in link) gets a readable page; the
 * next-auth client's fetches get problem+json. A sign-in or sign-out POST also carries `url`
 * with our own error code, which is where the next-auth client reads a failure's code from, so
 * the sign-in form shows its "cannot reach its database" words.
 */
function unavailable(req: Request, requestId: string): Response {
  const headers = { "retry-after": String(RETRY_AFTER_SECONDS), "cache-control": "no-store" };
  if (/\btext\/html\b/i.test(req.headers.get("accept") ?? "")) {
    const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>ClinReview is unavailable</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem"><h1>ClinReview is unavailable</h1><p>${MESSAGE}</p><p><a href="/signin">Back to sign-in</a></p><p style="color:#555">Request id: ${requestId}</p></body></html>`;
    return new Response(page, {
      status: 503,
      headers: { ...headers, "content-type": "text/html; charset=utf-8" },
    });
  }
  const url = new URL(`/signin?error=${SIGN_IN_UNAVAILABLE}`, req.url).href;
  return problemResponse({
    type: "about:blank",
    title: "Service unavailable",
    status: 503,
    detail: MESSAGE,
    requestId,
    ...(req.method === "POST" ? { url } : {}),
  });
}

/**
 * /api/auth/* (next-auth v4). next-auth swallows a failing callback into a redirect and answers
 * the session and CSRF reads without the database at all, so with PostgreSQL down a sign-in
 * looked like a wrong password and a session like a valid one. One `SELECT 1` first (these
 * requests are rare: sign-in, sign-out, the client's CSRF and session reads): unreachable is a
 * 503 with Retry-After; the request id is the only detail, never the driver's message.
 */
export async function authRouteHandler(req: Request, ctx: TAuthCtx): Promise<Response> {
  const { requestId } = contextFromHeaders(req.headers);
  const action = (await ctx.params).nextauth?.[0] ?? "";
  try {
    if (!WITHOUT_DATABASE.has(action)) {
      await ensureBootChecked();
      await db().$queryRaw`SELECT 1`;
    }
    return (await NextAuth(req as never, ctx as never, authOptionsFor(req))) as Response;
  } catch (err) {
    // The boot gate's refusal (checks pending) carries the digest; the driver's errors their codes.
    const digest = (err as { digest?: unknown } | null)?.digest;
    if (isDatabaseUnavailable(err) || digest === DATABASE_UNAVAILABLE_DIGEST)
      return unavailable(req, requestId);
    return problemResponse(errorToProblem(err, requestId));
  }
}
