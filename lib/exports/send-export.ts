import "server-only";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { attachment } from "@/lib/http/attachment";
import type { TRequestContext } from "@/lib/http/request-context";
import type { TExportBody } from "./export-body";
import { storeExport, type TExportSpec } from "./store-export";
import { bundleResponse } from "./stored-response";
import { streamExport } from "./stream-export";

/**
 * A build-and-send route's answer: the file streamed while it is stored (its hash is in the manifest,
 * not a header, as it is known only at the end), or, for ?bundle=1, the bundle sent from the store
 * (its manifest.json comes before the end of the zip, so the export is complete first).
 */
export async function sendExport(
  user: TCurrentUser,
  spec: TExportSpec,
  body: TExportBody,
  bundle: boolean,
  ctx: TRequestContext,
): Promise<Response> {
  if (bundle) return bundleResponse(await storeExport(user, spec, body, ctx));
  const { id, stream } = await streamExport(user, spec, body, ctx);
  return attachment(stream, spec.contentType, spec.filename, { "x-export-id": id });
}
