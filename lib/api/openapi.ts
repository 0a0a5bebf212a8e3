import "server-only";
import { z } from "zod";
import { API_ROUTES } from "@/lib/api/registry";
import type { TApiRouteDef } from "@/lib/http/api-route";

type TJson = Record<string, unknown>;

const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.record(z.string(), z.array(z.string())).optional(),
});

function schema(s: z.ZodType, io: "input" | "output"): TJson {
  const out = z.toJSONSchema(s, { io, unrepresentable: "any" }) as TJson;
  delete out.$schema;
  return out;
}

function parameters(def: TApiRouteDef): TJson[] {
  const list: TJson[] = [];
  for (const [where, s] of [
    ["path", def.params],
    ["query", def.query],
  ] as const) {
    if (!s) continue;
    const js = schema(s, "input") as { properties?: Record<string, TJson>; required?: string[] };
    for (const [name, prop] of Object.entries(js.properties ?? {})) {
      list.push({
        name,
        in: where,
        required: where === "path" || (js.required ?? []).includes(name),
        schema: prop,
      });
    }
  }
  return list;
}

function operation(def: TApiRouteDef): TJson {
  const problemContent = { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } };
  const ok = def.response ?? { status: 200, description: "OK" };
  const responses: TJson = {
    [ok.status]: {
      description: ok.description,
      ...(ok.schema || ok.contentType
        ? {
            content: {
              [ok.contentType ?? "application/json"]: ok.schema
                ? { schema: schema(ok.schema, "output") }
                : {},
            },
          }
        : {}),
    },
    400: { description: "Bad request", content: problemContent },
    401: { description: "Not signed in / no valid token", content: problemContent },
    403: { description: "Not permitted", content: problemContent },
  };
  if (def.body)
    responses[422] = { description: "Invalid body (field-level errors)", content: problemContent };
  const requestBody = def.body
    ? { required: true, content: { "application/json": { schema: schema(def.body, "input") } } }
    : def.rawBody
      ? {
          required: true,
          description: def.rawBody.description,
          content: Object.fromEntries(def.rawBody.contentTypes.map((t) => [t, {}])),
        }
      : undefined;
  return {
    summary: def.summary,
    tags: [def.tag],
    ...(def.deprecated ? { deprecated: true } : {}),
    "x-permission": def.permission ?? "any signed-in user",
    parameters: parameters(def),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

export function openApiDocument(version: string): TJson {
  const paths: Record<string, TJson> = {};
  for (const { def } of API_ROUTES) {
    const path = def.path.replace(/:(\w+)/g, "{$1}");
    (paths[path] ??= {})[def.method.toLowerCase()] = operation(def);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "ClinReview API",
      version,
      description: "Authenticate with `Authorization: Bearer <token>` (create a token on your account page).",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: { Problem: schema(ZProblem, "output") },
    },
    paths,
  };
}
