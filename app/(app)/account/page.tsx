import { PasswordForm } from "@/components/account/password-form";
import { TokenForm } from "@/components/account/token-form";
import { ActionButton } from "@/components/ui/action-button";
import { Card } from "@/components/ui/notice";
import { requirePagePermission } from "@/lib/auth/current-user";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { listOwnApiTokens, listOwnSessions } from "@/lib/users/own-account";

export const metadata = { title: "My account" };

const fmt = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) : "—");

export default async function AccountPage() {
  const user = await requirePagePermission("account:self", "/account");
  const [tokens, sessions] = await Promise.all([listOwnApiTokens(user.id), listOwnSessions(user.id)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">My account</h1>
      <Card title="Profile">
        <p className="text-sm">
          {user.name} · {user.email} · {ROLE_LABEL[user.role]}
        </p>
      </Card>
      <Card title="Password">
        <PasswordForm />
      </Card>
      <Card title="API tokens">
        <TokenForm />
        <table className="mt-4 w-full text-left text-sm">
          <thead className="border-b text-xs uppercase text-slate-600">
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Prefix</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} className="border-b">
                <td>{t.name}</td>
                <td className="font-mono">{t.prefix}…</td>
                <td>{fmt(t.createdAt)}</td>
                <td>{fmt(t.expiresAt)}</td>
                <td>{fmt(t.lastUsedAt)}</td>
                <td>
                  {t.revokedAt ? (
                    "Revoked"
                  ) : (
                    <ActionButton
                      url="/api/v1/tokens/:tokenId"
                      method="DELETE"
                      fields={{ tokenId: t.id }}
                      label="Revoke"
                      variant="danger"
                      done="Revoked"
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card title="Where you are signed in">
        <ul className="space-y-2 text-sm">
          {sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-3">
              <span>
                {s.id === user.sessionId ? <strong>This browser · </strong> : null}
                since {fmt(s.createdAt)}, last active {fmt(s.lastSeenAt)} · {s.ip ?? "unknown address"}
              </span>
              {s.id !== user.sessionId ? (
                <ActionButton
                  url="/api/v1/me/sessions/:sessionId"
                  method="DELETE"
                  fields={{ sessionId: s.id }}
                  label="Sign out"
                  done="Signed out"
                />
              ) : null}
            </li>
          ))}
        </ul>
        <div className="mt-4">
          <ActionButton
            url="/api/v1/me/sign-out-everywhere"
            refresh={false}
            label="Sign out everywhere"
            variant="danger"
            confirm="Sign out of every browser, this one included?"
          />
        </div>
      </Card>
    </div>
  );
}
