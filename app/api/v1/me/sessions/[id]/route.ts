import { revokeSessionRoute } from "@/lib/users/account-routes";

export const DELETE = revokeSessionRoute.handle;
