import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm, SsoButton } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/notice";
import { getCurrentUser } from "@/lib/auth/current-user";
import { DEMO_ACCOUNTS } from "@/lib/demo/demo-accounts";
import { env, oidcConfigured } from "@/lib/env";
import { safeCallbackUrl } from "@/lib/http/safe-callback-url";
import { needsSetup } from "@/lib/users/create-first-admin";
import { mailConfigured } from "@/lib/users/send-mail";
import { ROLE_LABEL } from "@/lib/auth/permissions";

export const metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const sp = await searchParams;
  const callbackUrl = safeCallbackUrl(sp.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  if (await needsSetup()) redirect("/setup");
  return (
    <>
      <Card title="Sign in">
        <SignInForm callbackUrl={callbackUrl} initialError={sp.error} />
        {oidcConfigured() ? (
          <div className="mt-4">
            <SsoButton label={`Sign in with ${env().OIDC_DISPLAY_NAME}`} callbackUrl={callbackUrl} />
          </div>
        ) : null}
        {mailConfigured() ? (
          <p className="mt-4 text-sm">
            <Link className="text-brand-700 underline" href="/forgot-password">
              Forgot your password?
            </Link>
          </p>
        ) : null}
        <p className="mt-4 text-sm text-slate-600">
          No account? Accounts are created by invitation from an administrator.
        </p>
      </Card>
      {env().CLINREVIEW_EMBEDDED ? (
        <Card title="Demo accounts">
          <ul className="space-y-2 text-sm" aria-label="Demo accounts">
            {DEMO_ACCOUNTS.map((a) => (
              <li key={a.email}>
                <span className="font-medium">{ROLE_LABEL[a.role]}</span>: <code>{a.email}</code> /{" "}
                <code>{a.password}</code>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
