import { changePasswordRoute } from "@/lib/users/account-routes";

export const PUT = changePasswordRoute.handle;
