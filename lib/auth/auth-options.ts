import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { ensureBootChecked } from "@/lib/boot/boot-gate";
import { isRefusedDemoAccount } from "@/lib/boot/demo-mode";
import { db } from "@/lib/db/prisma";
import { env, oidcConfigured } from "@/lib/env";
import { recordAudit } from "@/lib/audit/record-audit";
import { createSession, revokeSession } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { contextFromHeaders, type TRequestContext } from "@/lib/http/request-context";
import type { Provider } from "next-auth/providers/index";
import { safeAuthRedirect } from "@/lib/http/safe-callback-url";
import { describeError, log } from "@/lib/log/logger";

/** The error code of a sign-in that failed for want of the database (shown as words by the form). */
export const SIGN_IN_UNAVAILABLE = "Unavailable";

function headersFrom(raw: Record<string, unknown> | undefined): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(raw ?? {})) if (typeof v === "string") h.set(k, v);
  return h;
}

function providers(): Provider[] {
  const list: Provider[] = [
    CredentialsProvider({
      id: "credentials",
      name: "E-mail and password",
      credentials: {
        email: { label: "E-mail", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials, req) {
        const ctx = contextFromHeaders(headersFrom(req.headers));
        // next-auth turns a thrown error's message into ?error=… in the address bar: only our own
        // codes may travel there, never a driver's message with the database's host and port.
        const result = await signInWithPassword(
          { email: credentials?.email, password: credentials?.password },
          ctx,
        ).catch((err: unknown) => {
          log.error("sign-in failed: database unavailable", {
            requestId: ctx.requestId,
            ...describeError(err),
          });
          throw new Error(SIGN_IN_UNAVAILABLE);
        });
        // "invalid" stays generic.
        if (!result.ok && result.reason === "throttled") throw new Error("Throttled");
        if (!result.ok) return null;
        return { id: result.userId, sessionId: result.sessionId };
      },
    }),
  ];
  const e = env();
  if (oidcConfigured()) {
    list.push({
      id: "oidc",
      name: e.OIDC_DISPLAY_NAME,
      type: "oauth",
      wellKnown: `${e.OIDC_ISSUER?.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: { sub: string; email?: string; name?: string }) {
        return { id: profile.sub, email: profile.email?.toLowerCase() ?? null, name: profile.name ?? null };
      },
    });
  }
  return list;
}

/**
 * The options for one request to /api/auth/*: its address (the TCP peer, or with TRUST_PROXY the
 * proxy's X-Forwarded-For entry, lib/http/request-context.ts) goes on the session and audit rows
 * of an SSO sign-in and a sign-out, as a password sign-in's do (the callbacks see no request).
 */
export function authOptionsFor(req: Request): NextAuthOptions {
  return authOptions(contextFromHeaders(req.headers));
}

/**
 * Built per request because the env is only read at run time, never at build time. `reqCtx` is
 * the request's context when there is one (the route handler); session reads pass none.
 */
export function authOptions(reqCtx: TRequestContext | null = null): NextAuthOptions {
  const e = env();
  return {
    secret: e.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: e.SESSION_MAX_HOURS * 3600 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: providers(),
    useSecureCookies: e.secureCookies,
    callbacks: {
      // After sign-in and sign-out: this app's own paths only (lib/http/safe-callback-url.ts).
      redirect({ url, baseUrl }) {
        return safeAuthRedirect(url, baseUrl);
      },
      // SSO users must have been invited: the IdP proves identity, ClinReview decides access.
      async signIn({ user, account }) {
        if (account?.provider !== "oidc") return true;
        if (!user.email) return false;
        await ensureBootChecked();
        const known = await db().user.findUnique({ where: { email: user.email.toLowerCase() } });
        return Boolean(known && known.status === "ACTIVE" && !(await isRefusedDemoAccount(known)));
      },
      async jwt({ token, user, account }) {
        // Only sign-in sets the session id; client-supplied `update()` data is ignored entirely.
        if (user && account?.provider === "credentials" && user.sessionId) {
          return { sid: user.sessionId };
        }
        if (user && account?.provider === "oidc" && user.email) {
          const email = user.email.toLowerCase();
          const sid = await db().$transaction(async (tx) => {
            const u = await tx.user.findUniqueOrThrow({ where: { email } });
            const id = await createSession(tx, u.id, reqCtx);
            await recordAudit(tx, reqCtx, {
              actorId: u.id,
              action: "auth.login_sso",
              entityType: "session",
              entityId: id,
            });
            return id;
          });
          return { sid };
        }
        return { sid: token.sid };
      },
      session({ session, token }) {
        // The browser learns nothing but that it holds a session; identity comes from the DB row.
        return { expires: session.expires, sid: token.sid };
      },
    },
    events: {
      async signOut({ token }) {
        const sid = token?.sid;
        if (!sid) return;
        await db().$transaction(async (tx) => {
          const s = await tx.session.findUnique({ where: { id: sid } });
          if (!s) return;
          await revokeSession(tx, sid);
          await recordAudit(tx, reqCtx, {
            actorId: s.userId,
            action: "auth.logout",
            entityType: "session",
            entityId: sid,
          });
        });
      },
    },
  };
}
