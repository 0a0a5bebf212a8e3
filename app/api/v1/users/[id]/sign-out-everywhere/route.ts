import { signOutUserRoute } from "@/lib/users/admin-routes";

export const POST = signOutUserRoute.handle;
