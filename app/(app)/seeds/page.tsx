import { SeedList } from "@/components/seeds/seed-list";
import { requirePagePermission } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { ZSeedListQuery } from "@/lib/seeds/list-schemas";
import { listSeeds } from "@/lib/seeds/list-seeds";
import { listTerms } from "@/lib/vocabulary/list-terms";

export const metadata = { title: "Seeds" };

export default async function SeedsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePagePermission("seeds:read", "/seeds");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  const parsed = ZSeedListQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : ZSeedListQuery.parse({});
  const [result, terms] = await Promise.all([listSeeds(user, query), listTerms()]);
  return (
    <SeedList
      result={result}
      terms={terms}
      values={Object.fromEntries(
        Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string"),
      )}
      canWrite={hasPermission(user.role, "seeds:write")}
      canExport={hasPermission(user.role, "seeds:export")}
      canReview={hasPermission(user.role, "seeds:review")}
      approvedOnly={user.role === "RESEARCHER"}
      now={new Date()}
      canImport={hasPermission(user.role, "seeds:import")}
    />
  );
}
