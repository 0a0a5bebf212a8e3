import { createTokenRoute } from "@/lib/users/account-routes";

export const POST = createTokenRoute.handle;
