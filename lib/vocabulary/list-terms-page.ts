import "server-only";
import { db } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TListTermsQuery, TVocabularyKind } from "./schemas";

export type TTermRow = {
  id: string;
  kind: TVocabularyKind;
  label: string;
  aliases: string[];
  retiredAt: string | null;
};
export type TTermPage = { items: TTermRow[]; total: number; nextCursor: string | null };

type TCursor = { label: string; id: string };

const encode = (c: TCursor) => Buffer.from(JSON.stringify([c.label, c.id])).toString("base64url");

function decode(cursor: string): TCursor {
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (
      Array.isArray(v) &&
      typeof v[0] === "string" &&
      typeof v[1] === "string" &&
      /^[0-9a-f-]{36}$/.test(v[1])
    )
      return { label: v[0], id: v[1] };
  } catch {
    // falls through to the refusal
  }
  throw new AppError("VALIDATION", "Some fields need attention", {
    fieldErrors: { cursor: ["Not a cursor this list gave out: start from the first page"] },
  });
}

/** LIKE's wildcards in a search are literal characters. */
const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One page of terms by label (keyset: the last label and id seen), matching the search in the
 * label or any alias, with the count of all matches. The vocabulary page and the "map to term"
 * typeahead read this instead of every term, so they stay fast at 10,000 terms.
 */
export async function listTermsPage(query: TListTermsQuery): Promise<TTermPage> {
  const where: Prisma.Sql[] = [
    query.status === "retired" ? Prisma.sql`t."retiredAt" IS NOT NULL` : Prisma.sql`t."retiredAt" IS NULL`,
  ];
  if (query.kind) where.push(Prisma.sql`t.kind = ${query.kind}::"VocabularyKind"`);
  if (query.q) {
    const like = likeOf(query.q);
    where.push(
      Prisma.sql`(t.label ILIKE ${like} OR EXISTS (SELECT 1 FROM unnest(t.aliases) a WHERE a ILIKE ${like}))`,
    );
  }
  const filter = Prisma.join(where, " AND ");
  const after = query.cursor ? decode(query.cursor) : null;
  const page = after ? Prisma.sql`AND (t.label, t.id) > (${after.label}, ${after.id}::uuid)` : Prisma.empty;
  // The page and the count do not depend on each other: two pool connections read them at once.
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db().$queryRaw<
      { id: string; kind: TVocabularyKind; label: string; aliases: string[]; retiredAt: Date | null }[]
    >`
      SELECT t.id::text AS id, t.kind::text AS kind, t.label, t.aliases, t."retiredAt"
        FROM "VocabularyTerm" t
       WHERE ${filter} ${page}
       ORDER BY t.label, t.id
       LIMIT ${query.limit + 1}`,
    db().$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM "VocabularyTerm" t WHERE ${filter}`,
  ]);
  const items = rows
    .slice(0, query.limit)
    .map((r) => ({ ...r, retiredAt: r.retiredAt?.toISOString() ?? null }));
  const last = items.at(-1);
  return { items, total, nextCursor: rows.length > query.limit && last ? encode(last) : null };
}
