import { dpoRoute } from "@/lib/studies/results-routes";

export const GET = dpoRoute.handle;
