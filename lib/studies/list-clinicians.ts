import "server-only";
import { db } from "@/lib/db/prisma";

/** Who an admin can name as raters: active clinicians, by name. */
export async function listClinicians() {
  return db().user.findMany({
    where: { role: "CLINICIAN", status: "ACTIVE" },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true },
    take: 2000,
  });
}
