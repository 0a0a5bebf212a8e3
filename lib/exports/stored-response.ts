import "server-only";
import { attachment } from "@/lib/http/attachment";
import { bundleStream } from "./bundle-stream";
import type { TManifest } from "./manifest";
import { storedFileStream } from "./read-export";

type TStored = { id: string; filename: string; contentType: string; sha256: string; bytes: number };

/**
 * The stored file as a download, with its id and hash in headers so a pipeline can check it (a first
 * download streams while it is stored and has no hash header: send-export.ts).
 */
export function storedFileResponse(file: TStored): Response {
  return attachment(storedFileStream(file.id, file.bytes), file.contentType, file.filename, {
    "content-length": String(file.bytes),
    "x-export-id": file.id,
    "x-export-sha256": file.sha256,
  });
}

export const bundleFilename = (filename: string) => `${filename.replace(/\.[^.]+$/, "")}-bundle.zip`;

/** The export, manifest.json and README.md as one zip. */
export function bundleResponse(file: TStored & { manifest: TManifest }): Response {
  return attachment(
    bundleStream(storedFileStream(file.id, file.bytes), file.manifest),
    "application/zip",
    bundleFilename(file.filename),
    { "x-export-id": file.id, "x-export-sha256": file.sha256 },
  );
}
