import "server-only";
import { pgRunner, prismaRunner, type TSqlRunner } from "@/lib/db/pg-transaction";
import { db } from "@/lib/db/prisma";
import type { TQueueClient } from "./types";

/**
 * Statements of the claim path on the app's pg pool directly (lib/db/pg-transaction.ts says why);
 * through Prisma only for a client of another instance that a test passes.
 */
export function sqlOn(client: TQueueClient): TSqlRunner {
  return client === db() ? pgRunner() : prismaRunner(client);
}
