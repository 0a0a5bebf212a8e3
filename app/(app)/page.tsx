import { HomeDashboard } from "@/components/home/home-dashboard";
import { requirePagePermission } from "@/lib/auth/current-user";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { loadHomeSummary } from "@/lib/users/home-summary";

export const metadata = { title: "Home" };

export default async function HomePage() {
  const user = await requirePagePermission("account:self", "/");
  const summary = await loadHomeSummary(user);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Welcome, {user.name}</h1>
        <p className="text-sm text-slate-600">{ROLE_LABEL[user.role]}: your work at a glance.</p>
      </div>
      <HomeDashboard summary={summary} />
    </div>
  );
}
