import { promisify } from "node:util";
import { deflateRaw, inflateRaw, constants } from "node:zlib";

/** How a stored chunk's bytes are written: null as sent, "deflate" as raw deflate of them. */
export type TChunkCompression = null | "deflate";
/** How new chunks are written (EXPORT_CHUNK_COMPRESSION). */
export type TChunkMode = "deflate" | "none";

const deflateAsync = promisify(deflateRaw);
const inflateAsync = promisify(inflateRaw);

/**
 * Level 1: JSON Lines shrink ~4× at zlib's fastest level, so PostgreSQL slices a quarter of the
 * TOAST rows per chunk; higher levels cost the build CPU for little more. Async zlib runs in libuv's
 * thread pool, off the event loop that produces and sends the export.
 */
const OPTIONS = { level: 1, strategy: constants.Z_DEFAULT_STRATEGY } as const;

/** The bytes to store for a chunk, and how they are stored ("none": as they are). */
export async function encodeChunk(
  data: Uint8Array,
  mode: TChunkMode = "deflate",
): Promise<{ data: Buffer; compression: TChunkCompression }> {
  if (mode === "none")
    return { data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), compression: null };
  return { data: await deflateAsync(data, OPTIONS), compression: "deflate" };
}

/**
 * A stored chunk back as the bytes first sent. Chunks are compressed each on its own, so a chunk
 * edge inside a multi-byte character is just an edge between two byte runs, as when stored plain.
 */
export async function decodeChunk(data: Buffer, compression: string | null): Promise<Buffer> {
  if (compression === null) return data;
  if (compression === "deflate") return inflateAsync(data);
  throw new Error(`Unknown export chunk compression: ${compression}`);
}
