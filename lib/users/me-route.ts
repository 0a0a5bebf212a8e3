import "server-only";
import { z } from "zod";
import { defineApiRoute, json } from "@/lib/http/api-route";

const ZMe = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(["ADMIN", "CLINICIAN", "RESEARCHER"]),
  authenticatedVia: z.enum(["session", "token"]),
});

export const meRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/me",
    summary: "Who the caller is and their role",
    tag: "Account",
    permission: null,
    response: { status: 200, schema: ZMe, description: "The signed-in user or token owner" },
  },
  ({ user }) =>
    Promise.resolve(
      json(
        ZMe.parse({
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          authenticatedVia: user.via,
        }),
      ),
    ),
);
