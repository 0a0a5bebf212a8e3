import { InviteForm } from "@/components/users/invite-form";
import { ResetLinkButton } from "@/components/users/reset-link-button";
import { RoleSelect } from "@/components/users/role-select";
import { ActionButton } from "@/components/ui/action-button";
import { Card } from "@/components/ui/notice";
import { requirePagePermission } from "@/lib/auth/current-user";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { listUsers } from "@/lib/users/list-users";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const me = await requirePagePermission("users:manage", "/admin/users");
  const { users, invites } = await listUsers();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Users</h1>
      <Card title="Invite someone">
        <InviteForm />
      </Card>
      {invites.length > 0 ? (
        <Card title="Open invitations">
          <ul className="text-sm">
            {invites.map((i) => (
              <li key={i.id}>
                {i.email} · {i.role ? ROLE_LABEL[i.role] : ""} · expires {i.expiresAt.toLocaleString()}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card title={`People (${users.length})`}>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b text-xs uppercase text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  Name
                </th>
                <th scope="col" className="py-2 pr-3">
                  E-mail
                </th>
                <th scope="col" className="py-2 pr-3">
                  Role
                </th>
                <th scope="col" className="py-2 pr-3">
                  Status
                </th>
                <th scope="col" className="py-2 pr-3">
                  Sessions
                </th>
                <th scope="col" className="py-2">
                  Actions
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => {
                const self = u.id === me.id;
                const active = u.status === "ACTIVE";
                return (
                  <tr key={u.id} className="border-b align-top" data-testid={`user-row-${u.email}`}>
                    <td className="py-2 pr-3">
                      {u.name}
                      {u.isDemo ? <span className="ml-1 text-xs text-amber-800">(demo)</span> : null}
                    </td>
                    <td className="py-2 pr-3">{u.email}</td>
                    <td className="py-2 pr-3">
                      <RoleSelect userId={u.id} name={u.name} role={u.role} disabled={self || !active} />
                    </td>
                    <td className="py-2 pr-3">
                      {u.pseudonymisedAt ? "Pseudonymised" : active ? "Active" : "Disabled"}
                    </td>
                    <td className="py-2 pr-3">{u._count.sessions}</td>
                    <td className="flex flex-wrap gap-2 py-2">
                      {active && !self ? (
                        <>
                          <ActionButton
                            url="/api/v1/users/:userId/sign-out-everywhere"
                            fields={{ userId: u.id }}
                            label="Sign out everywhere"
                            done="Signed out"
                          />
                          <ResetLinkButton userId={u.id} />
                          <ActionButton
                            url="/api/v1/users/:userId/disable"
                            fields={{ userId: u.id }}
                            label="Disable"
                            variant="danger"
                            confirm={`Disable ${u.name}?`}
                          />
                        </>
                      ) : null}
                      {!active && !u.pseudonymisedAt ? (
                        <>
                          <ActionButton
                            url="/api/v1/users/:userId/enable"
                            fields={{ userId: u.id }}
                            label="Enable"
                          />
                          <ActionButton
                            url="/api/v1/users/:userId/pseudonymise"
                            fields={{ userId: u.id }}
                            label="Pseudonymise"
                            variant="danger"
                            confirm={`Remove ${u.name}'s name and e-mail for good? Their work stays under ${u.pseudonym}.`}
                          />
                        </>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
