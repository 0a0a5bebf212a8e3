// What the export tests share (exports-manifest, exports-retention, studies-exports,
// download-no-transform): a rated two-model study, a reviewed campaign, stored exports of a given
// age (completed or abandoned mid-build), and the checks every download must pass: sent as it is
// (no-transform, no content-encoding), and its bytes those the manifest's SHA-256 describes.
import { createHash } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { expect } from "vitest";
import { db } from "@/lib/db/prisma";
import { createCampaignRoute } from "@/lib/audits/campaign-routes";
import { nextItemRoute } from "@/lib/audits/review-routes";
import { importDatasetRoute } from "@/lib/datasets/dataset-routes";
import { exportBundleRoute, exportFileRoute, exportManifestRoute } from "@/lib/exports/export-routes";
import { textBody } from "@/lib/exports/export-body";
import type { TManifest } from "@/lib/exports/manifest";
import { chunkWriter, createExportRow, EXPORT_CHUNK_BYTES, storeExport } from "@/lib/exports/store-export";
import { assignmentSubmitRoute } from "@/lib/queue/routes";
import { createStudy } from "@/lib/studies/create-study";
import { importOutputs } from "@/lib/studies/import-outputs";
import { nextAssignment, submitJudgement } from "@/lib/studies/rating-queue";
import { ZCreateStudy } from "@/lib/studies/schemas";
import { startStudy } from "@/lib/studies/start-study";
import { apiCaller, type TRouteHandler } from "./api-caller";
import { asCurrent, ctx, makeUser } from "./factories";

type TCaller = Awaited<ReturnType<typeof apiCaller>>;
type TUser = Awaited<ReturnType<typeof makeUser>>;
export const sha = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");

/**
 * A started study of m-good and m-weak over `prompts`, one criterion (Correctness); when `rated`, a
 * clinician has judged every comparison for m-good.
 */
export async function twoModelStudy(
  name: string,
  prompts: { instruction: string; input: string }[],
  opts: { rated: boolean },
) {
  const admin = asCurrent(await makeUser("ADMIN"));
  const study = await createStudy(
    admin,
    ZCreateStudy.parse({ name, criteria: ["Correctness"], design: "all_pairs", ratingsPerComparison: 1 }),
    ctx(),
  );
  for (const model of ["m-good", "m-weak"])
    await importOutputs(
      admin,
      study.id,
      prompts.map((p, i) => ({ ...p, model, text: `answer ${i} by ${model}` })),
      ctx(),
    );
  await startStudy(admin, study.id, ctx());
  if (opts.rated) {
    const rater = asCurrent(await makeUser("CLINICIAN"));
    for (;;) {
      const a = await nextAssignment(rater, study.id);
      if (!a) break;
      await submitJudgement(
        rater,
        a.assignmentId,
        { choices: { correctness: a.responses[0].text.includes("m-good") ? "A" : "B" } },
        ctx(),
      );
    }
  }
  return study;
}

/**
 * A campaign over the JSON Lines `fileText` (every record sampled), imported by `admin` under
 * `query` (name, licence), every item reviewed by one clinician: `review(k, output)` gives the k-th.
 */
export async function reviewedCampaign(
  admin: TCaller,
  fileText: string,
  opts: {
    query: string;
    sampleSize: number;
    review: (k: number, output: string) => Record<string, unknown>;
  },
) {
  const imported = await admin.call(importDatasetRoute, `/api/v1/datasets?${opts.query}`, {
    method: "POST",
    body: fileText,
    type: "application/x-ndjson",
  });
  expect(imported.status).toBe(201);
  const datasetId = ((await imported.json()) as { id: string }).id;
  const created = await admin.call(createCampaignRoute, "/api/v1/audits", {
    method: "POST",
    body: { datasetId, sampleSize: opts.sampleSize, seed: "s", reviewersPerItem: 1 },
  });
  expect(created.status).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  const reviewer = await apiCaller("CLINICIAN");
  for (let k = 0; ; k++) {
    const claimed = await reviewer.call(nextItemRoute, `/api/v1/audits/${id}/assignments/next`, {
      method: "POST",
      params: { id },
    });
    if (claimed.status === 204) break;
    const task = (await claimed.json()) as { assignmentId: string; output: string };
    const sent = await reviewer.call(
      assignmentSubmitRoute,
      `/api/v1/assignments/${task.assignmentId}/submit`,
      {
        method: "POST",
        params: { id: task.assignmentId },
        body: opts.review(k, task.output),
      },
    );
    expect(sent.status).toBe(201);
  }
  return { id, datasetId };
}

/** An export of the approved seeds under the MIT licence, as the stored-export tests write it. */
export const seedsExportSpec = {
  kind: "seeds.jsonl",
  sourceType: "seeds",
  sourceId: null,
  filters: { status: "approved" },
  licence: "mit",
  contentType: "application/x-ndjson",
  filename: "seeds.jsonl",
} as const;

const ago = (ms: number) => new Date(Date.now() - ms);

/** A completed export of two chunks, made and completed `ageMs` ago. */
export async function completedExport(user: TUser, ageMs: number): Promise<string> {
  const text = "z".repeat(EXPORT_CHUNK_BYTES + 100) + "\n";
  const stored = await storeExport(asCurrent(user), seedsExportSpec, textBody(text, 1), ctx());
  await db().exportFile.update({
    where: { id: stored.id },
    data: { createdAt: ago(ageMs), completedAt: ago(ageMs) },
  });
  return stored.id;
}

/** A build whose process died after writing its two chunks, `ageMs` ago: never completed. */
export async function abandonedExport(user: TUser, ageMs: number): Promise<string> {
  const row = await createExportRow(asCurrent(user), seedsExportSpec, ctx());
  const writer = chunkWriter(row.id);
  await writer.push(new Uint8Array(EXPORT_CHUNK_BYTES + 5).fill(65));
  await writer.finish();
  await db().exportFile.update({ where: { id: row.id }, data: { createdAt: ago(ageMs) } });
  return row.id;
}

/** A download sent as it is: an attachment, no-transform, never content-encoded. */
export function expectPlainDownload(res: Response, what: string) {
  expect(res.status, what).toBe(200);
  expect(res.headers.get("content-encoding"), what).toBeNull();
  expect(res.headers.get("cache-control"), what).toBe("no-store, no-transform");
  expect(res.headers.get("content-disposition"), what).toMatch(/^attachment; /);
}

/** Downloads through a legacy URL, then checks the file, manifest and bundle routes agree with it. */
export async function checkStoredDownload(
  who: TCaller,
  route: TRouteHandler,
  url: string,
  params: Record<string, string>,
) {
  const res = await who.call(route, url, { params });
  expectPlainDownload(res, url);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const id = res.headers.get("x-export-id") ?? "";
  // Sent while it was stored: its hash was not known up front, so only the manifest carries it.
  expect(res.headers.get("x-export-sha256")).toBeNull();

  const manifestRes = await who.call(exportManifestRoute, `/api/v1/exports/${id}`, { params: { id } });
  expect(manifestRes.status).toBe(200);
  const manifest = (await manifestRes.json()) as TManifest;
  expect(manifest.export.sha256, url).toBe(sha(bytes));
  expect(manifest.export.bytes, url).toBe(bytes.byteLength);

  const again = await who.call(exportFileRoute, `/api/v1/exports/${id}/file`, { params: { id } });
  expectPlainDownload(again, `${url} from the store`);
  expect(again.headers.get("x-export-sha256")).toBe(sha(bytes));
  expect(sha(new Uint8Array(await again.arrayBuffer()))).toBe(manifest.export.sha256);

  const bundle = await who.call(exportBundleRoute, `/api/v1/exports/${id}/bundle`, { params: { id } });
  expect(bundle.headers.get("content-type")).toBe("application/zip");
  const files = unzipSync(new Uint8Array(await bundle.arrayBuffer()));
  expect(Object.keys(files).sort()).toEqual([manifest.export.filename, "README.md", "manifest.json"].sort());
  expect(sha(files[manifest.export.filename] ?? new Uint8Array())).toBe(manifest.export.sha256);
  expect(JSON.parse(strFromU8(files["manifest.json"] ?? new Uint8Array()))).toEqual(manifest);
  const card = strFromU8(files["README.md"] ?? new Uint8Array());
  expect(card).toMatch(/^---\nlicense: /);
  expect(card).toContain(manifest.export.sha256);

  const audit = await db().auditLog.findFirstOrThrow({ where: { action: "export.create", entityId: id } });
  expect(audit.after).toEqual(manifest);
  return { manifest, text: Buffer.from(bytes).toString("utf8"), id, card };
}
