import Link from "next/link";
import { SeedImportForm } from "@/components/seeds/seed-import-form";
import { Card } from "@/components/ui/notice";
import { requirePagePermission } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";

export const metadata = { title: "Import seeds" };

export default async function SeedImportPage() {
  const user = await requirePagePermission("seeds:import", "/seeds/import");
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/seeds" className="underline">
          ← Seed tasks
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Import seeds</h1>
      <Card title="Check a seed file, map its unknown labels, import it">
        <SeedImportForm canMapLabels={hasPermission(user.role, "vocab:manage")} />
      </Card>
    </div>
  );
}
