import "server-only";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import type { SeedStatus } from "@/lib/generated/prisma/client";
import { createLabelLookup } from "@/lib/vocabulary/label-lookup";
import { listRetiredTerms, listTerms } from "@/lib/vocabulary/list-terms";
import type { TTermRef } from "@/lib/vocabulary/label-lookup";

/** A live cell (or view, or difficulty) with fewer seeds than this is thin: worth writing seeds for. */
export const THIN_BELOW = 2;

type TBucket = { id: string; label: string; live: boolean };
const NONE = "none";

/**
 * Where each term's seeds are counted: a live term under itself; a retired term under the live
 * term that now owns its spelling (its replacement, the term an import of that label becomes),
 * else under its own label marked retired. Seeds without the term are counted under "(none)".
 */
function bucketsFor(kind: TTermRef["kind"], live: readonly TTermRef[], retired: readonly TTermRef[]) {
  const lookup = createLabelLookup(live);
  const own = live
    .filter((t) => t.kind === kind)
    .map((t): TBucket => ({ id: t.id, label: t.label, live: true }));
  const of = new Map<string | null, TBucket>(own.map((b) => [b.id, b]));
  const extra: TBucket[] = [];
  for (const t of retired.filter((r) => r.kind === kind)) {
    const canonical = lookup.find(kind, t.label);
    const bucket = canonical ? of.get(canonical.id) : undefined;
    if (bucket) of.set(t.id, bucket);
    else {
      const b = { id: t.id, label: `${t.label} (retired)`, live: false };
      of.set(t.id, b);
      extra.push(b);
    }
  }
  const none: TBucket = { id: NONE, label: "(none)", live: false };
  of.set(null, none);
  return { all: [...own, ...extra, none], of: (id: string | null) => of.get(id) ?? none };
}

/**
 * Coverage of the seeds that exist for the dataset: submitted and approved (approved only for
 * researchers, who see nothing else). Drafts are private work in progress and changes-requested
 * seeds are back with their authors, so neither is counted; retired seeds have left the dataset.
 * Every counted seed appears in the topic × type matrix, by view and by difficulty, so each of
 * them sums to the total. Thin spots are computed over live terms only: nobody can write new
 * seeds under a retired term or none.
 */
export async function seedCoverage(user: TCurrentUser) {
  const statuses: SeedStatus[] = user.role === "RESEARCHER" ? ["APPROVED"] : ["SUBMITTED", "APPROVED"];
  const [live, retired, groups] = await Promise.all([
    listTerms(),
    listRetiredTerms(),
    db().seed.groupBy({
      by: ["topicId", "typeId", "viewId", "difficulty"],
      where: { status: { in: statuses } },
      _count: { _all: true },
    }),
  ]);
  const topics = bucketsFor("TOPIC", live, retired);
  const types = bucketsFor("TYPE", live, retired);
  const views = bucketsFor("VIEW", live, retired);

  const matrix = new Map<string, number>();
  const byView = new Map<string, number>();
  const byDifficulty = new Map<number | null, number>();
  let total = 0;
  for (const g of groups) {
    const n = g._count._all;
    total += n;
    const key = `${topics.of(g.topicId).id}|${types.of(g.typeId).id}`;
    matrix.set(key, (matrix.get(key) ?? 0) + n);
    const v = views.of(g.viewId).id;
    byView.set(v, (byView.get(v) ?? 0) + n);
    const d = g.difficulty !== null && g.difficulty >= 1 && g.difficulty <= 5 ? g.difficulty : null;
    byDifficulty.set(d, (byDifficulty.get(d) ?? 0) + n);
  }
  // Buckets other than live terms are shown only when some seed is in them.
  const used = (b: TBucket, count: (b: TBucket) => number) => b.live || count(b) > 0;
  const topicTotal = (b: TBucket) =>
    [...matrix].filter(([k]) => k.startsWith(`${b.id}|`)).reduce((s, [, n]) => s + n, 0);
  const typeTotal = (b: TBucket) =>
    [...matrix].filter(([k]) => k.endsWith(`|${b.id}`)).reduce((s, [, n]) => s + n, 0);
  const typeCols = types.all.filter((b) => used(b, typeTotal));
  const rows = topics.all
    .filter((b) => used(b, topicTotal))
    .map((t) => ({ ...t, counts: typeCols.map((ty) => matrix.get(`${t.id}|${ty.id}`) ?? 0) }));
  const viewRows = views.all
    .filter((b) => used(b, (x) => byView.get(x.id) ?? 0))
    .map((v) => ({ ...v, count: byView.get(v.id) ?? 0 }));
  const difficulties: { level: number | null; count: number }[] = [1, 2, 3, 4, 5].map((d) => ({
    level: d,
    count: byDifficulty.get(d) ?? 0,
  }));
  if (byDifficulty.get(null)) difficulties.push({ level: null, count: byDifficulty.get(null) ?? 0 });

  return {
    total,
    statuses,
    thinBelow: THIN_BELOW,
    types: typeCols,
    rows,
    views: viewRows,
    difficulties,
    thin: {
      cells: rows
        .filter((r) => r.live)
        .flatMap((r) =>
          typeCols.flatMap((ty, i) =>
            ty.live && (r.counts[i] ?? 0) < THIN_BELOW
              ? [{ topic: r.label, type: ty.label, count: r.counts[i] ?? 0 }]
              : [],
          ),
        ),
      views: viewRows
        .filter((v) => v.live && v.count < THIN_BELOW)
        .map((v) => ({ label: v.label, count: v.count })),
      difficulties: difficulties.filter((d) => d.level !== null && d.count < THIN_BELOW),
    },
  };
}
export type TSeedCoverage = Awaited<ReturnType<typeof seedCoverage>>;
