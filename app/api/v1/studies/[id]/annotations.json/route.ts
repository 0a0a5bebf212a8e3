import { annotationsRoute } from "@/lib/studies/results-routes";

export const GET = annotationsRoute.handle;
