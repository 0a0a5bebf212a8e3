import { hasPermission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

/** What the home page shows: each caller their own work, decided by the permission table. */
export type THomeSection = "seedWork" | "auditWork" | "ratingWork" | "adminOverview" | "results";

export function homeSections(role: Role): THomeSection[] {
  const can = (p: Parameters<typeof hasPermission>[1]) => hasPermission(role, p);
  const sections: THomeSection[] = [];
  if (can("seeds:write") || can("seeds:review")) sections.push("seedWork");
  if (can("audits:review")) sections.push("auditWork");
  if (can("studies:rate")) sections.push("ratingWork");
  if (can("users:manage") || can("datasets:manage") || can("audits:manage") || can("studies:manage"))
    sections.push("adminOverview");
  // Those who manage campaigns and studies reach their reports from the overview.
  else if (can("audits:results") || can("studies:results")) sections.push("results");
  return sections;
}
