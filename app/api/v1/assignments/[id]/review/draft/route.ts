import { saveDraftRoute } from "@/lib/audits/review-routes";

export const PUT = saveDraftRoute.handle;
