import { reportRoute } from "@/lib/audits/result-routes";

export const GET = reportRoute.handle;
