import { describe, expect, it } from "vitest";
import {
  choiceText,
  contentTypeOf,
  importUrl,
  readImportAnswer,
  refusalBeforeUpload,
} from "./import-request";

const query = (url: string) => Object.fromEntries(new URL(url, "http://x").searchParams);

describe("import request", () => {
  it("checks exactly the import it previews: every choice is sent, only dryRun differs", () => {
    for (const status of ["submitted", "approved"] as const) {
      for (const addUnknown of [true, false]) {
        const check = query(importUrl({ status, addUnknown }, true));
        const run = query(importUrl({ status, addUnknown }, false));
        expect(check).toEqual({ ...run, dryRun: "1" });
        expect(run).toEqual({ dryRun: "0", status, unknownLabels: addUnknown ? "add" : "reject" });
      }
    }
    expect(importUrl({ status: "approved", addUnknown: true }, true)).toMatch(/^\/api\/v1\/seeds\/import\?/);
  });

  it("sends a type the route accepts", () => {
    expect(contentTypeOf("med_seed.json")).toBe("application/json");
    expect(contentTypeOf("seeds.JSONL")).toBe("application/x-ndjson");
    expect(contentTypeOf("seeds")).toBe("application/json");
  });

  it("refuses before sending only what the route would refuse for its size", () => {
    expect(refusalBeforeUpload(null)).toBe("Choose a seed file first");
    expect(refusalBeforeUpload({ size: 5_000_000 })).toBeNull();
    expect(refusalBeforeUpload({ size: 0 })).toBeNull();
    expect(refusalBeforeUpload({ size: 5_000_001 })).toMatch(/^The file is larger than 5 MB/);
  });

  it("reads a result, a problem with its lists, an expired session and a non-JSON answer", () => {
    expect(readImportAnswer(200, { dryRun: true, count: 3 })).toMatchObject({
      kind: "done",
      result: { count: 3 },
    });
    const unknown = [
      { kind: "TYPE", label: "Classifications", spellings: ["Classifications"], records: [4] },
    ];
    expect(
      readImportAnswer(422, {
        status: 422,
        detail: "1 labels are not in the vocabularies",
        unknownLabels: unknown,
      }),
    ).toEqual({
      kind: "refused",
      status: 422,
      message: "1 labels are not in the vocabularies",
      unknownLabels: unknown,
      recordErrors: [],
    });
    expect(
      readImportAnswer(400, { detail: "The query is not valid", errors: { status: ["Invalid option"] } }),
    ).toMatchObject({
      message: "The query is not valid Invalid option",
    });
    const messageOf = (a: ReturnType<typeof readImportAnswer>) => (a.kind === "refused" ? a.message : "");
    expect(messageOf(readImportAnswer(401, { detail: "Sign in" }))).toMatch(/session has ended/);
    expect(messageOf(readImportAnswer(502, null))).toMatch(/answered 502/);
  });

  it("says which import a check previewed", () => {
    expect(choiceText({ status: "approved", addUnknown: true })).toBe(
      "import as approved, adding unknown labels as new terms",
    );
  });
});
