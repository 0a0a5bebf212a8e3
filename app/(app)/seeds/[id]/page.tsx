import { SeedDetail } from "@/components/seeds/seed-detail";
import { requirePagePermission } from "@/lib/auth/current-user";

export const metadata = { title: "Seed" };

export default async function SeedPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("seeds:read", `/seeds/${id}`);
  return <SeedDetail user={user} id={id} />;
}
