import { auditCsvRoute } from "@/lib/audit/audit-csv-route";

export const GET = auditCsvRoute.handle;
