import { disableUserRoute } from "@/lib/users/admin-routes";

export const POST = disableUserRoute.handle;
