import { assignmentSubmitRoute } from "@/lib/queue/routes";

export const POST = assignmentSubmitRoute.handle;
