import "server-only";
import { Zip, ZipPassThrough } from "fflate";
import { datasetCard } from "./dataset-card";
import type { TManifest } from "./manifest";

/**
 * The bundle: a zip of the export, manifest.json and README.md (the dataset card), streamed as the
 * stored chunks are read. Entries are stored, not deflated: the download goes out uncompressed like
 * every other (lib/http/download-headers.ts), and deflating 80 MB in the server process would cost
 * the core every other request shares. Timestamps are the export's, so a bundle reads the same twice.
 */
export function bundleStream(
  file: ReadableStream<Uint8Array>,
  manifest: TManifest,
): ReadableStream<Uint8Array> {
  const mtime = new Date(manifest.export.createdAt);
  const enc = new TextEncoder();
  const reader = file.getReader();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let done = false;
  const zip = new Zip((err, data, final) => {
    if (err) {
      controller.error(err);
      return;
    }
    controller.enqueue(data);
    if (final) controller.close();
  });
  const entry = (name: string) => {
    const f = new ZipPassThrough(name);
    f.mtime = mtime;
    zip.add(f);
    return f;
  };
  let exportEntry: ZipPassThrough | null = null;
  return new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      exportEntry = entry(manifest.export.filename);
    },
    async pull() {
      if (done || !exportEntry) return;
      const { done: last, value } = await reader.read();
      if (!last) {
        // ZipPassThrough writes through synchronously: this pull has enqueued.
        exportEntry.push(value, false);
        return;
      }
      exportEntry.push(new Uint8Array(0), true);
      entry("manifest.json").push(enc.encode(`${JSON.stringify(manifest, null, 2)}\n`), true);
      entry("README.md").push(enc.encode(datasetCard(manifest)), true);
      done = true;
      zip.end();
    },
    async cancel(reason) {
      done = true;
      await reader.cancel(reason);
    },
  });
}
