import { requestPasswordResetRoute } from "@/lib/users/public-routes";

export const POST = requestPasswordResetRoute.handle;
