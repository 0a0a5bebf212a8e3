import "server-only";
import { AppError } from "@/lib/errors/app-error";

export type TBodyWords = { what?: string; tooLarge?: string };

function tooLargeError(maxBytes: number, words: TBodyWords): AppError {
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    words.tooLarge ?? `${words.what ?? "The request body"} is larger than ${maxBytes} bytes`,
  );
}

/**
 * A request body's chunks, refused (413) as soon as they pass maxBytes instead of buffered whole.
 * The request hook has usually refused an oversized body already; this holds for callers that
 * reach a handler directly (tests, other servers). Used only by the route wrapper (lib/http/api-route.ts).
 */
export async function* bodyChunks(
  req: Request,
  maxBytes: number,
  words: TBodyWords = {},
): AsyncGenerator<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLargeError(maxBytes, words);
  if (!req.body) return;
  const reader = req.body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLargeError(maxBytes, words);
      }
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

// Stateless between calls (decode without `stream`), so one decoder serves every request.
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A whole body as UTF-8 text within maxBytes, refused (400) when not valid UTF-8 rather than
 * stored with U+FFFD in its place. Used only by the route wrapper (lib/http/api-route.ts).
 */
export async function readBodyText(req: Request, maxBytes: number, words: TBodyWords = {}): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of bodyChunks(req, maxBytes, words)) chunks.push(chunk);
  try {
    // One chunk (a JSON body of a few KB usually arrives whole) is decoded as it is, not copied.
    return STRICT_UTF8.decode(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
  } catch {
    throw new AppError("BAD_REQUEST", `${words.what ?? "The request body"} is not valid UTF-8`);
  }
}
