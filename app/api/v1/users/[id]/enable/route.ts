import { enableUserRoute } from "@/lib/users/admin-routes";

export const POST = enableUserRoute.handle;
