import { SeedDetail } from "@/components/seeds/seed-detail";
import { requirePagePermission } from "@/lib/auth/current-user";
import { parseOr404 } from "@/lib/http/find-or-404";
import { ZSeedId } from "@/lib/seeds/schemas";

export const metadata = { title: "Seed" };

export default async function SeedPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { id: raw } = await params;
  const user = await requirePagePermission("seeds:read", `/seeds/${raw}`);
  const { id } = parseOr404(ZSeedId, { id: raw });
  // ?saved=N: the editor that created this seed on /seeds/new confirms the save here.
  const saved = Number((await searchParams).saved);
  return (
    <SeedDetail user={user} id={id} savedVersion={Number.isInteger(saved) && saved > 0 ? saved : undefined} />
  );
}
