import Link from "next/link";
import { CreateStudyForm } from "@/components/studies/create-study-form";
import { Card } from "@/components/ui/notice";
import { requirePagePermission } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { listStudies } from "@/lib/studies/get-study";

export const metadata = { title: "Preference studies" };

export default async function StudiesPage() {
  const user = await requirePagePermission("studies:results", "/studies");
  const studies = await listStudies();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Preference studies</h1>
      {hasPermission(user.role, "studies:manage") ? (
        <Card title="New study">
          <CreateStudyForm />
        </Card>
      ) : null}
      <Card title={`Studies (${studies.length})`}>
        {studies.length === 0 ? (
          <p className="text-sm text-slate-600">No studies yet.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {studies.map((s) => (
              <li key={s.id}>
                <Link href={`/studies/${s.id}`} className="font-medium text-brand-700 underline">
                  {s.name}
                </Link>
                <span className="ml-2 text-slate-600">
                  raters see “{s.title}” · {s.status.toLowerCase()} ·{" "}
                  {s.design === "vs_reference" ? "against a reference" : "all pairs"} ·{" "}
                  <Link href={`/studies/${s.id}/results`} className="underline">
                    results
                  </Link>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
