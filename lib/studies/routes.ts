import "server-only";
import type { TApiRouteDef } from "@/lib/http/api-route";
import { importOutputsRoute } from "@/lib/studies/outputs-route";
import {
  movedSaveRatingDraftRoute,
  movedSkipRatingRoute,
  movedSubmitJudgementRoute,
  nextAssignmentRoute,
  studyProgressRoute,
} from "@/lib/studies/rating-routes";
import {
  annotationsRoute,
  dpoRoute,
  judgementsCsvRoute,
  studyStatsRoute,
} from "@/lib/studies/results-routes";
import { allocationLogRoute } from "@/lib/studies/allocation-log-route";
import { importJudgeRoute, judgeAgreementRoute } from "@/lib/studies/judge-routes";
import {
  closeStudyRoute,
  pauseStudyRoute,
  resumeStudyRoute,
  startStudyRoute,
} from "@/lib/studies/status-routes";
import { setStudyRatersRoute } from "@/lib/studies/raters-route";
import {
  createStudyRoute,
  getStudyRoute,
  identityRevealingRoute,
  listStudiesRoute,
  setStudyTitleRoute,
  studyAllocationRoute,
} from "@/lib/studies/study-routes";

/** Every preference-study route, for lib/api/registry.ts. */
export const studyRoutes: { def: TApiRouteDef }[] = [
  createStudyRoute,
  listStudiesRoute,
  getStudyRoute,
  setStudyTitleRoute,
  identityRevealingRoute,
  studyAllocationRoute,
  importOutputsRoute,
  startStudyRoute,
  pauseStudyRoute,
  resumeStudyRoute,
  closeStudyRoute,
  nextAssignmentRoute,
  studyProgressRoute,
  movedSubmitJudgementRoute,
  movedSaveRatingDraftRoute,
  movedSkipRatingRoute,
  setStudyRatersRoute,
  studyStatsRoute,
  judgementsCsvRoute,
  annotationsRoute,
  dpoRoute,
  allocationLogRoute,
  importJudgeRoute,
  judgeAgreementRoute,
];
