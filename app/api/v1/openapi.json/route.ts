import { openApiDocument } from "@/lib/api/openapi";
import { env } from "@/lib/env";

// Public like any API description: it lists routes and schemas, never data.
export function GET() {
  return Response.json(openApiDocument(env().appVersion), { headers: { "cache-control": "no-store" } });
}
