import { signOutEverywhereSelfRoute } from "@/lib/users/account-routes";

export const POST = signOutEverywhereSelfRoute.handle;
