import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  isLegacyFingerprint,
  keyedLiteralFingerprint,
  keyedPhiFingerprint,
  kindOfFingerprint,
} from "./keyed-fingerprint";

const KEY = Buffer.from("k".repeat(32));
const OTHER = Buffer.from("o".repeat(32));

describe("keyedPhiFingerprint", () => {
  it("is stable, prefixed with the kind, and 256 bits", () => {
    const fp = keyedPhiFingerprint(KEY, "phone", "020 7946 0958");
    expect(fp).toMatch(/^phone:[0-9a-f]{64}$/);
    expect(keyedPhiFingerprint(KEY, "phone", "020-7946-0958")).toBe(fp);
  });

  it("cannot be checked against a guess without the key: no plain hash of the text, another key another value", () => {
    const fp = keyedPhiFingerprint(KEY, "record_number", "MRN 1234567");
    const plain = (s: string) => createHash("sha256").update(s).digest("hex");
    for (const guess of [
      "MRN 1234567",
      "mrn 1234567",
      "record_number\u0000mrn 1234567",
      "phi\u0000record_number\u0000mrn 1234567",
    ]) {
      expect(fp).not.toContain(plain(guess));
    }
    expect(keyedPhiFingerprint(OTHER, "record_number", "MRN 1234567")).not.toBe(fp);
  });

  it("tells kinds and contents apart", () => {
    expect(keyedPhiFingerprint(KEY, "phone", "0123456789")).not.toBe(
      keyedPhiFingerprint(KEY, "record_number", "0123456789").replace("record_number", "phone"),
    );
    expect(keyedPhiFingerprint(KEY, "date", "1/12/2020")).not.toBe(
      keyedPhiFingerprint(KEY, "date", "11/2/2020"),
    );
  });
});

describe("keyedLiteralFingerprint", () => {
  it("keys the literal exactly as given", () => {
    expect(keyedLiteralFingerprint(KEY, "Jane Doe")).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedLiteralFingerprint(KEY, "Jane Doe")).not.toBe(keyedLiteralFingerprint(KEY, "jane doe"));
    expect(keyedLiteralFingerprint(KEY, "Jane Doe")).not.toBe(
      createHash("sha256").update("Jane Doe").digest("hex"),
    );
  });
});

describe("legacy fingerprints", () => {
  it("are recognised by the mark the migration left, with their kind", () => {
    expect(isLegacyFingerprint("person_name:legacy-3f2a")).toBe(true);
    expect(isLegacyFingerprint(keyedPhiFingerprint(KEY, "person_name", "Smith"))).toBe(false);
    expect(kindOfFingerprint("person_name:legacy-3f2a")).toBe("person_name");
  });
});
