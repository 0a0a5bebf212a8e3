import { assignmentDraftRoute } from "@/lib/queue/routes";

export const PUT = assignmentDraftRoute.handle;
