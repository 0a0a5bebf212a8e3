import { studyGuidelineRoutes as r } from "@/lib/guidelines/guideline-routes";

export const GET = r.get.handle;
export const PUT = r.save.handle;
