import { revokeTokenRoute } from "@/lib/users/revoke-token-route";

export const DELETE = revokeTokenRoute.handle;
