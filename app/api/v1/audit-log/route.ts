import { auditLogRoute } from "@/lib/audit/audit-log-route";

export const GET = auditLogRoute.handle;
