import { describe, expect, it } from "vitest";
import { queueUrls, readClaimBody } from "./queue-api";

describe("queue URLs", () => {
  it("name every queue call of both screens in one place: the protocol shared by both queues", () => {
    const audit = queueUrls("audit", "c1");
    const study = queueUrls("study", "s1");
    expect(audit.next).toBe("/api/v1/audits/c1/assignments/next");
    expect(study.next).toBe("/api/v1/studies/s1/assignments/next");
    for (const u of [audit, study]) {
      expect(u.draft("a1")).toBe("/api/v1/assignments/a1/draft");
      expect(u.skip("a1")).toBe("/api/v1/assignments/a1/skip");
      expect(u.submit("a1")).toBe("/api/v1/assignments/a1/submit");
    }
  });
  it("escapes ids into one path segment", () => {
    expect(queueUrls("audit", "a/b").next).toContain("/audits/a%2Fb/");
  });
});

describe("readClaimBody", () => {
  it("reads the studies' old 'nothing left' shape as empty, and an assignment as itself", () => {
    expect(readClaimBody({ assignmentId: null })).toBeNull();
    expect(readClaimBody(null)).toBeNull();
    expect(readClaimBody({ assignmentId: "" })).toBeNull();
    expect(readClaimBody({ assignmentId: "a1", x: 1 })).toEqual({ assignmentId: "a1", x: 1 });
  });
});
