import { movedSaveDraftRoute } from "@/lib/audits/review-routes";

export const PUT = movedSaveDraftRoute.handle;
