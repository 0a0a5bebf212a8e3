import { addTermRoute, listTermsRoute } from "@/lib/vocabulary/routes";

export const GET = listTermsRoute.handle;
export const POST = addTermRoute.handle;
