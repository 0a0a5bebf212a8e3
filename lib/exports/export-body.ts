/**
 * What an export is built from: its bytes as they are produced, and its row count once they are all
 * through (counted by the producer, which knows what a row is: a CSV field may hold a newline).
 * Each piece must be a buffer of its own, never reused or changed once yielded: the chunk writer
 * stores whole chunks as views of it while their writes run (store-export.ts).
 */
export type TExportBody = {
  chunks: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  rows: () => number;
};

/** A body already held as text (the study downloads are built whole by their stats code). */
export function textBody(text: string, rows: number): TExportBody {
  const bytes = new TextEncoder().encode(text);
  return { chunks: bytes.byteLength ? [bytes] : [], rows: () => rows };
}

/** Reads a web stream or an async iterable the same way. */
export async function* iterate(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  if (!(source instanceof ReadableStream)) {
    yield* source;
    return;
  }
  const reader = source.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    // Left before the end (the client went away, or the build failed): the source is cancelled,
    // so it stops reading ahead and says it was cut short (the curated export's tally fails).
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** A JSON Lines body whose rows are its lines (JSON text never holds a raw newline). */
export function jsonLinesBody(source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>): TExportBody {
  let lines = 0;
  return {
    chunks: (async function* () {
      for await (const piece of iterate(source)) {
        for (let i = piece.indexOf(10); i !== -1; i = piece.indexOf(10, i + 1)) lines += 1;
        yield piece;
      }
    })(),
    rows: () => lines,
  };
}
