import "server-only";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { TRequestContext } from "@/lib/http/request-context";
import { iterate, type TExportBody } from "./export-body";
import {
  chunkWriter,
  completeExport,
  createExportRow,
  describeInBackground,
  discardExport,
  type TExportSpec,
} from "./store-export";

/**
 * A first download, sent while it is stored (issue 17 item 2 made fast): each piece the producer
 * yields is hashed, buffered into the next ~1 MB chunk and passed on to the response at once, so the
 * chunk writes overlap with building and sending instead of a store-then-read-back. The stream
 * closes only after the completing transaction (ExportFile row, manifest, audit rows, webhook event)
 * has committed; if anything fails it errors instead, so the client sees a broken download, never one
 * that ends looking complete, and the partial export is deleted. A client that goes away abandons
 * the build the same way. The id is known up front (X-Export-Id); the SHA-256 is not: the manifest
 * (GET /api/v1/exports/:id) carries it, and downloads from the store repeat it in X-Export-Sha256.
 */
export async function streamExport(
  user: TCurrentUser,
  spec: TExportSpec,
  body: TExportBody,
  ctx: TRequestContext,
): Promise<{ id: string; stream: ReadableStream<Uint8Array> }> {
  const file = await createExportRow(user, spec, ctx);
  const described = describeInBackground(spec);
  const writer = chunkWriter(file.id);
  const source = iterate(body.chunks);
  let finished = false;
  const abandon = async () => {
    finished = true;
    await source.return(undefined).catch(() => undefined);
    await writer.settle();
    await discardExport(file.id);
  };
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (finished) return;
      try {
        const next = await source.next();
        if (!next.done) {
          // Taken by the chunk writer (hashed; whole chunks as views, the rest copied) before it
          // goes out, then sent while the write runs.
          const stored = writer.push(next.value);
          controller.enqueue(next.value);
          await stored;
          return;
        }
        const facts = await writer.finish();
        await completeExport(user, spec, file, { ...facts, rows: body.rows() }, described, ctx);
        finished = true;
        controller.close();
      } catch (err) {
        await abandon().catch(() => undefined);
        controller.error(err);
      }
    },
    async cancel() {
      if (!finished) await abandon();
    },
  });
  return { id: file.id, stream };
}
