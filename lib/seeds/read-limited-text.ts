import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { fileTooLargeMessage } from "./import-limits";

/** Reads a request body as UTF-8, refusing it (413) as soon as it passes maxBytes instead of buffering it all. */
export async function readLimitedText(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", fileTooLargeMessage(maxBytes));
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new AppError("PAYLOAD_TOO_LARGE", fileTooLargeMessage(maxBytes));
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("BAD_REQUEST", "The file is not valid UTF-8");
  }
}
