import { isUuid } from "@/lib/text/is-uuid";
/**
 * Audit rows name people by id only. The person a row is about (its subject) is found from the row's
 * shape, never from its values: an account row (entityType "user") is about its entity id, an
 * invitation row about the invitation (AccountLink) it issued, and any other row that holds a
 * top-level "userId" (sign-in attempts; invitations whose link was gone when they were migrated)
 * about that user. lib/audit/resolve-people.ts then shows
 * their current name and e-mail, so a pseudonymised user's rows show the pseudonym.
 */
export type TAuditSubjectRef = { kind: "user" | "invitation"; id: string };

function userIdIn(json: unknown): string | null {
  if (!json || typeof json !== "object" || Array.isArray(json)) return null;
  const v = (json as Record<string, unknown>).userId;
  return typeof v === "string" && isUuid(v) ? v : null;
}

export function auditSubject(row: {
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}): TAuditSubjectRef | null {
  const entityId = row.entityId && isUuid(row.entityId) ? row.entityId : null;
  if (row.entityType === "user" && entityId) return { kind: "user", id: entityId };
  if (row.entityType === "invitation" && entityId) return { kind: "invitation", id: entityId };
  const userId = userIdIn(row.after) ?? userIdIn(row.before);
  return userId ? { kind: "user", id: userId } : null;
}

/** How the trail shows a subject, from the name and e-mail looked up when it is read. */
export function subjectLabel(p: {
  kind: TAuditSubjectRef["kind"];
  name: string | null;
  email: string | null;
}): string {
  const who = [p.name, p.email ? `<${p.email}>` : null].filter(Boolean).join(" ");
  if (p.kind === "invitation") return who ? `Invitation to ${who}` : "Invitation (its link was removed)";
  return who || "Unknown user";
}
