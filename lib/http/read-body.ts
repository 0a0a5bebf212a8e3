import "server-only";
import { AppError } from "@/lib/errors/app-error";

/**
 * The one reader of raw request bodies: UTF-8, refused (413) as soon as it passes maxBytes instead
 * of buffered whole, and refused (400) when not valid UTF-8 rather than stored with U+FFFD in its
 * place. The request hook has usually refused an oversized body already; this holds for callers
 * that reach a handler directly (tests, other servers).
 */
export async function readBodyText(
  req: Request,
  maxBytes: number,
  words: { what?: string; tooLarge?: string } = {},
): Promise<string> {
  const what = words.what ?? "The request body";
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", words.tooLarge ?? `${what} is larger than ${maxBytes} bytes`);
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
