import "server-only";
import { db } from "@/lib/db/prisma";
import type { AuditLog } from "@/lib/generated/prisma/client";
import { auditSubject, type TAuditSubjectRef } from "@/lib/audit/audit-subject";

export type TAuditPerson = { name: string | null; email: string | null };
export type TResolvedAuditRow = AuditLog & {
  actor: TAuditPerson | null;
  subject: (TAuditSubjectRef & TAuditPerson) | null;
};

/**
 * Names and e-mails for a page of audit rows, looked up now from the ids the rows hold: the trail
 * itself never stores them, so a pseudonymised user shows as their pseudonym on every row without
 * any row changing. An invitation shows the address it was sent to while its link exists
 * (pseudonymising the invitee deletes it), and the account's name once that address has one.
 */
export async function resolvePeople(rows: readonly AuditLog[]): Promise<TResolvedAuditRow[]> {
  const subjects = rows.map(auditSubject);
  const invitationIds = [...new Set(subjects.flatMap((s) => (s?.kind === "invitation" ? [s.id] : [])))];
  const links = invitationIds.length
    ? await db().accountLink.findMany({
        where: { id: { in: invitationIds }, kind: "INVITE" },
        select: { id: true, email: true },
      })
    : [];
  const userIds = [
    ...new Set([
      ...rows.flatMap((r) => (r.actorId ? [r.actorId] : [])),
      ...subjects.flatMap((s) => (s?.kind === "user" ? [s.id] : [])),
    ]),
  ];
  const users =
    userIds.length || links.length
      ? await db().user.findMany({
          where: { OR: [{ id: { in: userIds } }, { email: { in: links.map((l) => l.email) } }] },
          select: { id: true, name: true, email: true },
        })
      : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const linkEmail = new Map(links.map((l) => [l.id, l.email]));

  const person = (ref: TAuditSubjectRef): TAuditPerson => {
    if (ref.kind === "user") {
      const u = byId.get(ref.id);
      return { name: u?.name ?? null, email: u?.email ?? null };
    }
    const email = linkEmail.get(ref.id) ?? null;
    return { name: (email && byEmail.get(email)?.name) || null, email };
  };
  return rows.map((r, i) => {
    const actor = r.actorId ? byId.get(r.actorId) : undefined;
    const ref = subjects[i];
    return {
      ...r,
      actor: actor ? { name: actor.name, email: actor.email } : null,
      subject: ref ? { ...ref, ...person(ref) } : null,
    };
  });
}
