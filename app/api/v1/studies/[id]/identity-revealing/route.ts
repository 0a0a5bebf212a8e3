import { identityRevealingRoute } from "@/lib/studies/study-routes";

export const PUT = identityRevealingRoute.handle;
