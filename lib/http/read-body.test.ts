import { describe, expect, it } from "vitest";
import { readBodyText } from "./read-body";

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);

/** A body streamed in the given chunks, with no Content-Length (chunked). */
const streamed = (chunks: Uint8Array[]) =>
  post(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(c);
        controller.close();
      },
    }),
  );

describe("readBodyText", () => {
  it("decodes a body in one chunk and in several, a character split across chunks included", async () => {
    expect(await readBodyText(post('{"a":"é"}'), 100)).toBe('{"a":"é"}');
    const bytes = new TextEncoder().encode('{"a":"é"}');
    const split = bytes.indexOf(0xa9); // the second byte of é
    expect(await readBodyText(streamed([bytes.slice(0, split), bytes.slice(split)]), 100)).toBe('{"a":"é"}');
    expect(await readBodyText(streamed([]), 100)).toBe("");
  });

  it("refuses invalid UTF-8 with 400, and decodes the next body as before", async () => {
    await expect(readBodyText(streamed([new Uint8Array([0x7b, 0xff, 0x7d])]), 100)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // A body that ends inside a character must not leave bytes behind for the next request.
    await expect(readBodyText(streamed([new Uint8Array([0x22, 0xc3])]), 100)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await readBodyText(streamed([new TextEncoder().encode('"ok"')]), 100)).toBe('"ok"');
  });

  it("refuses a body past the limit with 413, declared or streamed", async () => {
    await expect(readBodyText(post("x".repeat(11), { "content-length": "11" }), 10)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
    const chunk = new TextEncoder().encode("x".repeat(6));
    await expect(readBodyText(streamed([chunk, chunk]), 10)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
  });
});
