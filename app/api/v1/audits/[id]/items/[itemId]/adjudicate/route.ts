import { adjudicateRoute } from "@/lib/audits/result-routes";

export const POST = adjudicateRoute.handle;
