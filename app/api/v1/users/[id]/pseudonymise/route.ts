import { pseudonymiseUserRoute } from "@/lib/users/admin-routes";

export const POST = pseudonymiseUserRoute.handle;
