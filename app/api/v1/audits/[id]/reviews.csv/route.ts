import { reviewsCsvRoute } from "@/lib/audits/result-routes";

export const GET = reviewsCsvRoute.handle;
