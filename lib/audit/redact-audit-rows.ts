import "server-only";
import type { TTx } from "@/lib/db/prisma";
import type { TRequestContext } from "@/lib/http/request-context";
import { literalFingerprint } from "@/lib/phi-guard/fingerprint";

/**
 * The one way to change an audit row: the database function audit_redact (migration
 * …_audit_append_only) replaces the literals in each row's before/after and, for each row it
 * changed, writes an audit_log.redact row with the literals' keyed fingerprints (HMAC-SHA-256 under
 * the server's key, computed here: the database never holds the key), never the literals. Any other
 * UPDATE of "AuditLog" is refused by its trigger. Runs in the caller's transaction, so a redaction
 * and the change that called for it commit together. Answers how many rows changed.
 */
export async function redactAuditRows(
  tx: TTx,
  ctx: TRequestContext | null,
  args: { actorId: string | null; rowIds: readonly bigint[]; literals: readonly string[] },
): Promise<number> {
  const literals = [...new Set(args.literals.filter((l) => l.length > 0))];
  if (literals.length === 0) return 0;
  if (args.rowIds.length === 0) return 0;
  // One round trip for all rows, in id order, so concurrent redactions lock rows in the same order.
  const ids = [...args.rowIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(String);
  const [r] = await tx.$queryRaw<{ changed: number }[]>`
    SELECT count(*) FILTER (WHERE audit_redact(id, ${literals}::text[], ${literals.map(literalFingerprint)}::text[], ${args.actorId}::uuid, ${ctx?.requestId ?? null}, ${ctx?.ip ?? null}))::int AS changed
      FROM (SELECT id FROM unnest(${ids}::bigint[]) AS u(id) ORDER BY id) AS rows`;
  return r?.changed ?? 0;
}
