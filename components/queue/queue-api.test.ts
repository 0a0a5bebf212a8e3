import { describe, expect, it } from "vitest";
import { queueUrls, readClaimBody, USE_UNIFIED_QUEUE_URLS } from "./queue-api";

describe("queue URLs", () => {
  it("name every queue call of both screens in one place, behind the one switch", () => {
    const audit = queueUrls("audit", "c1");
    const study = queueUrls("study", "s1");
    if (USE_UNIFIED_QUEUE_URLS) {
      expect(audit.next).toBe("/api/v1/audits/c1/assignments/next");
      expect(study.next).toBe("/api/v1/studies/s1/assignments/next");
      for (const u of [audit, study]) {
        expect(u.draft("a1")).toBe("/api/v1/assignments/a1/draft");
        expect(u.skip("a1")).toBe("/api/v1/assignments/a1/skip");
        expect(u.submit("a1")).toBe("/api/v1/assignments/a1/submit");
      }
    } else {
      expect([audit.next, audit.draft("a1"), audit.skip("a1"), audit.submit("a1")]).toEqual([
        "/api/v1/audits/c1/items/next",
        "/api/v1/assignments/a1/review/draft",
        "/api/v1/assignments/a1/review/skip",
        "/api/v1/assignments/a1/review",
      ]);
      expect([study.next, study.draft("a1"), study.skip("a1"), study.submit("a1")]).toEqual([
        "/api/v1/studies/s1/assignments/next",
        "/api/v1/studies/s1/assignments/a1/draft",
        "/api/v1/studies/s1/assignments/a1/skip",
        "/api/v1/assignments/a1/judgement",
      ]);
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
