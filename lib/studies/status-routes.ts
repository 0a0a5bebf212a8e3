import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { setStudyStatus } from "@/lib/studies/set-study-status";
import { startStudy } from "@/lib/studies/start-study";
import { ZStudyId } from "@/lib/studies/schemas";

export const startStudyRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/studies/:id/start",
    summary:
      "Start a study: create its comparisons, attention checks and queue items. Comparisons with an output that names its model are held back (reported as heldBack and in the stats) unless included first with PUT /studies/:id/identity-revealing; a title naming a model is refused (422 on `title`)",
    tag: "Studies",
    permission: "studies:manage",
    params: ZStudyId,
    response: {
      status: 200,
      description:
        "Counts (comparisons, attentionChecks, heldBack), models, and prompts skipped for missing outputs",
    },
  },
  async ({ user, params, ctx }) => json(await startStudy(user, params.id, ctx)),
);

function statusRoute(action: "pause" | "resume" | "close", summary: string) {
  return defineApiRoute(
    {
      method: "POST",
      path: `/api/v1/studies/:id/${action}`,
      summary,
      tag: "Studies",
      permission: "studies:manage",
      params: ZStudyId,
      response: { status: 200, description: "The new status" },
    },
    async ({ user, params, ctx }) => json(await setStudyStatus(user, params.id, action, ctx)),
  );
}

export const pauseStudyRoute = statusRoute("pause", "Pause a study (no new assignments)");
export const resumeStudyRoute = statusRoute("resume", "Resume a paused study");
export const closeStudyRoute = statusRoute("close", "Close a study for good");
