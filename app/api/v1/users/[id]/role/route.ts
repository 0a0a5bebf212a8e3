import { changeRoleRoute } from "@/lib/users/admin-routes";

export const PUT = changeRoleRoute.handle;
