import { nextAssignmentRoute } from "@/lib/studies/rating-routes";

export const POST = nextAssignmentRoute.handle;
