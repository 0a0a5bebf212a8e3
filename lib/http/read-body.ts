import "server-only";
import { AppError } from "@/lib/errors/app-error";

/**
 * Reads a request body as UTF-8, refusing it (413) as soon as it passes maxBytes instead of
 * buffering it all, and refusing invalid UTF-8 (400) rather than storing U+FFFD in its place.
 */
export async function readBodyText(req: Request, maxBytes: number, what = "The request body"): Promise<string> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `${what} is larger than ${maxBytes} bytes`);
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge();
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
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("BAD_REQUEST", `${what} is not valid UTF-8`);
  }
}
