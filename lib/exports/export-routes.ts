import "server-only";
import { z } from "zod";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { assertStored, getExportFile, listExports, type TExportFileRow } from "./read-export";
import { ZExportListQuery, ZExportParams, ZExportSummary, type TExportSummary } from "./schemas";
import { bundleResponse, storedFileResponse } from "./stored-response";

const summary = (r: TExportFileRow): TExportSummary => ({
  id: r.id,
  kind: r.kind,
  filename: r.filename,
  sha256: r.sha256,
  bytes: r.bytes,
  rows: r.rows,
  licence: r.manifest.licence,
  createdAt: r.createdAt.toISOString(),
  exportedBy: r.manifest.exportedBy.pseudonym,
});

export const listExportsRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/exports",
    summary:
      "A source's stored exports, newest first: sourceType seeds (no sourceId), audit_campaign or study (with sourceId)",
    tag: "Exports",
    permission: "exports:read",
    query: ZExportListQuery,
    response: {
      status: 200,
      schema: z.object({ exports: z.array(ZExportSummary) }),
      description: "{ exports: [{id, kind, filename, sha256, bytes, rows, licence, createdAt, exportedBy}] }",
    },
  },
  async ({ user, query }) =>
    json({
      exports: (await listExports(user, query.sourceType, query.sourceId ?? null, query.limit)).map(summary),
    }),
);

export const exportManifestRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/exports/:id",
    summary:
      "An export's manifest: SHA-256, bytes, rows, source dataset and configuration, filters, summary figures, licence, app version and commit, exporter (pseudonym)",
    tag: "Exports",
    permission: "exports:read",
    params: ZExportParams,
    response: { status: 200, description: "manifest.json as in the bundle" },
  },
  async ({ user, params }) => json((await getExportFile(user, params.id)).manifest),
);

export const exportFileRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/exports/:id/file",
    summary: "The stored export file itself (X-Export-Sha256 holds its SHA-256)",
    tag: "Exports",
    permission: "exports:read",
    params: ZExportParams,
    response: { status: 200, contentType: "application/octet-stream", description: "The file as stored" },
  },
  async ({ user, params }) => storedFileResponse(assertStored(await getExportFile(user, params.id))),
);

export const exportBundleRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/exports/:id/bundle",
    summary: "A zip of the export, manifest.json and README.md (a Hugging Face dataset card)",
    tag: "Exports",
    permission: "exports:read",
    params: ZExportParams,
    response: { status: 200, contentType: "application/zip", description: "The bundle" },
  },
  async ({ user, params }) => bundleResponse(assertStored(await getExportFile(user, params.id))),
);

export const exportRoutes = [listExportsRoute, exportManifestRoute, exportFileRoute, exportBundleRoute];
