import { issueResetRoute } from "@/lib/users/admin-routes";

export const POST = issueResetRoute.handle;
