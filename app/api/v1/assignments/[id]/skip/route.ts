import { assignmentSkipRoute } from "@/lib/queue/routes";

export const POST = assignmentSkipRoute.handle;
