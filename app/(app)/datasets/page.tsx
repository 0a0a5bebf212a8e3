import Link from "next/link";
import { UploadForm } from "@/components/datasets/upload-form";
import { Card } from "@/components/ui/notice";
import { requirePagePermission } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { listDatasets } from "@/lib/datasets/list-datasets";

export const metadata = { title: "Datasets" };

export default async function DatasetsPage() {
  const user = await requirePagePermission("datasets:read", "/datasets");
  const datasets = await listDatasets();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Datasets</h1>
      {hasPermission(user.role, "datasets:manage") ? (
        <Card title="Import generated data">
          <UploadForm />
        </Card>
      ) : null}
      <Card title={`Imported (${datasets.length})`}>
        <ul className="divide-y text-sm">
          {datasets.map((d) => (
            <li key={d.id} className="py-2">
              <Link href={`/datasets/${d.id}`} className="font-medium text-brand-700 underline">
                {d.name}
              </Link>{" "}
              · {d.count.toLocaleString("en")} records · {d.duplicates} duplicates skipped ·{" "}
              {d.createdAt.toISOString().slice(0, 10)}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
