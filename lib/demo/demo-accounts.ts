import type { Role } from "@/lib/generated/prisma/enums";

/** Demo-mode accounts: created only on the embedded database, refused by production boot. */
export const DEMO_ACCOUNTS: readonly { email: string; name: string; role: Role; password: string }[] = [
  { email: "admin@demo.clinreview.test", name: "Ada Admin (demo)", role: "ADMIN", password: "demo-admin-password" },
  { email: "clinician@demo.clinreview.test", name: "Cleo Clinician (demo)", role: "CLINICIAN", password: "demo-clinician-password" },
  { email: "clinician2@demo.clinreview.test", name: "Casey Clinician (demo)", role: "CLINICIAN", password: "demo-clinician-password" },
  { email: "researcher@demo.clinreview.test", name: "Rene Researcher (demo)", role: "RESEARCHER", password: "demo-researcher-password" },
];
