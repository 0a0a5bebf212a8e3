import "server-only";
import { z } from "zod";
import { defineApiRoute, json } from "@/lib/http/api-route";
import { browseRecords } from "./browse-records";
import { mappingOf } from "./field-mapping";
import { IMPORT_CONTENT_TYPES, importDataset } from "./import-dataset";
import { datasetJson, getDataset, listDatasets } from "./list-datasets";
import { ZBrowseQuery, ZDatasetParams, ZDatasetSummary, ZImportQuery, ZImportResult } from "./schemas";
import { IMPORT_LIMITS } from "./limits";

export const importDatasetRoute = defineApiRoute(
  {
    method: "POST",
    path: "/api/v1/datasets",
    summary:
      "Import a dataset (JSONL or a JSON array of objects), streamed; all or nothing. instructionField, inputField (empty: none) and outputField " +
      "name the fields holding each (defaults instruction, input, output); every record needs a non-empty output. " +
      "Or conversationField (excluding the other three: 400) names a field of chat turns, OpenAI messages [{role, content}] or " +
      "ShareGPT conversations [{from, value}]: the final assistant turn is the output under review, the turns before it its context. " +
      "licence (e.g. cc-by-4.0) goes into export manifests; the file's SHA-256 is kept",
    tag: "Datasets",
    permission: "datasets:manage",
    query: ZImportQuery,
    bodyLimit: IMPORT_LIMITS.maxBodyBytes,
    rawBody: {
      kind: "stream",
      contentTypes: IMPORT_CONTENT_TYPES,
      words: { what: "The file" },
      // Never held whole: records are decoded (UTF-8) and checked (storable text) one by one as they stream.
      parse: (chunks) => chunks,
      description:
        "The file itself. Any invalid record refuses the whole file (422 listing the first bad lines with reasons, and the fields the file has); an empty file is 422.",
    },
    response: {
      status: 201,
      schema: ZImportResult,
      description: "Imported; exact duplicates skipped and counted",
    },
  },
  async ({ raw, user, query, ctx }) => {
    const r = await importDataset(
      user,
      { name: query.name, body: raw, mapping: mappingOf(query), licence: query.licence ?? null },
      ctx,
    );
    return json(r, 201, { location: `/api/v1/datasets/${r.id}` });
  },
);

export const listDatasetsRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/datasets",
    summary: "List imported datasets",
    tag: "Datasets",
    permission: "datasets:read",
    response: {
      status: 200,
      schema: z.object({ datasets: z.array(ZDatasetSummary) }),
      description: "Newest first",
    },
  },
  async () => json({ datasets: (await listDatasets()).map(datasetJson) }),
);

export const getDatasetRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/datasets/:id",
    summary: "One dataset: size, duplicates skipped, metadata fields",
    tag: "Datasets",
    permission: "datasets:read",
    params: ZDatasetParams,
    response: { status: 200, schema: ZDatasetSummary, description: "The dataset" },
  },
  async ({ params }) => json(datasetJson(await getDataset(params.id))),
);

export const browseRecordsRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/datasets/:id/records",
    summary: "Browse a dataset's records in file order, with an optional text search (q)",
    tag: "Datasets",
    permission: "datasets:read",
    params: ZDatasetParams,
    query: ZBrowseQuery,
    response: {
      status: 200,
      description:
        "{ total, records: [{ ordinal, instruction, input, output, metadata, context }] } (context: a conversation's turns before the output, else null)",
    },
  },
  async ({ params, query }) => json(await browseRecords(params.id, query)),
);

export const datasetRoutes = [importDatasetRoute, listDatasetsRoute, getDatasetRoute, browseRecordsRoute];
