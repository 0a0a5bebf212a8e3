import { updateFlagsRoute } from "@/lib/audits/campaign-routes";

export const PUT = updateFlagsRoute.handle;
