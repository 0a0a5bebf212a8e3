import "server-only";
import type { TApiRouteDef } from "@/lib/http/api-route";
import { meRoute } from "@/lib/users/me-route";
import { myAnswersRoute } from "@/lib/my-answers/my-answers-route";
import { auditCsvRoute } from "@/lib/audit/audit-csv-route";
import { auditLogRoute } from "@/lib/audit/audit-log-route";
import { revokeTokenRoute } from "@/lib/users/revoke-token-route";
import { seedRoutes } from "@/lib/seeds/seed-routes";
import { studyRoutes } from "@/lib/studies/routes";
import { datasetRoutes } from "@/lib/datasets/dataset-routes";
import { auditRoutes } from "@/lib/audits/routes";
import { allGuidelineRoutes } from "@/lib/guidelines/guideline-routes";
import { phiRoutes } from "@/lib/phi-guard/routes";
import { queueRoutes } from "@/lib/queue/routes";
import { accountRoutes } from "@/lib/users/account-routes";
import { adminUserRoutes } from "@/lib/users/admin-routes";
import { publicRoutes } from "@/lib/users/public-routes";
import { vocabularyRoutes } from "@/lib/vocabulary/routes";
import { exportRoutes } from "@/lib/exports/export-routes";
import { webhookRoutes } from "@/lib/webhooks/routes";

/** Every /api/v1 route. The OpenAPI document is built from this list, and a test checks it against app/. */
export const API_ROUTES: { def: TApiRouteDef }[] = [
  meRoute,
  myAnswersRoute,
  auditCsvRoute,
  auditLogRoute,
  revokeTokenRoute,
  ...seedRoutes,
  ...studyRoutes,
  ...datasetRoutes,
  ...auditRoutes,
  ...queueRoutes,
  ...phiRoutes,
  ...accountRoutes,
  ...adminUserRoutes,
  ...publicRoutes,
  ...vocabularyRoutes,
  ...exportRoutes,
  ...webhookRoutes,
  ...allGuidelineRoutes,
];
