import "server-only";
import type { TApiRouteDef } from "@/lib/http/api-route";
import { autosaveSeedRoute } from "./autosave-route";
import { createSeedRoute } from "./create-route";
import { exportSeedsRoute } from "./export-route";
import { getSeedRoute } from "./get-route";
import { importSeedsRoute } from "./import-route";
import { listSeedsRoute } from "./list-route";
import { phiFalsePositiveRoute, phiRedactRoute } from "./phi-routes";
import { retireSeedRoute } from "./retire-route";
import { reviewSeedRoute } from "./review-route";
import { saveSeedRoute } from "./save-route";
import { similarSeedsRoute } from "./similar-route";
import { submitSeedRoute } from "./submit-route";

/** The seed feature's /api/v1 routes, listed once here so the shared registry needs one line. */
export const seedRoutes: { def: TApiRouteDef }[] = [
  importSeedsRoute,
  exportSeedsRoute,
  listSeedsRoute,
  createSeedRoute,
  similarSeedsRoute,
  getSeedRoute,
  saveSeedRoute,
  submitSeedRoute,
  reviewSeedRoute,
  retireSeedRoute,
  autosaveSeedRoute,
  phiFalsePositiveRoute,
  phiRedactRoute,
];
