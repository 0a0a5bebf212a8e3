import { closeStudyRoute } from "@/lib/studies/status-routes";

export const POST = closeStudyRoute.handle;
