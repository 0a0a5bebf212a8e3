import Link from "next/link";
import { Card } from "@/components/ui/notice";
import { requirePagePermission } from "@/lib/auth/current-user";
import { listStudiesForRater } from "@/lib/studies/rater-access";

export const metadata = { title: "Rate" };

export default async function RatePage() {
  const user = await requirePagePermission("studies:rate", "/rate");
  const studies = await listStudiesForRater(user.id);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Rate model outputs</h1>
      <Card title="Studies open to you">
        {studies.length === 0 ? (
          <p className="text-sm text-slate-600">No study is open to you right now.</p>
        ) : (
          <ul className="space-y-2 text-sm">
            {studies.map((s) => (
              <li key={s.id}>
                <Link href={`/rate/${s.id}`} className="font-medium text-brand-700 underline">
                  {s.title}
                </Link>
                {s.status === "PAUSED" ? <span className="ml-2 text-slate-600">(paused)</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
