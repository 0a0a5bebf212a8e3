import { inviteUserRoute } from "@/lib/users/admin-routes";

export const POST = inviteUserRoute.handle;
