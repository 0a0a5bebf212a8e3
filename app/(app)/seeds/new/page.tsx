import { SeedEditor } from "@/components/seeds/seed-editor";
import { requirePagePermission } from "@/lib/auth/current-user";
import { listTerms } from "@/lib/vocabulary/list-terms";

export const metadata = { title: "New seed" };

export default async function NewSeedPage() {
  await requirePagePermission("seeds:write", "/seeds/new");
  const terms = await listTerms();
  // The editor renders the heading: it names the seed once the first autosave has created it.
  return (
    <div className="space-y-4">
      <SeedEditor terms={terms} />
    </div>
  );
}
