import { auditGuidelineRoutes as r } from "@/lib/guidelines/guideline-routes";

export const GET = r.versions.handle;
