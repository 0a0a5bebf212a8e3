import "server-only";
import { z } from "zod";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { problem } from "@/lib/http/problem";
import { nextAssignment } from "@/lib/studies/next-assignment";
import { submitJudgement } from "@/lib/studies/submit-judgement";
import { ZJudgementInput, ZStudyId } from "@/lib/studies/schemas";

export const nextAssignmentRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/studies/:id/assignments/next",
    summary: "Claim (or resume) your next blinded comparison: responses are labelled A (left) and B (right) only",
    tag: "Studies",
    permission: "studies:rate",
    params: ZStudyId,
    response: { status: 200, description: "The assignment, or {assignmentId: null} when nothing is left for you" },
  },
  async ({ user, params }) => {
    const a = await nextAssignment(user, params.id);
    return json(a ?? { assignmentId: null });
  },
);

const KEY = /^[A-Za-z0-9._:-]{8,128}$/;

export const submitJudgementRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/assignments/:id/judgement",
    summary: "Submit your verdicts for an assignment (send an Idempotency-Key header; replays answer the same)",
    tag: "Studies",
    permission: "studies:rate",
    params: z.object({ id: z.uuid({ message: "Unknown assignment" }) }),
    body: ZJudgementInput,
    response: { status: 200, description: "submitted or already_submitted" },
  },
  async ({ req, user, params, body, ctx }) => {
    const key = req.headers.get("idempotency-key");
    if (key !== null && !KEY.test(key)) throw problem(400, "The Idempotency-Key must be 8–128 letters, digits or ._:-");
    return json(await submitJudgement(user, params.id, body, ctx, key));
  },
);
