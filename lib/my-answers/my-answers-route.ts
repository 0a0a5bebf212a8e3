import "server-only";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { listMyAnswers } from "./list-my-answers";
import { ZMyAnswersQuery } from "./schemas";

/** Clinicians' own reviews and ratings (the roles that review or rate; others 403). */
export const myAnswersRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/me/answers",
    summary:
      "Your current reviews and ratings, newest first (at most 200), filtered by kind, campaign or study, verdict or choice (A = left, as you saw it) and date; each says whether it can be reopened and why not",
    tag: "Account",
    // Reviewing and rating are one role's (clinicians); the list also checks each kind's own.
    permission: "audits:review",
    query: ZMyAnswersQuery,
    response: { status: 200, description: "{ answers: [...], queues: [{ kind, id, title }] }" },
  },
  async ({ user, query }) => {
    return json(await listMyAnswers(user, query), 200, { "cache-control": "no-store" });
  },
);
