import { env } from "@/lib/env";

export function DemoBanner() {
  if (!env().CLINREVIEW_EMBEDDED) return null;
  return (
    <div role="note" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-950">
      <strong>Demo mode:</strong> this instance runs on an embedded database for trying ClinReview, with demo
      accounts. For real work set <code>DATABASE_URL</code> to a PostgreSQL server (see the README).
    </div>
  );
}
