import { acceptLinkRoute } from "@/lib/users/public-routes";

export const POST = acceptLinkRoute.handle;
