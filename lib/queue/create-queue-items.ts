import "server-only";
import { randomUUID } from "node:crypto";
import { runnerOf, type PgTx } from "@/lib/db/pg-transaction";
import type { TTx } from "@/lib/db/prisma";
import { sql } from "@/lib/db/sql";
import type { TSeed } from "@/lib/random";
import { claimOrder } from "@/lib/sampling";

export type TNewQueueItem = { capacity: number; onlyForUserId?: string | null };

/**
 * Adds work to a queue, positioned in the seed's claim order (lib/sampling/claim-order.ts).
 * Returns ids in input order.
 */
export async function createQueueItems(
  tx: TTx | PgTx,
  input: { queueId: string; seed: TSeed; items: readonly TNewQueueItem[] },
): Promise<string[]> {
  const n = input.items.length;
  if (n === 0) return [];
  for (const it of input.items) {
    if (!Number.isInteger(it.capacity) || it.capacity < 1)
      throw new RangeError("capacity must be a positive integer");
  }
  const run = runnerOf(tx);
  const [last] = await run.rows<{ max: number | null }>(
    sql`SELECT max(position) AS max FROM "QueueItem" WHERE "queueId" = ${input.queueId}::uuid`,
  );
  const base = (last?.max ?? -1) + 1;
  const order = claimOrder(input.seed, n);
  const positionOf = new Array<number>(n);
  order.forEach((inputIndex, rank) => {
    positionOf[inputIndex] = base + rank;
  });
  const ids = input.items.map(() => randomUUID());
  // One statement over unnested arrays: Prisma's createMany took about a minute for the 52,002
  // items of a campaign over a whole dataset, past the transaction's time limit.
  const capacities = input.items.map((it) => it.capacity);
  const onlyFor = input.items.map((it) => it.onlyForUserId ?? null);
  await run.rows(sql`
    INSERT INTO "QueueItem" (id, "queueId", position, capacity, "onlyForUserId")
    SELECT t.id, ${input.queueId}::uuid, t.position, t.capacity, t.only_for
      FROM unnest(${ids}::uuid[], ${positionOf}::int[], ${capacities}::int[], ${onlyFor}::uuid[]) AS t(id, position, capacity, only_for)`);
  return ids;
}
