import { auditGuidelineRoutes as r } from "@/lib/guidelines/guideline-routes";

export const POST = r.acknowledge.handle;
