import { randomBytes, randomUUID } from "node:crypto";
import { db } from "@/lib/db/prisma";
import { hashPassword } from "@/lib/auth/password";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { TRequestContext } from "@/lib/http/request-context";
import type { Role } from "@/lib/generated/prisma/enums";

export const PASSWORD = "correct horse battery staple";

export function ctx(ip = "10.0.0.1"): TRequestContext {
  return { requestId: `req-${randomBytes(6).toString("hex")}`, ip, userAgent: "vitest" };
}

export async function makeUser(
  role: Role,
  over: { email?: string; status?: "ACTIVE" | "DISABLED"; name?: string } = {},
) {
  const suffix = randomBytes(4).toString("hex");
  return db().user.create({
    data: {
      email: over.email ?? `${role.toLowerCase()}-${suffix}@int.test`,
      name: over.name ?? `${role} ${suffix}`,
      role,
      status: over.status ?? "ACTIVE",
      passwordHash: await hashPassword(PASSWORD),
      pseudonym: `R-${suffix}`,
    },
  });
}

export function asCurrent(
  u: { id: string; email: string; name: string; role: Role },
  sessionId: string | null = null,
): TCurrentUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role, isDemo: false, sessionId, via: "session" };
}

/** n active clinicians in one insert (studies need dozens of raters), as current users with their pseudonyms. */
export async function makeClinicians(n: number): Promise<(TCurrentUser & { pseudonym: string })[]> {
  const rows = Array.from({ length: n }, () => {
    const s = randomBytes(5).toString("hex");
    return {
      id: randomUUID(),
      email: `c-${s}@int.test`,
      name: `C ${s}`,
      role: "CLINICIAN" as const,
      status: "ACTIVE" as const,
      passwordHash: "x",
      pseudonym: `R-${s}`,
    };
  });
  await db().user.createMany({ data: rows });
  return rows.map((r) => ({ ...asCurrent(r), pseudonym: r.pseudonym }));
}
