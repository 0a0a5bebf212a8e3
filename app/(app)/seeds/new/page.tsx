import { SeedEditor } from "@/components/seeds/seed-editor";
import { requirePagePermission } from "@/lib/auth/current-user";
import { listTerms } from "@/lib/vocabulary/list-terms";

export const metadata = { title: "New seed" };

export default async function NewSeedPage() {
  await requirePagePermission("seeds:write", "/seeds/new");
  const terms = await listTerms();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">New seed task</h1>
      <SeedEditor terms={terms} />
    </div>
  );
}
