import { meRoute } from "@/lib/users/me-route";

export const GET = meRoute.handle;
