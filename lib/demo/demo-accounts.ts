import type { Role } from "@/lib/generated/prisma/enums";

/** Demo-mode accounts: created only on the embedded database, refused by production boot. */
export const DEMO_ACCOUNTS: readonly { email: string; name: string; role: Role; password: string }[] = [
  { email: "admin@demo.clinreview.test", name: "Ada Admin", role: "ADMIN", password: "demo-admin-password" },
  {
    email: "clinician@demo.clinreview.test",
    name: "Cleo Clinician",
    role: "CLINICIAN",
    password: "demo-clinician-password",
  },
  {
    email: "clinician2@demo.clinreview.test",
    name: "Casey Clinician",
    role: "CLINICIAN",
    password: "demo-clinician-password",
  },
  {
    email: "researcher@demo.clinreview.test",
    name: "Rene Researcher",
    role: "RESEARCHER",
    password: "demo-researcher-password",
  },
];
