// The exact row count of every table of schema public, in one statement (query_to_xml runs a
// count per table on the server; no SQL is assembled here).
import type { PrismaClient } from "@/lib/generated/prisma/client";

export async function tableCounts(client: PrismaClient): Promise<Record<string, number>> {
  const rows = await client.$queryRaw<{ table: string; rows: number }[]>`
    SELECT c.relname AS "table",
           (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', n.nspname, c.relname), false, true, '')))[1]::text::int AS rows
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
     ORDER BY 1`;
  return Object.fromEntries(rows.map((r) => [r.table, r.rows]));
}
