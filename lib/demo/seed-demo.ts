import "server-only";
import { db } from "@/lib/db/prisma";
import { DEMO_ACCOUNTS } from "@/lib/demo/demo-accounts";
import { createUserWithPassword } from "@/lib/users/create-user";

/** Creates the demo accounts on an empty embedded database; never touches a database with users. */
export async function seedDemo(): Promise<{ created: number }> {
  if ((await db().user.count()) > 0) return { created: 0 };
  await db().$transaction(
    async (tx) => {
      for (const a of DEMO_ACCOUNTS) await createUserWithPassword(tx, { ...a, isDemo: true }, "user.create_demo");
    },
    { timeout: 60_000 },
  );
  return { created: DEMO_ACCOUNTS.length };
}
