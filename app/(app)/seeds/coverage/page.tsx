import { SeedCoverage } from "@/components/seeds/seed-coverage";
import { requirePagePermission } from "@/lib/auth/current-user";
import { seedCoverage } from "@/lib/seeds/seed-coverage";

export const metadata = { title: "Seed coverage" };

export default async function SeedCoveragePage() {
  const user = await requirePagePermission("seeds:read", "/seeds/coverage");
  return <SeedCoverage data={await seedCoverage(user)} />;
}
