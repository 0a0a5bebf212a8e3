import { judgementsCsvRoute } from "@/lib/studies/results-routes";

export const GET = judgementsCsvRoute.handle;
