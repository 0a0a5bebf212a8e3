import "server-only";
import { csvRow } from "@/lib/csv/csv";
import { iterateAuditLog } from "@/lib/audit/list-audit-log";
import type { TAuditFilter } from "@/lib/audit/schemas";

// The people columns are looked up when the file is made (resolve-people.ts): the rows hold ids,
// so a pseudonymised user appears under their pseudonym. New columns go last, after `ip`.
const HEADER = [
  "id",
  "time",
  "actor_id",
  "actor_email",
  "action",
  "entity_type",
  "entity_id",
  "before",
  "after",
  "request_id",
  "ip",
  "actor_name",
  "subject_id",
  "subject_name",
  "subject_email",
];

export function auditCsvStream(f: TAuditFilter): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const rows = iterateAuditLog(f);
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(enc.encode(csvRow(HEADER)));
        return;
      }
      const { value: r, done } = await rows.next();
      if (done) return controller.close();
      controller.enqueue(
        enc.encode(
          csvRow([
            r.id.toString(),
            r.at,
            r.actorId,
            r.actor?.email,
            r.action,
            r.entityType,
            r.entityId,
            r.before === null ? "" : JSON.stringify(r.before),
            r.after === null ? "" : JSON.stringify(r.after),
            r.requestId,
            r.ip,
            r.actor?.name,
            r.subject?.id,
            r.subject?.name,
            r.subject?.email,
          ]),
        ),
      );
    },
  });
}
