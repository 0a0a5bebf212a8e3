import { describe, expect, it } from "vitest";
import { markNoTransform } from "./download-headers";

const answer = (headers: Record<string, string>) => new Response("x", { headers });

describe("markNoTransform", () => {
  it("adds no-transform to a download's cache-control, once", () => {
    const dl = { "content-disposition": 'attachment; filename="a.jsonl"' };
    expect(markNoTransform(answer({ ...dl, "cache-control": "no-store" })).headers.get("cache-control")).toBe(
      "no-store, no-transform",
    );
    expect(markNoTransform(answer(dl)).headers.get("cache-control")).toBe("no-store, no-transform");
    expect(
      markNoTransform(answer({ ...dl, "cache-control": "no-store, no-transform" })).headers.get(
        "cache-control",
      ),
    ).toBe("no-store, no-transform");
  });

  it("leaves answers that are not downloads alone", () => {
    expect(markNoTransform(answer({ "cache-control": "no-store" })).headers.get("cache-control")).toBe(
      "no-store",
    );
    expect(
      markNoTransform(answer({ "content-disposition": "inline", "cache-control": "no-store" })).headers.get(
        "cache-control",
      ),
    ).toBe("no-store");
  });
});
