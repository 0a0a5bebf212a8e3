// Dataset import over HTTP: the JSONL file streamed as the request body, timed to the 201, with
// the server's resident memory sampled throughout.
import { uploadFile, type TCaller } from "./api-client";
import { median } from "./benchmarks";
import { sampleRss, treeRssBytes } from "./process-rss";

export type TImportRun = { ms: number; peakBytes: number; samples: number; id: string; count: number };

export async function importOnce(
  admin: TCaller,
  serverPid: number,
  file: string,
  name: string,
  expected: number,
): Promise<TImportRun> {
  const sampler = sampleRss(serverPid);
  const t = performance.now();
  const res = await uploadFile(
    admin,
    `/api/v1/datasets?name=${encodeURIComponent(name)}`,
    file,
    "application/x-ndjson",
  );
  const ms = performance.now() - t;
  const { peak, samples } = sampler.stop();
  if (res.status !== 201) throw new Error(`import answered ${res.status}: ${res.body.slice(0, 500)}`);
  const r = JSON.parse(res.body) as { id: string; count: number };
  if (r.count !== expected) throw new Error(`import stored ${r.count} records, expected ${expected}`);
  return { ms, peakBytes: peak, samples, id: r.id, count: r.count };
}

/** The server's resting memory: the median of a second of samples, taken after the warm-up. */
export async function idleRssBytes(serverPid: number): Promise<number> {
  await new Promise((r) => setTimeout(r, 2_000));
  const samples: number[] = [];
  for (let i = 0; i < 40; i++) {
    samples.push(treeRssBytes(serverPid));
    await new Promise((r) => setTimeout(r, 25));
  }
  return median(samples);
}
