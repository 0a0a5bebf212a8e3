import { setupRoute } from "@/lib/users/public-routes";

export const POST = setupRoute.handle;
