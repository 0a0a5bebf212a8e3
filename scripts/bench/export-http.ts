// The curated export of a whole dataset over HTTP. The campaign samples every record with one
// reviewer per item; its 52,002 reviews are written by SQL (setup, not measured: reviewing them
// over HTTP would take this machine most of an hour), so every record has a final verdict.
import { request } from "node:http";
import pg from "pg";
import { callJson, call, type TCaller } from "./api-client";

export async function createWholeDatasetCampaign(
  admin: TCaller,
  databaseUrl: string,
  datasetId: string,
  reviewerIds: string[],
): Promise<string> {
  const { id } = await callJson<{ id: string }>(
    admin,
    "POST",
    "/api/v1/audits",
    { datasetId, name: "bench: whole dataset", sampleFraction: 1, seed: "bench-export", reviewersPerItem: 1 },
    201,
  );
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    // As if each item had been claimed and reviewed: one in ten revised with a correction.
    await c.query("BEGIN");
    await c.query(
      `CREATE TEMP TABLE bench_done ON COMMIT DROP AS
         SELECT ai.id AS "itemId", ai."queueItemId", gen_random_uuid() AS "assignmentId",
                ($2::uuid[])[1 + (r.ordinal % array_length($2::uuid[], 1))] AS "userId",
                CASE WHEN r.ordinal % 10 = 0 THEN 'revise' ELSE 'accept' END AS verdict,
                CASE WHEN r.ordinal % 10 = 0 THEN r.output || E'\\nSeek urgent care if symptoms worsen.' END AS correction
           FROM "AuditItem" ai JOIN "DatasetRecord" r ON r.id = ai."recordId" WHERE ai."campaignId" = $1::uuid`,
      [id, reviewerIds],
    );
    await c.query(
      `INSERT INTO "QueueAssignment" (id, "itemId", "queueId", "userId", status, "claimedAt", "leaseExpiresAt", "submittedAt")
       SELECT "assignmentId", "queueItemId", $1::uuid, "userId", 'SUBMITTED', now(), now(), now() FROM bench_done`,
      [id],
    );
    await c.query(
      `UPDATE "QueueItem" SET "claimedSlots" = 1, "completedSlots" = 1 WHERE "queueId" = $1::uuid`,
      [id],
    );
    await c.query(
      `INSERT INTO "AuditReview" (id, "itemId", "assignmentId", "reviewerId", verdict, flags, "correctedOutput", "durationMs")
       SELECT gen_random_uuid(), "itemId", "assignmentId", "userId", verdict::"AuditVerdict", '{}', correction, 60000 FROM bench_done`,
    );
    await c.query("COMMIT");
  } finally {
    await c.end();
  }
  return id;
}

/** Time to the last byte of GET /api/v1/audits/:id/export, reading the stream as it comes. */
export async function measureExport(
  reader: TCaller,
  campaignId: string,
): Promise<{ ms: number; lines: number; bytes: number; exportId: string }> {
  return measureDownload(reader, `/api/v1/audits/${campaignId}/export`);
}

/** The same for a stored export sent from the store (GET /api/v1/exports/:id/file). */
export async function measureStoredFile(reader: TCaller, exportId: string) {
  return measureDownload(reader, `/api/v1/exports/${exportId}/file`);
}

type TDownload = { ms: number; lines: number; bytes: number; exportId: string };

/**
 * Over node:http, counting the bytes and lines as they arrive: the client shares the machine's two
 * cores with the app and PostgreSQL, and fetch's web stream spent 0.8–1.0 s of CPU on an 83 MB
 * download against about a third of that here (BENCH_CLIENT=fetch measures with fetch, as before).
 * The download is never compressed (it is sent no-transform), so it is read as it comes.
 */
function measureDownload(reader: TCaller, url: string): Promise<TDownload> {
  if (process.env.BENCH_CLIENT === "fetch") return measureDownloadFetch(reader, url);
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const req = request(`${reader.baseUrl}${url}`, {
      headers: { authorization: `Bearer ${reader.token}`, "accept-encoding": "gzip" },
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      let lines = 0;
      res.on("data", (value: Buffer) => {
        if (res.statusCode !== 200) return void chunks.push(value);
        bytes += value.byteLength;
        for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) lines += 1;
      });
      res.on("end", () => {
        if (res.statusCode !== 200)
          return reject(
            new Error(`export answered ${res.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 300)}`),
          );
        if (res.headers["content-encoding"]) return reject(new Error("the download came compressed"));
        const exportId = res.headers["x-export-id"];
        resolve({
          ms: performance.now() - t,
          lines,
          bytes,
          exportId: typeof exportId === "string" ? exportId : "",
        });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

async function measureDownloadFetch(reader: TCaller, url: string): Promise<TDownload> {
  const t = performance.now();
  const res = await call(reader, "GET", url);
  if (res.status !== 200 || !res.body)
    throw new Error(`export answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  let bytes = 0;
  let lines = 0;
  const stream = res.body.getReader();
  for (;;) {
    const { done, value } = await stream.read();
    if (done) break;
    bytes += value.byteLength;
    for (let i = value.indexOf(10); i !== -1; i = value.indexOf(10, i + 1)) lines += 1;
  }
  return { ms: performance.now() - t, lines, bytes, exportId: res.headers.get("x-export-id") ?? "" };
}
