import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/auth-options";
import { hasPermission, type TPermission } from "@/lib/auth/permissions";
import { validateSession, type TCurrentUser } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors/app-error";
import { recordDenial } from "@/lib/audit/record-denial";
import { currentRequestContext } from "@/lib/http/request-context";

/**
 * The one place a browser session is read: cached per request, so layouts, pages and actions
 * share one JWT decode and one database check.
 */
export const getCurrentUser = cache(async (): Promise<TCurrentUser | null> => {
  const session = await getServerSession(authOptions());
  return session?.sid ? validateSession(session.sid) : null;
});

/**
 * For pages: sends anonymous visitors to sign in and otherwise answers 403 with the forbidden page
 * inside the app shell (app/(app)/forbidden.tsx), recording the denial. A list means any one of the permissions (a page that serves several roles).
 */
export async function requirePagePermission(
  permission: TPermission | readonly TPermission[],
  from = "/",
): Promise<TCurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(from)}`);
  const anyOf: readonly TPermission[] = typeof permission === "string" ? [permission] : permission;
  if (!anyOf.some((p) => hasPermission(user.role, p))) {
    await recordDenial(user.id, `page ${from} (${anyOf.join(" | ")})`, await currentRequestContext());
    forbidden();
  }
  return user;
}

/** For server actions: throws typed errors that the action client turns into messages. */
export async function requireActionPermission(permission: TPermission): Promise<TCurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  if (!hasPermission(user.role, permission)) {
    await recordDenial(user.id, `action (${permission})`, await currentRequestContext());
    throw new AppError("FORBIDDEN", "You do not have permission to do this");
  }
  return user;
}
