import "server-only";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors/app-error";
import { db } from "@/lib/db/prisma";
import { DEMO_ACCOUNTS } from "@/lib/demo/demo-accounts";
import type { Role } from "@/lib/generated/prisma/enums";
import { createUserWithPassword } from "@/lib/users/create-user";

/** The demo accounts as the services see a signed-in caller; `colleague` is the second clinician. */
export type TDemoPeople = {
  admin: TCurrentUser;
  clinician: TCurrentUser;
  colleague: TCurrentUser;
  researcher: TCurrentUser;
};

/** True when the database holds anyone but demo accounts: demo data is then never written. */
export async function hasRealUsers(): Promise<boolean> {
  return (await db().user.count({ where: { isDemo: false } })) > 0;
}

/** Creates the demo accounts that do not exist yet, in one transaction; returns how many. */
export async function createDemoAccounts(): Promise<number> {
  const existing = new Set((await db().user.findMany({ select: { email: true } })).map((u) => u.email));
  const missing = DEMO_ACCOUNTS.filter((a) => !existing.has(a.email));
  if (missing.length === 0) return 0;
  await db().$transaction(
    async (tx) => {
      for (const a of missing) await createUserWithPassword(tx, { ...a, isDemo: true }, "user.create_demo");
    },
    { timeout: 60_000 },
  );
  return missing.length;
}

export async function loadDemoPeople(): Promise<TDemoPeople> {
  const rows = await db().user.findMany({
    where: { isDemo: true, email: { in: DEMO_ACCOUNTS.map((a) => a.email) } },
  });
  const as = (role: Role, nth = 0): TCurrentUser => {
    const email = DEMO_ACCOUNTS.filter((a) => a.role === role)[nth]?.email;
    const u = rows.find((r) => r.email === email);
    if (!u) throw new AppError("INTERNAL", `The demo ${role.toLowerCase()} account is missing`);
    return {
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      isDemo: true,
      sessionId: null,
      via: "session",
    };
  };
  return {
    admin: as("ADMIN"),
    clinician: as("CLINICIAN"),
    colleague: as("CLINICIAN", 1),
    researcher: as("RESEARCHER"),
  };
}
