import { assignmentReopenRoute } from "@/lib/queue/routes";

export const POST = assignmentReopenRoute.handle;
