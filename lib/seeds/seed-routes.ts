import "server-only";
import type { TApiRouteDef } from "@/lib/http/api-route";
import { autosaveSeedRoute } from "./autosave-route";
import { createSeedRoute } from "./create-route";
import { discardSeedDraftRoute } from "./discard-draft-route";
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

type TSeedRoute = {
  def: TApiRouteDef;
  handle: (req: Request, c?: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
};

/** The seed feature's /api/v1 routes, listed once here so the shared registry needs one line (and tests can call each). */
export const seedRoutes: TSeedRoute[] = [
  importSeedsRoute,
  exportSeedsRoute,
  listSeedsRoute,
  createSeedRoute,
  similarSeedsRoute,
  getSeedRoute,
  saveSeedRoute,
  submitSeedRoute,
  discardSeedDraftRoute,
  reviewSeedRoute,
  retireSeedRoute,
  autosaveSeedRoute,
  phiFalsePositiveRoute,
  phiRedactRoute,
];
