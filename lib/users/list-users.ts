import "server-only";
import { db } from "@/lib/db/prisma";

export async function listUsers() {
  const [users, invites] = await Promise.all([
    db().user.findMany({
      orderBy: [{ status: "asc" }, { name: "asc" }],
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        status: true,
        isDemo: true,
        pseudonym: true,
        pseudonymisedAt: true,
        createdAt: true,
        _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: new Date() } } } } },
      },
    }),
    db().accountLink.findMany({
      where: { kind: "INVITE", usedAt: null, expiresAt: { gt: new Date() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
  ]);
  return { users, invites };
}
